// Splitting each type's history into `created` ranges listed in parallel. Stripe has no count
// and lists newest first, so the ranges are found while listing: a fetcher with nothing to do
// splits the busy range with the most work left at a point below its last committed object;
// the busy one keeps its cursor and the upper part, the idle one takes the lower part. Ranges
// never overlap, and an open lower end stays open, so no object can fall between two ranges.
import { createdOf, PAGE_SIZE, type Listed } from "@/lib/stripe/fetch";
import type { MirroredKind } from "@/lib/stripe/schemas";
import type { RangeCursor, SyncCursor } from "@/lib/stripe/sync-run";

export interface RangeTask {
  kind: MirroredKind;
  range: RangeCursor;
  /** Held by a fetcher, or listed to its end with pages still waiting to be written. */
  busy: boolean;
  /**
   * What the fetcher has listed so far, ahead of `range` (its committed cursor) by the pages
   * waiting to be written: splits cut below it, so a page on its way is never given away.
   */
  listed?: Pick<RangeCursor, "newest" | "last" | "fetched" | "hasMore">;
  /** Pages fetched and not written yet. */
  queued: number;
  /** Listed to its end and written: dropped from the scheduler. */
  ended: boolean;
}

/** The range as far as it is listed (committed or waiting to be written). */
function listedView(task: RangeTask): RangeCursor {
  return task.listed ? { ...task.range, ...task.listed } : task.range;
}

/** The ranges a type starts with: one open range (from `since` in an incremental run). */
export function initialRanges(cursor: SyncCursor, kind: MirroredKind): RangeCursor[] {
  const type = (cursor.types[kind] ??= { done: false });
  if (!type.ranges) {
    const gte = cursor.since !== undefined ? Math.floor(cursor.since / 1000) : undefined;
    // A run interrupted before ranges existed resumes its one list where it stopped.
    type.ranges = [{ gte, startingAfter: type.startingAfter, fetched: 0, hasMore: true }];
    delete type.startingAfter;
  }
  return type.ranges;
}

/** Objects per second of `created` time the range has shown so far (null before its first page). */
function density(range: RangeCursor): number | null {
  if (range.newest === undefined || range.last === undefined || range.fetched === 0) return null;
  return range.fetched / Math.max(1, range.newest - range.last + 1);
}

/** Lower end used for estimates: the range's own bound, else a hint (oldest object seen so far). */
function lowerEstimate(range: RangeCursor, hint: number | undefined): number | undefined {
  if (range.gte !== undefined) return range.gte;
  return hint !== undefined && range.last !== undefined && hint < range.last ? hint : undefined;
}

/** Objects left in the range, assuming its density holds; Infinity when its lower end is unknown. */
/** Moves a range's committed cursor past the objects of a page listed from it (newest first). */
export function moveRangeCursor(range: RangeCursor, mine: readonly Listed[], exhausted: boolean): void {
  const last = mine.at(-1);
  if (last) {
    range.startingAfter = last.id;
    range.newest ??= createdOf(mine[0]);
    range.last = createdOf(last);
    range.fetched += mine.length;
  }
  range.hasMore = !exhausted;
}

export function remainingEstimate(range: RangeCursor, hint: number | undefined): number {
  if (!range.hasMore) return 0;
  const d = density(range);
  if (d === null || range.last === undefined) return Infinity;
  const lo = lowerEstimate(range, hint);
  return lo === undefined ? Infinity : d * Math.max(0, range.last - lo);
}

/**
 * Objects a range must have left to be split: each split ends two ranges on partial pages
 * (about one request more), so a split is only worth it with a few pages to share.
 */
const MIN_SPLIT_OBJECTS = 4 * PAGE_SIZE;

/** Where to cut a busy range, or null when too little is left to be worth a second fetcher. */
export function splitPoint(range: RangeCursor, hint: number | undefined): number | null {
  const d = density(range);
  const last = range.last;
  if (d === null || last === undefined || !range.hasMore) return null;
  if (remainingEstimate(range, hint) < MIN_SPLIT_OBJECTS) return null;
  const lo = lowerEstimate(range, hint);
  // Unknown lower end: leave the busy fetcher about half the minimum, hand over everything older.
  const cut =
    lo === undefined
      ? last - Math.max(1, Math.ceil(MIN_SPLIT_OBJECTS / 2 / d))
      : lo + Math.floor((last - lo) / 2);
  if (cut > last || (range.gte !== undefined && cut <= range.gte)) return null;
  return cut;
}

