// A token bucket shared by every request of one sync, so the parallel fetchers together stay
// under Stripe's per-account rate limit; a 429 pauses all of them for its Retry-After.
import type { Config } from "@/lib/config";

export interface RateLimiter {
  /** Resolves when one request may be sent (first come, first served). */
  take(): Promise<void>;
  /** Sends nothing more for `ms` (a 429's Retry-After), then resumes at the normal rate. */
  backOff(ms: number): void;
  /** Requests per second; Infinity when unlimited. */
  readonly perSecond: number;
}

export const unlimited: RateLimiter = {
  take: () => Promise.resolve(),
  backOff: () => undefined,
  perSecond: Infinity,
};

/**
 * `perSecond` sustained, bursts of at most `burst` (default a quarter second's worth): Stripe
 * counts requests over short windows, so a full second's burst could itself draw a 429.
 */
export function tokenBucket(
  perSecond: number,
  burst = Math.max(1, Math.ceil(perSecond / 4)),
  clock: () => number = () => performance.now(),
): RateLimiter {
  if (!Number.isFinite(perSecond)) return unlimited;
  let tokens = burst;
  let last = clock();
  let pausedUntil = 0;
  let timer: NodeJS.Timeout | null = null;
  const waiting: (() => void)[] = [];

  const refill = () => {
    const now = clock();
    if (now < pausedUntil) tokens = 0;
    else tokens = Math.min(burst, tokens + ((now - Math.max(last, pausedUntil)) * perSecond) / 1000);
    last = now;
  };
  const schedule = (ms: number) => {
    timer = setTimeout(
      () => {
        timer = null;
        release();
      },
      Math.max(1, Math.ceil(ms)),
    );
  };
  const release = () => {
    if (timer) return;
    refill();
    const now = clock();
    if (now < pausedUntil) return waiting.length ? schedule(pausedUntil - now) : undefined;
    while (waiting.length && tokens >= 1) {
      tokens -= 1;
      waiting.shift()?.();
    }
    if (waiting.length) schedule(((1 - tokens) * 1000) / perSecond);
  };

  return {
    perSecond,
    take: () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        release();
      }),
    backOff: (ms) => {
      pausedUntil = Math.max(pausedUntil, clock() + ms);
      tokens = 0;
      if (timer) {
        clearTimeout(timer);
        timer = null;
      }
      release();
    },
  };
}

/** STRIPE_RATE_LIMIT, else Stripe's limits with some headroom: 25/s for test keys, 90/s for live ones. */
export function stripeRateLimit(cfg: Pick<Config, "STRIPE_RATE_LIMIT" | "STRIPE_SECRET_KEY">): number {
  if (cfg.STRIPE_RATE_LIMIT !== undefined) return cfg.STRIPE_RATE_LIMIT;
  return /^(sk|rk)_live_/.test(cfg.STRIPE_SECRET_KEY ?? "") ? 90 : 25;
}
