// Sync: mirror a Stripe account through the one ingest path. A full run lists every object;
// an incremental run lists what was created since the last run plus the events since then.
// Each type's history is split into `created` ranges listed by parallel fetchers under one
// rate limiter; one writer commits the pages waiting, each with its range's resume cursor, so
// an interrupted run continues where it stopped, while the next pages are already on their way.
import Stripe from "stripe";
import type { Sqlite } from "@/lib/db/sqlite";
import { ingestObjects, type IngestResult } from "@/lib/stripe/ingest";
import {
  completeNestedLists,
  createdOf,
  eventsPage,
  hasTruncatedLists,
  listPage,
  type Listed,
  type Page,
} from "@/lib/stripe/fetch";
import { markVanished } from "@/lib/stripe/vanished";
import { eventToIngestItem } from "@/lib/stripe/events";
import type { MirroredKind } from "@/lib/stripe/schemas";
import {
  beginSyncRun,
  emptyCounts,
  finishSyncRun,
  saveProgress,
  type SyncRunRow,
  type TypeCounts,
} from "@/lib/stripe/sync-run";
import { mirrorStore } from "@/lib/stripe/mirror-store";
import { tokenBucket, unlimited, type RateLimiter } from "@/lib/stripe/rate-limit";
import { RangeScheduler, type RangeTask } from "@/lib/stripe/sync-ranges";
import { ProgressTracker, type OverallProgress } from "@/lib/stripe/sync-progress";
import { quarantineSummary, retryQuarantine } from "@/lib/stripe/quarantine";
import { resolveTies } from "@/lib/stripe/refetch";
import type { ChangeOrigin } from "@/lib/bookings/history";
import { BackgroundDerive } from "@/lib/stripe/sync-derive";
import { PageWriter } from "@/lib/stripe/sync-writer";
import { withBulkWrites } from "@/lib/db/bulk-writes";

/**
 * What bookings are made of comes first, so a booking is created complete (its client's name,
 * its product) instead of being created and then updated, which would bump its SEQUENCE.
 */
export const phases: MirroredKind[][] = [
  ["product", "price", "customer"],
  ["subscription", "invoice", "invoiceitem"],
];

export interface SyncProgress {
  kind: string;
  counts: TypeCounts;
  perSecond: number;
  overall: OverallProgress;
}

export interface SyncOptions {
  now?: () => Date;
  full?: boolean;
  /** Requests per second (default unlimited; the CLI and the job pass STRIPE_RATE_LIMIT). */
  requestsPerSecond?: number;
  /** Fetchers listing ranges at the same time (default from the rate: enough to hide latency). */
  concurrency?: number;
  onProgress?: (progress: SyncProgress) => void;
}

export interface SyncReport {
  runId: number;
  mode: "full" | "incremental";
  status: "succeeded" | "failed";
  counts: SyncRunRow["counts"];
  markedDeleted: number;
  /** Objects of this run that failed validation (each in the quarantine). */
  invalid: number;
  /** Objects in the quarantine when the run ended (earlier ones included): > 0 is "completed with problems". */
  quarantined: number;
  /** Same-second ties resolved by fetching the object from Stripe. */
  refetched: number;
  error?: string;
  durationMs: number;
  /** Requests sent to Stripe (pages, nested lists, retries excluded). */
  requests: number;
}

/** Enough fetchers to keep `perSecond` requests in flight at ~400 ms each, within reason. */
export function defaultConcurrency(perSecond: number): number {
  return Number.isFinite(perSecond) ? Math.min(32, Math.max(4, Math.ceil(perSecond * 0.4))) : 8;
}

interface RunContext {
  db: Sqlite;
  stripe: Stripe;
  run: SyncRunRow;
  clock: () => Date;
  limiter: RateLimiter;
  tracker: ProgressTracker;
  options: SyncOptions;
  /** Set by the first fetcher that fails, so the others stop at their next page. */
  failure: { error: unknown } | null;
  /** Consecutive connection failures (bodies cut off, timeouts) left before the run fails. */
  retriesLeft: number;
  /** Bookings of a first full sync, derived behind the fetch (`SyncCursor.deriveAtEnd`). */
  derive: BackgroundDerive;
}

const CONNECTION_RETRIES = 3;
const SYNC_ORIGIN: ChangeOrigin = { actor: "stripe", cause: "sync" };
/**
 * Runs (or resumes) one sync. Never leaves half a page applied. In bulk-write mode (one WAL
 * checkpoint at the end: lib/db/bulk-writes.ts), as it writes many transactions in a row.
 */
export function runSync(db: Sqlite, stripe: Stripe, options: SyncOptions = {}): Promise<SyncReport> {
  return withBulkWrites(db, () => syncInBulk(db, stripe, options));
}

