// What every step of one sync shares: the options, the run's bookkeeping, the limiter, the
// first failure, and the retries of cut-off connections.
import Stripe from "stripe";
import type { Sqlite } from "@/lib/db/sqlite";
import type { ChangeOrigin } from "@/lib/bookings/history";
import type { StripeClientOptions } from "@/lib/stripe/client";
import type { PageLister } from "@/lib/stripe/fetch";
import type { RateLimiter } from "@/lib/stripe/rate-limit";
import type { BackgroundDerive } from "@/lib/stripe/sync-derive";
import type { OverallProgress, ProgressTracker } from "@/lib/stripe/sync-progress";
import type { SyncRunRow, TypeCounts } from "@/lib/stripe/sync-run";

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
  /**
   * The client's settings: pages are then listed by a fetch thread with its own client
   * (lib/stripe/fetch-thread.ts). Without them, on this thread through `stripe`.
   */
  client?: StripeClientOptions;
}

/** Enough fetchers to keep `perSecond` requests in flight at ~400 ms each, within reason. */
export function defaultConcurrency(perSecond: number): number {
  return Number.isFinite(perSecond) ? Math.min(32, Math.max(4, Math.ceil(perSecond * 0.4))) : 8;
}

export interface RunContext {
  db: Sqlite;
  stripe: Stripe;
  run: SyncRunRow;
  clock: () => Date;
  limiter: RateLimiter;
  tracker: ProgressTracker;
  options: SyncOptions;
  /** Set by the first fetcher (or the writer) that fails, so the others stop at their next page. */
  failure: { error: unknown } | null;
  /** Consecutive connection failures (bodies cut off, timeouts) left before the run fails. */
  retriesLeft: number;
  /** Bookings of a first full sync, derived behind the fetch (`SyncCursor.deriveAtEnd`). */
  derive: BackgroundDerive;
  /** The fetch thread listing the pages, or null: listed on this thread. */
  lister: PageLister | null;
}

export const CONNECTION_RETRIES = 3;
export const SYNC_ORIGIN: ChangeOrigin = { actor: "stripe", cause: "sync" };

export function reportProgress(ctx: RunContext, kind: string, counts: TypeCounts): void {
  const overall = ctx.tracker.snapshot();
  ctx.options.onProgress?.({ kind, counts, perSecond: overall.perSecond, overall });
}

/**
 * A response cut off mid-body or a request that timed out after the SDK's own retries: tried
 * again from the same cursor, up to CONNECTION_RETRIES times in a row for the whole run.
 */
export async function withConnectionRetries<T>(ctx: RunContext, work: () => Promise<T>): Promise<T> {
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
