// The in-process worker that applies stored webhook events after the HTTP answer has gone.
// One drain runs at a time per process; a request during a drain asks for one more pass.
import { config } from "@/lib/config";
import { sqlite } from "@/lib/db/sqlite";
import { log } from "@/lib/log";
import { stripeFromConfig } from "@/lib/stripe/client";
import { processPendingWebhooks } from "@/lib/webhooks/process";

const RETRY_DELAY_MS = 2000;
/**
 * A pass that fails as a whole (a full disk, an I/O error: nothing an event did) leaves its
 * events pending; no delivery may come to start another pass, so the worker tries again
 * itself, 1 s after the first failure, doubling up to a minute, until a pass gets through.
 */
export const FAILED_PASS_FIRST_DELAY_MS = 1000;
const FAILED_PASS_MAX_DELAY_MS = 60_000;
/**
 * Requests come first: while they arrive this close together, the worker waits (at most
 * MAX_YIELD_MS a batch). At 200 deliveries/s such gaps come every few ms, so a backlog drains
 * at full speed; under a saturating burst the worker takes one ~8 ms batch per ~100 ms, so
 * intake stays near the speed of a bare route (issue 14: ≥ 0.9× the health route).
 */
const QUIET_MS = 2;
const MAX_YIELD_MS = 100;

interface WorkerState {
  running: Promise<void> | null;
  again: boolean;
  lastRequestAt: number;
  /** Passes failed in a row (the retry delay doubles with each). */
  failedPasses: number;
}

const state = ((globalThis as { webhookWorker?: WorkerState }).webhookWorker ??= {
  running: null,
  again: false,
  lastRequestAt: 0,
  failedPasses: 0,
});

/**
 * Between two batches: answer requests first. During a burst of deliveries the worker waits
 * for a quiet moment (bounded, so it never starves), which keeps intake near the speed of a
 * bare route and latency low; the backlog is applied in the gaps and right after the burst.
 */
async function yieldToRequests(): Promise<void> {
  const started = performance.now();
  await new Promise((resolve) => setImmediate(resolve));
  while (
    performance.now() - (state.lastRequestAt ?? 0) < QUIET_MS &&
    performance.now() - started < MAX_YIELD_MS
  ) {
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
  }
}

/** Makes sure pending events are applied soon. Cheap to call on every request. */
export function scheduleWebhookProcessing(): void {
  state.lastRequestAt = performance.now();
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = drain()
    .then(() => {
      state.failedPasses = 0;
    })
    .catch((error: unknown) => {
      const delay = Math.min(FAILED_PASS_FIRST_DELAY_MS * 2 ** state.failedPasses, FAILED_PASS_MAX_DELAY_MS);
      state.failedPasses += 1;
      log.error({ err: error, retryInMs: delay }, "webhook worker failed; pending events are retried");
      setTimeout(scheduleWebhookProcessing, delay).unref();
    })
    .finally(() => {
      state.running = null;
    });
}

/** Resolves when the current drain (if any) has finished; for tests and shutdown. */
export async function webhookWorkerIdle(): Promise<void> {
  while (state.running) await state.running;
}

async function drain(): Promise<void> {
  const stripe = stripeFromConfig(config());
  do {
    state.again = false;
    await new Promise((resolve) => setImmediate(resolve));
    const summary = await processPendingWebhooks(sqlite(), {
      now: () => new Date(),
      stripe,
      between: yieldToRequests,
    });
    if (summary.retrying > 0) setTimeout(scheduleWebhookProcessing, RETRY_DELAY_MS).unref();
  } while (state.again);
}