const newTask = (kind: MirroredKind, range: RangeCursor): RangeTask => ({
  kind,
  range,
  busy: false,
  queued: 0,
  ended: false,
});

export class RangeScheduler {
  private readonly tasks: RangeTask[] = [];
  private wake: (() => void) | null = null;
  /** Oldest `created` listed this run: a lower-end hint for open ranges (children are younger than parents). */
  oldestSeen: number | undefined;

  /** `phases`: kinds in dependency order; earlier phases are always served first. */
  constructor(
    private readonly cursor: SyncCursor,
    private readonly phases: MirroredKind[][],
  ) {
    for (const kind of phases.flat()) {
      if (cursor.types[kind]?.done) continue;
      for (const range of initialRanges(cursor, kind)) this.tasks.push(newTask(kind, range));
    }
  }

  /** Whether every kind of the phases before `kind`'s is listed to its end. */
  earlierPhasesDone(kind: MirroredKind): boolean {
    return this.phaseOf(kind) <= this.currentPhase();
  }

  /** Index of `kind`'s phase. */
  phaseOf(kind: MirroredKind): number {
    return Math.max(
      0,
      this.phases.findIndex((phase) => phase.includes(kind)),
    );
  }

  /** Index of the first phase with a kind not listed to its end (phases.length when none). */
  currentPhase(): number {
    const index = this.phases.findIndex((phase) => phase.some((k) => this.cursor.types[k]?.done !== true));
    return index === -1 ? this.phases.length : index;
  }

  /**
   * An idle range, else a new one split off the busy range with the most work left, earliest
   * phase first; null when none.
   */
  next(): RangeTask | null {
    for (const phase of this.phases) {
      const task = this.nextIn(this.tasks.filter((t) => phase.includes(t.kind)));
      if (task) return task;
    }
    return null;
  }

  private nextIn(tasks: RangeTask[]): RangeTask | null {
    const idle = tasks.find((task) => !task.busy);
    if (idle) {
      idle.busy = true;
      return idle;
    }
    let best: { task: RangeTask; left: number; cut: number } | null = null;
    for (const task of tasks) {
      const view = listedView(task);
      const cut = splitPoint(view, this.oldestSeen);
      if (cut === null) continue;
      const left = remainingEstimate(view, this.oldestSeen);
      if (!best || left > best.left) best = { task, left, cut };
    }
    if (!best) return null;
    const lower: RangeCursor = { gte: best.task.range.gte, lt: best.cut, fetched: 0, hasMore: true };
    best.task.range.gte = best.cut;
    this.typeRanges(best.task.kind).push(lower);
    const task = newTask(best.task.kind, lower);
    task.busy = true;
    this.tasks.push(task);
    return task;
  }

  /** Whether a range is still being listed (an idle fetcher may find work once it commits). */
  anyBusy(): boolean {
    return this.tasks.some((task) => task.busy);
  }

  /** Records a committed page of `task` (its range's cursor already advanced). */
  progressed(created: number | undefined): void {
    if (created !== undefined && (this.oldestSeen === undefined || created < this.oldestSeen))
      this.oldestSeen = created;
    this.notify();
  }

  /** The range is listed to its end: drop it; the type is done when no range is left. */
  finished(task: RangeTask): void {
    task.ended = true;
    this.tasks.splice(this.tasks.indexOf(task), 1);
    const ranges = this.typeRanges(task.kind);
    ranges.splice(ranges.indexOf(task.range), 1);
    const type = this.cursor.types[task.kind];
    if (type && ranges.length === 0) type.done = true;
    this.notify();
  }

  /** Resolves at the next committed page or finished range. */
  changed(): Promise<void> {
    return new Promise((resolve) => {
      const previous = this.wake;
      this.wake = () => {
        previous?.();
        resolve();
      };
    });
  }

  /** Objects still to list in `kind` (Infinity when unknown). */
  remaining(kind: MirroredKind): number {
    return this.tasks
      .filter((task) => task.kind === kind)
      .reduce((sum, task) => sum + remainingEstimate(listedView(task), this.oldestSeen), 0);
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  private typeRanges(kind: MirroredKind): RangeCursor[] {
    return initialRanges(this.cursor, kind);
  }
}
