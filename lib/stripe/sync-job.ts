// "Sync now" from the screens: one sync at a time per process, run in the background so the
// request answers at once; the screen polls its state.
import { config } from "@/lib/config";
import { sqlite } from "@/lib/db/sqlite";
import { log } from "@/lib/log";
import { createStripe, stripeOptionsFromConfig } from "@/lib/stripe/client";
import { stripeRateLimit } from "@/lib/stripe/rate-limit";
import { runSync, type SyncProgress, type SyncReport } from "@/lib/stripe/sync";
import type { OverallProgress } from "@/lib/stripe/sync-progress";

interface JobState {
  running: Promise<SyncReport> | null;
  last: SyncReport | null;
  /** The running sync's latest progress (objects done, rate, time left) for the screens. */
  progress: (OverallProgress & { kind: string }) | null;
}

const state = ((globalThis as { syncJob?: JobState }).syncJob ??= {
  running: null,
  last: null,
  progress: null,
});
state.progress ??= null;

export type StartResult = { started: true } | { started: false; reason: "demo" | "running" };

/** Starts a sync unless one is running (or there is no Stripe key). Never throws. */
export function startSyncJob(): StartResult {
  const cfg = config();
  const client = stripeOptionsFromConfig(cfg);
  if (!client) return { started: false, reason: "demo" };
  if (state.running) return { started: false, reason: "running" };
  state.progress = null;
  state.running = runSync(sqlite(), createStripe(client), {
    client,
    requestsPerSecond: stripeRateLimit(cfg),
    onProgress: ({ kind, overall }: SyncProgress) => {
      state.progress = { kind, ...overall };
    },
  })
    .then((report) => {
      log.info(
        {
          job: "sync",
          runId: report.runId,
          mode: report.mode,
          status: report.status,
          ms: report.durationMs,
          requests: report.requests,
          fetchThread: report.fetchThread,
        },
        "sync finished",
      );
      return (state.last = report);
    })
    .catch((error: unknown) => {
      log.error({ job: "sync", err: error }, "sync job failed");
      throw error;
    })
    .finally(() => {
      state.running = null;
    });
  state.running.catch(() => undefined);
  return { started: true };
}

export function syncJobStatus(): {
  running: boolean;
  last: SyncReport | null;
  progress: JobState["progress"];
} {
  return {
    running: state.running !== null,
    last: state.last,
    progress: state.running ? state.progress : null,
  };
}

/** Resolves when the running sync (if any) has finished; for tests. */
export async function syncJobIdle(): Promise<void> {
  await state.running?.catch(() => undefined);
}
