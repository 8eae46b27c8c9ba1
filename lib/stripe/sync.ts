// Sync: mirror a Stripe account through the one ingest path. A full run lists every object;
// an incremental run lists what was created since the last run plus the events since then.
// Each type's history is split into `created` ranges listed by parallel fetchers under one
// rate limiter; every page is committed with the resume cursors, so an interrupted run
// continues where it stopped, and the next page is already on its way while one is written.
import Stripe from "stripe";
import type { Sqlite } from "@/lib/db/sqlite";
import { ingestObjects, type IngestResult } from "@/lib/stripe/ingest";
import {
  completeNestedLists,
  createdOf,
  eventsPage,
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
 * WAL pages between automatic checkpoints while a sync runs (64 MB of 4 KB pages; SQLite's
 * default is 1,000). Each checkpoint copies the WAL into the database and syncs the file; a
 * sync writes a page of 100 objects every few ms, so with the default it checkpointed every
 * few pages, rewriting the same index pages each time: 1.6× the sync's wall time on a busy
 * disk (docs/BENCHMARKS.md). One checkpoint at the end, then the previous setting.
 */
const SYNC_WAL_AUTOCHECKPOINT = 16_384;
/** Runs (or resumes) one sync. Never leaves half a page applied. */
export async function runSync(db: Sqlite, stripe: Stripe, options: SyncOptions = {}): Promise<SyncReport> {
  const clock = options.now ?? (() => new Date());
  const started = performance.now();
  const autocheckpoint = Number(db.pragma("wal_autocheckpoint", { simple: true }));
  db.pragma(`wal_autocheckpoint = ${SYNC_WAL_AUTOCHECKPOINT}`);
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
    db.pragma(`wal_autocheckpoint = ${autocheckpoint}`);
    // PASSIVE: copies what no reader still needs, never waits for other connections.
    db.pragma("wal_checkpoint(PASSIVE)");
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
 * stopped. Fetchers with nothing left in an earlier phase fetch a later phase's pages already,
 * but commit them only once the earlier phases are done (see `phases`).
 */
async function syncRanges(ctx: RunContext): Promise<void> {
  const scheduler = new RangeScheduler(ctx.run.cursor, phases);
  ctx.tracker.watch(scheduler, phases.flat());
  const fetcher = async () => {
    while (!ctx.failure) {
      const task = scheduler.next();
      if (task) {
        await syncRange(ctx, scheduler, task).catch((error: unknown) => {
          ctx.failure ??= { error };
        });
        task.busy = false;
        scheduler.progressed(undefined); // wakes idle fetchers: there may be work, or a failure
        continue;
      }
      if (!scheduler.anyBusy()) return;
      await scheduler.changed();
    }
  };
  const size = ctx.options.concurrency ?? defaultConcurrency(ctx.limiter.perSecond);
  await Promise.all(Array.from({ length: Math.max(1, size) }, fetcher));
  saveProgress(ctx.db, ctx.run);
  if (ctx.failure) throw ctx.failure.error;
}

/** Lists one range to its end (or until the run fails), one committed page at a time. */
async function syncRange(ctx: RunContext, scheduler: RangeScheduler, task: RangeTask): Promise<void> {
  const { range, kind } = task;
  const counts = (ctx.run.counts[kind] ??= emptyCounts());
  const fetch = (startingAfter: string | undefined) =>
    withConnectionRetries(ctx, () =>
      listPage(ctx.stripe, kind, { startingAfter, createdGte: range.gte, createdLt: range.lt }, ctx.limiter),
    );
  let next: Promise<Page<Listed>> | null = fetch(range.startingAfter);
  while (next && !ctx.failure) {
    const page: Page<Listed> = await next;
    // Prefetch: the next page is requested before this one is completed and written.
    const after = page.data.at(-1)?.id;
    next = page.hasMore && after ? fetch(after) : null;
    next?.catch(() => undefined); // awaited below, or dropped when the range ends early
    const objects = await Promise.all(
      page.data.map((object) => completeNestedLists(ctx.stripe, kind, object, ctx.limiter)),
    );
    while (!scheduler.earlierPhasesDone(kind) && !ctx.failure) await scheduler.changed();
    if (ctx.failure) return;
    // A split while this page was on its way gave the older objects to another range.
    const floor = range.gte;
    const mine = floor === undefined ? objects : objects.filter((object) => createdOf(object) >= floor);
    const exhausted = mine.length < objects.length || next === null;
    const fetchedAt = ctx.clock();
    const items = mine.map((object) => ({ object, sourceAt: fetchedAt }));
    commitPage(
      ctx,
      counts,
      () =>
        ingestObjects(ctx.db, items, {
          now: fetchedAt,
          syncRunId: ctx.run.id,
          origin: SYNC_ORIGIN,
          reconcile: !ctx.run.cursor.deriveAtEnd,
        }),
      () => {
        const last = mine.at(-1);
        if (last) {
          range.startingAfter = last.id;
          range.newest ??= createdOf(mine[0]);
          range.last = createdOf(last);
          range.fetched += mine.length;
        }
        range.hasMore = !exhausted;
        if (exhausted) scheduler.finished(task);
      },
    );
    ctx.retriesLeft = CONNECTION_RETRIES;
    if (ctx.run.cursor.deriveAtEnd)
      ctx.derive.committed(
        kind,
        mine.map((object) => object.id),
      );
    scheduler.progressed(range.last);
    ctx.tracker.page(kind, mine.length);
    reportProgress(ctx, kind, counts);
    if (exhausted) return;
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

/** Applies one page and the resume cursors in one transaction. */
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
