// The sync's one writer. Fetchers hand it completed pages; it applies every page waiting (up
// to WRITE_BATCH_OBJECTS) in ONE transaction with their ranges' cursors and ONE save of the
// progress, so a commit's fixed cost (WAL frames of the shared index pages, the SyncRun row)
// is paid once per batch instead of once per page, and a failure leaves no page without its
// cursor nor a cursor without its page. A page of a later phase waits until the earlier
// phases are written to their end (see `phases` in sync.ts).
import { createdOf, type Listed, type RawText } from "@/lib/stripe/fetch";
import { ingestObjects, type ItemOutcome } from "@/lib/stripe/ingest";
import { moveRangeCursor, type RangeScheduler, type RangeTask } from "@/lib/stripe/sync-ranges";
import { emptyCounts, saveProgress, type TypeCounts } from "@/lib/stripe/sync-run";
import { SYNC_ORIGIN, type RunContext } from "@/lib/stripe/sync-context";

/**
 * Objects per write transaction at most: past ~500 objects a bigger transaction saves little
 * (bench/support/ingest-profile.ts), and the event loop should not stop for much longer than
 * ~50 ms while responses wait to be read.
 */
export const WRITE_BATCH_OBJECTS = 1000;

export interface FetchedPage {
  task: RangeTask;
  /** The page's objects, nested lists completed, newest first. */
  objects: Listed[];
  /** Stripe has more after this page (false: the range ends with it). */
  hasMore: boolean;
  /** The objects' JSON texts and hashes from the fetch thread (a completed object has none). */
  texts?: Map<Listed, RawText>;
}

/** What the writer uses of the run; `failure` is the run's first failure (then nothing is written). */
export type WriterContext = Pick<RunContext, "db" | "run" | "clock" | "tracker" | "derive" | "failure">;

/** A page as it will be written: the objects of its range (a split may have cut it). */
interface Planned {
  page: FetchedPage;
  mine: Listed[];
  exhausted: boolean;
}

export class PageWriter {
  private queue: FetchedPage[] = [];
  private scheduled = false;
  /** Pages waiting for an earlier phase (bounded by the fetchers: read-ahead). */
  private waitingPages = 0;

  /** `onPage`: after each written page (progress reports, connection retries reset). */
  constructor(
    private readonly ctx: WriterContext,
    private readonly scheduler: RangeScheduler,
    private readonly onPage: (kind: string, counts: TypeCounts) => void,
  ) {}

  /** Queues a fetched page; it is written on a later turn of the event loop. */
  push(page: FetchedPage): void {
    page.task.queued += 1;
    if (!this.scheduler.earlierPhasesDone(page.task.kind)) this.waitingPages += 1;
    this.queue.push(page);
    this.schedule();
  }

  /** Pages queued behind an earlier phase (the fetchers stop reading ahead past a bound). */
  waiting(): number {
    return this.waitingPages;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.write();
    });
  }

  /** Writes the pages that may be written now, in the order they came, one transaction. */
  private write(): void {
    if (this.ctx.failure) {
      this.queue = [];
      return;
    }
    const phase = this.scheduler.currentPhase();
    const batch: FetchedPage[] = [];
    const rest: FetchedPage[] = [];
    let objects = 0;
    for (const page of this.queue) {
      if (objects < WRITE_BATCH_OBJECTS && this.scheduler.phaseOf(page.task.kind) <= phase) {
        batch.push(page);
        objects += page.objects.length;
      } else rest.push(page);
    }
    if (batch.length === 0) return;
    this.queue = rest;
    try {
      this.commit(batch);
    } catch (error) {
      this.ctx.failure ??= { error };
      this.queue = [];
      this.scheduler.progressed(undefined); // wakes the fetchers: they stop
      return;
    }
    this.waitingPages = this.queue.filter((page) => !this.scheduler.earlierPhasesDone(page.task.kind)).length;
    if (this.queue.length > 0) this.schedule();
  }

  private commit(batch: FetchedPage[]): void {
    const { ctx } = this;
    const planned = plan(batch);
    const now = ctx.clock();
    const items = planned.flatMap((p) =>
      p.mine.map((object) => ({ object, sourceAt: now, raw: p.page.texts?.get(object) })),
    );
    ctx.db
      .transaction(() => {
        const result = ingestObjects(ctx.db, items, {
          now,
          syncRunId: ctx.run.id,
          origin: SYNC_ORIGIN,
          reconcile: !ctx.run.cursor.deriveAtEnd,
        });
        let offset = 0;
        for (const p of planned) {
          const outcomes = result.outcomes.slice(offset, offset + p.mine.length);
          offset += p.mine.length;
          tally((ctx.run.counts[p.page.task.kind] ??= emptyCounts()), outcomes);
          advance(this.scheduler, p);
        }
        saveProgress(ctx.db, ctx.run);
      })
      .immediate();
    for (const { page, mine } of planned) {
      const { kind, range } = page.task;
      page.task.queued -= 1;
      if (ctx.run.cursor.deriveAtEnd)
        ctx.derive.committed(
          kind,
          mine.map((object) => object.id),
        );
      ctx.tracker.page(kind, mine.length);
      this.scheduler.progressed(range.last);
      this.onPage(kind, ctx.run.counts[kind] ?? emptyCounts());
    }
    // Pages of ranges that ended before them (a split gave their objects to another range).
    for (const page of batch) if (!planned.some((p) => p.page === page)) page.task.queued -= 1;
  }
}

/**
 * Which objects of each page are its range's: a split while the page was on its way gave the
 * older ones to another range, and the range ends there (its later pages are dropped).
 */
function plan(batch: FetchedPage[]): Planned[] {
  const ending = new Set<RangeTask>();
  const planned: Planned[] = [];
  for (const page of batch) {
    const { task } = page;
    if (task.ended || ending.has(task)) continue;
    const floor = task.range.gte;
    const mine =
      floor === undefined ? page.objects : page.objects.filter((object) => createdOf(object) >= floor);
    const exhausted = mine.length < page.objects.length || !page.hasMore || page.objects.length === 0;
    if (exhausted) ending.add(task);
    planned.push({ page, mine, exhausted });
  }
  return planned;
}

function tally(counts: TypeCounts, outcomes: ItemOutcome[]): void {
  counts.fetched += outcomes.length;
  for (const outcome of outcomes) if (outcome !== "ignored") counts[outcome] += 1;
}

/** Moves the range's committed cursor past the page; an exhausted range is finished. */
function advance(scheduler: RangeScheduler, { page, mine, exhausted }: Planned): void {
  moveRangeCursor(page.task.range, mine, exhausted);
  if (exhausted) scheduler.finished(page.task);
}
