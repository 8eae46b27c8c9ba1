// Sync: mirror a Stripe account through the one ingest path. A full run lists every object;
// an incremental run lists what was created since the last run plus the events since then.
// Each type's history is split into `created` ranges listed by parallel fetchers under one
// rate limiter; one writer commits the pages waiting, each with its range's resume cursor, so
// an interrupted run continues where it stopped, while the next pages are already on their way.
import type Stripe from "stripe";
import type { Sqlite } from "@/lib/db/sqlite";
import { withBulkWrites } from "@/lib/db/bulk-writes";
import { withCheckpointThread } from "@/lib/db/checkpointer";
import { markVanished } from "@/lib/stripe/vanished";
import type { MirroredKind } from "@/lib/stripe/schemas";
import { beginSyncRun, finishSyncRun, saveProgress, type SyncRunRow } from "@/lib/stripe/sync-run";
import { tokenBucket, unlimited, type RateLimiter } from "@/lib/stripe/rate-limit";
import { ProgressTracker } from "@/lib/stripe/sync-progress";
import { quarantineSummary, retryQuarantine } from "@/lib/stripe/quarantine";
import { resolveTies } from "@/lib/stripe/refetch";
import { BackgroundDerive } from "@/lib/stripe/sync-derive";
import { startFetchThread } from "@/lib/stripe/fetch-thread";
import {
  CONNECTION_RETRIES,
  SYNC_ORIGIN,
  type RunContext,
  type SyncOptions,
} from "@/lib/stripe/sync-context";
import { syncEvents } from "@/lib/stripe/sync-events";
import { syncRanges } from "@/lib/stripe/sync-fetchers";

export { defaultConcurrency, type SyncOptions, type SyncProgress } from "@/lib/stripe/sync-context";

/**
 * What bookings are made of comes first, so a booking is created complete (its client's name,
 * its product) instead of being created and then updated, which would bump its SEQUENCE.
 */
export const phases: MirroredKind[][] = [
  ["product", "price", "customer"],
  ["subscription", "invoice", "invoiceitem"],
];

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
  /** Pages were listed by the fetch thread (false: on the sync's own thread). */
  fetchThread: boolean;
}

/**
 * Runs (or resumes) one sync. Never leaves half a page applied. In bulk-write mode (one WAL
 * checkpoint at the end: lib/db/bulk-writes.ts), as it writes many transactions in a row, with
 * a checkpoint thread meanwhile when the process has none (lib/db/checkpointer.ts).
 */
export function runSync(db: Sqlite, stripe: Stripe, options: SyncOptions = {}): Promise<SyncReport> {
  return withBulkWrites(db, () => withCheckpointThread(db, () => syncInBulk(db, stripe, options)));
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
  const thread = options.client
    ? await startFetchThread(options.client, { onRateLimited: () => limiter.backOff(1000) })
    : null;
  const fetchThread = thread !== null;
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
    lister: thread,
  };
  let markedDeleted = 0;
  let refetched = 0;
  try {
    // Objects quarantined earlier may pass now (an upgrade made the schemas accept them).
    retryQuarantine(db, { now: clock() });
    if (phases.flat().some((kind) => !run.cursor.types[kind]?.done)) await syncRanges(ctx, phases);
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
    return report(db, run, "succeeded", { markedDeleted, refetched, fetchThread }, started, counting.sent());
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    finishSyncRun(db, run.id, clock(), message);
    return {
      ...report(db, run, "failed", { markedDeleted, refetched, fetchThread }, started, counting.sent()),
      error: message,
    };
  } finally {
    stripe.off("response", onResponse);
    await thread?.close();
  }
}

function report(
  db: Sqlite,
  run: SyncRunRow,
  status: SyncReport["status"],
  done: { markedDeleted: number; refetched: number; fetchThread: boolean },
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