async function syncInBulk(db: Sqlite, stripe: Stripe, options: SyncOptions): Promise<SyncReport> {
  const clock = options.now ?? (() => new Date());
  const started = performance.now();
  const run = beginSyncRun(db, { now: clock(), full: options.full });
  const limiter = options.requestsPerSecond ? tokenBucket(options.requestsPerSecond) : unlimited;
  const counting = countingLimiter(limiter);
  const onResponse = (event: { status?: number }) => {
    // The SDK may retry a 429 itself: every fetcher still waits before its next request.
    if (event.status === 429) limiter.backOff(1000);
  };
  stripe.on("response", onResponse);
  const ctx: RunContext = {
    db,
    stripe,
    run,
    clock,
    limiter: counting,
    tracker: new ProgressTracker(db, run),
    options,
    failure: null,
    retriesLeft: CONNECTION_RETRIES,
    derive: new BackgroundDerive(db, clock, SYNC_ORIGIN),
  };
  let markedDeleted = 0;
  let refetched = 0;
  try {
    // Objects quarantined earlier may pass now (an upgrade made the schemas accept them).
    retryQuarantine(db, { now: clock() });
    if (phases.flat().some((kind) => !run.cursor.types[kind]?.done)) await syncRanges(ctx);
    if (!run.cursor.events.done && run.cursor.since !== undefined) await syncEvents(ctx, run.cursor.since);
    // The catch-up of same-second ties kept by lifecycle order while the API was not asked.
    refetched = (await resolveTies(db, stripe, { now: clock() })).resolved;
    if (!run.cursor.vanishedMarked) {
      markedDeleted = markVanished(db, run.id, run.cursor.scanStartedAt, clock());
      run.cursor.vanishedMarked = true;
      saveProgress(db, run);
    }
    if (run.cursor.deriveAtEnd && !run.cursor.derived) {
      await ctx.derive.finish();
      run.cursor.derived = true;
      saveProgress(db, run);
    }
    finishSyncRun(db, run.id, clock());
    return report(db, run, "succeeded", { markedDeleted, refetched }, started, counting.sent());
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    finishSyncRun(db, run.id, clock(), message);
    return {
      ...report(db, run, "failed", { markedDeleted, refetched }, started, counting.sent()),
      error: message,
    };
  } finally {
    stripe.off("response", onResponse);
  }
}

function report(
  db: Sqlite,
  run: SyncRunRow,
  status: SyncReport["status"],
  done: { markedDeleted: number; refetched: number },
  started: number,
  requests: number,
): SyncReport {
  return {
    runId: run.id,
    mode: run.mode,
    status,
    counts: run.counts,
    ...done,
    invalid: Object.values(run.counts).reduce((sum, counts) => sum + counts.invalid, 0),
    quarantined: quarantineSummary(db).total,
    durationMs: Math.round(performance.now() - started),
    requests,
  };
}

function countingLimiter(inner: RateLimiter): RateLimiter & { sent(): number } {
  let sent = 0;
  return {
    perSecond: inner.perSecond,
    backOff: (ms) => inner.backOff(ms),
    take: () => {
      sent += 1;
      return inner.take();
    },
    sent: () => sent,
  };
}

/**
 * Lists every unfinished range with the run's fetchers; throws the first failure once all
 * stopped. Fetchers hand their pages to the one writer (lib/stripe/sync-writer.ts), which
 * commits a later phase's pages only once the earlier phases are done (see `phases`); until
 * then a later phase's fetchers read a few pages ahead, so the rate budget is not left idle.
 */
async function syncRanges(ctx: RunContext): Promise<void> {
  const scheduler = new RangeScheduler(ctx.run.cursor, phases);
  ctx.tracker.watch(scheduler, phases.flat());
  const size = Math.max(1, ctx.options.concurrency ?? defaultConcurrency(ctx.limiter.perSecond));
  const writer = new PageWriter(
    {
      db: ctx.db,
      run: ctx.run,
      clock: ctx.clock,
      origin: SYNC_ORIGIN,
      tracker: ctx.tracker,
      derive: ctx.derive,
      get failure() {
        return ctx.failure;
      },
      set failure(failure) {
        ctx.failure = failure;
      },
      onPage: (kind, counts) => {
        ctx.retriesLeft = CONNECTION_RETRIES;
        reportProgress(ctx, kind, counts);
      },
    },
    scheduler,
  );
  const fetcher = async () => {
    while (!ctx.failure) {
      const task = scheduler.next();
      if (task) {
        await syncRange(ctx, scheduler, writer, task, size).catch((error: unknown) => {
          ctx.failure ??= { error };
          task.busy = false;
        });
        scheduler.progressed(undefined); // wakes idle fetchers: there may be work, or a failure
        continue;
      }
      if (!scheduler.anyBusy()) return;
      await scheduler.changed();
    }
  };
  await Promise.all(Array.from({ length: size }, fetcher));
  saveProgress(ctx.db, ctx.run);
  if (ctx.failure) throw ctx.failure.error;
}

/** Pages of one range fetched and not written yet, at most (the writer's back-pressure). */
const READ_AHEAD_PAGES = 4;

/**
 * Lists one range to its end (or until the run fails, or the writer ends the range at a
 * split) and queues its pages for the writer. The range stays busy until its last page is
 * written: the writer finishes it.
 */
