// Catching up with Stripe while the app runs: webhooks cannot reach a laptop without a public
// URL, so an incremental sync (objects created since the last run plus the Events API) runs
// every STRIPE_CATCH_UP_MINUTES. When Stripe cannot be reached the app keeps working on its
// local data, records since when it is offline, and checks every STRIPE_OFFLINE_PROBE_SECONDS;
// the moment Stripe answers again it catches up at once. Nothing is lost or applied twice
// because the sync itself resumes from its committed cursor and ingest skips what it has seen.
import type { SyncReport } from "@/lib/stripe/sync";
import { readConnectivity, writeConnectivity, type ConnectivityStatus } from "@/lib/desktop/connectivity";

export interface CatchUpDeps {
  dataDir: string;
  now: () => Date;
  /** True when Stripe's API answers at all. */
  reachable: () => Promise<boolean>;
  /** One incremental sync; null when none could start (demo mode, or one is already running). */
  sync: () => Promise<SyncReport | null>;
}

export type CatchUpOutcome = "synced" | "offline" | "failed" | "skipped";

export interface CatchUpResult {
  outcome: CatchUpOutcome;
  status: ConnectivityStatus;
  report?: SyncReport;
}

function goOffline(deps: CatchUpDeps, status: ConnectivityStatus): CatchUpResult {
  const next = { ...status, offlineSince: status.offlineSince ?? deps.now().toISOString() };
  writeConnectivity(deps.dataDir, next);
  return { outcome: "offline", status: next };
}

/** One check: offline → record it and stop; online → sync, and clear the offline mark. */
export async function catchUpOnce(deps: CatchUpDeps): Promise<CatchUpResult> {
  const status = readConnectivity(deps.dataDir);
  if (!(await deps.reachable())) return goOffline(deps, status);
  const report = await deps.sync();
  if (!report) return { outcome: "skipped", status };
  if (report.status === "failed") {
    // The network may have gone in the middle of the run: its committed pages stay, the next run resumes.
    if (!(await deps.reachable())) return { ...goOffline(deps, status), report };
    return { outcome: "failed", status, report };
  }
  const next = { offlineSince: null, lastCaughtUpAt: deps.now().toISOString() };
  writeConnectivity(deps.dataDir, next);
  return { outcome: "synced", status: next, report };
}

/** How long until the next check: soon while offline (to catch the network's return), else the interval. */
export function nextDelayMs(
  outcome: CatchUpOutcome,
  settings: { catchUpMinutes: number; probeSeconds: number },
): number {
  return outcome === "offline" ? settings.probeSeconds * 1000 : settings.catchUpMinutes * 60_000;
}

/** Runs checks forever (timers unref'd, so they never keep a process alive); returns a stop function. */
export function scheduleCatchUp(
  deps: CatchUpDeps,
  settings: { catchUpMinutes: number; probeSeconds: number; firstDelayMs: number },
  onResult: (result: CatchUpResult | Error) => void,
): () => void {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const run = async () => {
    let outcome: CatchUpOutcome = "failed";
    try {
      const result = await catchUpOnce(deps);
      outcome = result.outcome;
      onResult(result);
    } catch (error) {
      onResult(error instanceof Error ? error : new Error(String(error)));
    }
    if (stopped) return;
    timer = setTimeout(() => void run(), nextDelayMs(outcome, settings));
    timer.unref();
  };
  timer = setTimeout(() => void run(), settings.firstDelayMs);
  timer.unref();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
