// Talks to the local server's /api/health. "Healthy" means 200 with status "ok". Anonymous
// callers (the launcher is one) get only `{ "status" }` since accounts exist, so only that
// field is required; it still tells our server apart from most other programs on the port.
import { setTimeout as sleep } from "node:timers/promises";
import { healthSchema } from "@/lib/health";

const anonymousHealth = healthSchema.pick({ status: true });

export type Probe = "healthy" | "ours-unhealthy" | "other" | "no-answer";

/**
 * One look at the health URL: "healthy" (200, status "ok"), "ours-unhealthy" (our health
 * document with another status), "other" (some other program answered) or "no-answer"
 * (refused, reset or too slow). Never throws.
 */
export async function probe(url: string, timeoutMs: number, signal?: AbortSignal): Promise<Probe> {
  const timeout = AbortSignal.timeout(Math.max(1, Math.ceil(timeoutMs)));
  let response: Response;
  try {
    response = await fetch(url, {
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      headers: { accept: "application/json" },
    });
  } catch {
    return "no-answer";
  }
  try {
    const parsed = anonymousHealth.safeParse(await response.json());
    if (!parsed.success) return "other";
    return response.status === 200 && parsed.data.status === "ok" ? "healthy" : "ours-unhealthy";
  } catch {
    return "other";
  }
}

/** True only for a 200 carrying our health document with status "ok"; never throws. */
export async function probeHealth(url: string, timeoutMs: number, signal?: AbortSignal): Promise<boolean> {
  return (await probe(url, timeoutMs, signal)) === "healthy";
}

export type WaitOutcome = "healthy" | "timeout" | "aborted";

/** Polls until healthy, the deadline passes, or `signal` aborts (the server died, Ctrl-C). */
export async function waitForHealth(
  url: string,
  options: { timeoutMs: number; intervalMs?: number; signal: AbortSignal },
): Promise<WaitOutcome> {
  const deadline = performance.now() + options.timeoutMs;
  const interval = options.intervalMs ?? 200;
  for (;;) {
    if (options.signal.aborted) return "aborted";
    const remaining = deadline - performance.now();
    if (await probeHealth(url, Math.min(2_000, Math.max(remaining, 100)), options.signal)) return "healthy";
    if (options.signal.aborted) return "aborted";
    const left = deadline - performance.now();
    if (left <= 0) return "timeout";
    try {
      await sleep(Math.min(interval, left), undefined, { signal: options.signal });
    } catch {
      return "aborted";
    }
  }
}