async function syncRange(
  ctx: RunContext,
  scheduler: RangeScheduler,
  writer: PageWriter,
  task: RangeTask,
  fetchers: number,
): Promise<void> {
  const { range, kind } = task;
  const fetch = (startingAfter: string | undefined) =>
    withConnectionRetries(ctx, () =>
      listPage(ctx.stripe, kind, { startingAfter, createdGte: range.gte, createdLt: range.lt }, ctx.limiter),
    );
  // Pages behind an earlier phase, at most: a later phase reads ahead, but not without end.
  const maxWaiting = READ_AHEAD_PAGES * fetchers;
  const room = (inHand: number) =>
    task.queued + inHand < READ_AHEAD_PAGES &&
    (scheduler.earlierPhasesDone(kind) || writer.waiting() + inHand < maxWaiting);
  const listed = (task.listed ??= {
    newest: range.newest,
    last: range.last,
    fetched: range.fetched,
    hasMore: range.hasMore,
  });
  let next: Promise<Page<Listed>> | null = fetch(range.startingAfter);
  while (next) {
    const page: Page<Listed> = await next;
    next = null;
    if (ctx.failure || task.ended) return;
    const after = page.data.at(-1);
    const more = page.hasMore && after !== undefined;
    if (after) {
      listed.newest ??= createdOf(page.data[0]);
      listed.last = createdOf(after);
      listed.fetched += page.data.length;
    }
    listed.hasMore = more;
    // Prefetch: the next page is requested before this one is completed and written.
    if (more && room(1)) next = fetch(after.id);
    next?.catch(() => undefined); // awaited below, or dropped when the range ends early
    // Most objects carry their whole nested lists: no promise for those.
    const objects = page.data.some((object) => hasTruncatedLists(kind, object))
      ? await Promise.all(
          page.data.map((object) =>
            hasTruncatedLists(kind, object)
              ? completeNestedLists(ctx.stripe, kind, object, ctx.limiter)
              : object,
          ),
        )
      : page.data;
    if (ctx.failure || task.ended) return;
    writer.push({ task, objects, hasMore: page.hasMore });
    if (!more) return;
    if (!next) {
      while (!room(0) && !ctx.failure && !task.ended) await scheduler.changed();
      if (ctx.failure || task.ended) return;
      next = fetch(after.id);
    }
  }
}

function reportProgress(ctx: RunContext, kind: string, counts: TypeCounts): void {
  const overall = ctx.tracker.snapshot();
  ctx.options.onProgress?.({ kind, counts, perSecond: overall.perSecond, overall });
}

/**
 * A response cut off mid-body or a request that timed out after the SDK's own retries: tried
 * again from the same cursor, up to CONNECTION_RETRIES times in a row for the whole run.
 */
async function withConnectionRetries<T>(ctx: RunContext, work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof Stripe.errors.StripeConnectionError) || ctx.retriesLeft <= 0 || ctx.failure)
        throw error;
      ctx.retriesLeft -= 1;
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }
}

async function syncEvents(ctx: RunContext, sinceMs: number): Promise<void> {
  const { db, run, clock } = ctx;
  const cursor = run.cursor.events;
  const counts = (run.counts.events ??= emptyCounts());
  const store = mirrorStore(db);
  for (;;) {
    const page = await withConnectionRetries(ctx, () =>
      eventsPage(ctx.stripe, { sinceMs, startingAfter: cursor.startingAfter }, ctx.limiter),
    );
    const fresh = page.data.filter((event) => store.dedupHash("event", event.id) === undefined);
    const items = fresh.map(eventToIngestItem).filter((item) => item !== null);
    commitPage(
      ctx,
      counts,
      () => {
        const result = ingestObjects(db, items, {
          now: clock(),
          origin: { actor: "stripe", cause: "sync:events" },
        });
        for (const event of fresh) store.recordDedup("event", event.id, event.type, clock().getTime());
        return result;
      },
      () => {
        cursor.startingAfter = page.data.at(-1)?.id ?? cursor.startingAfter;
        if (!page.hasMore) cursor.done = true;
      },
    );
    counts.unchanged += page.data.length - fresh.length;
    ctx.tracker.page("events", page.data.length);
    reportProgress(ctx, "events", counts);
    if (!page.hasMore || page.data.length === 0) break;
  }
  cursor.done = true;
  saveProgress(db, run);
}

/** Applies one page of events and the resume cursors in one transaction. */
function commitPage(
  ctx: RunContext,
  counts: TypeCounts,
  apply: () => IngestResult,
  advance: () => void,
): void {
  ctx.db
    .transaction(() => {
      const result = apply();
      counts.fetched += result.outcomes.length;
      counts.applied += result.counts.applied;
      counts.unchanged += result.counts.unchanged;
      counts.stale += result.counts.stale;
      counts.invalid += result.counts.invalid;
      advance();
      saveProgress(ctx.db, ctx.run);
    })
    .immediate();
}
