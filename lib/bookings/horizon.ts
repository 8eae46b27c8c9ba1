// The booking horizon (e.g. 8 weeks ahead) only moves when derivation runs, so the server
// re-derives every source periodically; otherwise a quiet subscription's schedule would run out.
import { sqlite } from "@/lib/db/sqlite";
import { elapsedMs, log } from "@/lib/log";
import { rebuildAllBookingsInSlices } from "@/lib/bookings/reconcile";

export const HORIZON_REFRESH_MS = 6 * 3600 * 1000;
const FIRST_RUN_DELAY_MS = 30 * 1000;
const SLICE_PAUSE_MS = 10;

const state = ((globalThis as { horizonTimer?: { started: boolean } }).horizonTimer ??= { started: false });

/**
 * Extends every schedule to the horizon now; writes only bookings that changed. In small
 * transactions with the event loop free between them: this runs inside the server, beside
 * requests and the webhook worker.
 */
export async function extendHorizon(now: Date): Promise<void> {
  const start = performance.now();
  // A background job: after each ~10 ms slice it leaves the loop to requests and the webhook
  // worker for as long again, so it never takes more than about half of the server's thread.
  const between = () => new Promise<void>((resolve) => setTimeout(resolve, SLICE_PAUSE_MS));
  const summary = await rebuildAllBookingsInSlices(sqlite(), now, { between });
  log.info({ job: "horizon", outcome: "ok", ...summary, ms: elapsedMs(start) }, "booking horizon extended");
}

/** Runs `extendHorizon` shortly after start and then every few hours. Idempotent. */
export function startHorizonExtension(): void {
  if (state.started) return;
  state.started = true;
  let running = false;
  const run = () => {
    // A slow rebuild is never overlapped by the next one.
    if (running) return;
    running = true;
    extendHorizon(new Date())
      .catch((error: unknown) =>
        log.error({ job: "horizon", outcome: "failed", err: error }, "booking horizon extension failed"),
      )
      .finally(() => {
        running = false;
      });
  };
  setTimeout(run, FIRST_RUN_DELAY_MS).unref();
  setInterval(run, HORIZON_REFRESH_MS).unref();
}
