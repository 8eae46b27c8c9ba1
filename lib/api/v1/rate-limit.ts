// Per-caller token buckets for every route that accepts API tokens, /api/v1 and the older ones
// alike (in memory: one server process; a restart refills them).
// A caller may burst up to the per-minute limit, then gets one request per 60/limit seconds.
export interface RateDecision {
  ok: boolean;
  /** Seconds until a request would be allowed again (when not ok). */
  retryAfter: number;
  remaining: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

const buckets = ((globalThis as { apiV1Buckets?: Map<string, Bucket> }).apiV1Buckets ??= new Map());
const MAX_BUCKETS = 10_000;

/** Takes one request from `key`'s bucket of `perMinute` capacity. */
export function takeToken(key: string, perMinute: number, nowMs: number): RateDecision {
  const ratePerMs = perMinute / 60_000;
  const bucket = buckets.get(key) ?? { tokens: perMinute, at: nowMs };
  bucket.tokens = Math.min(perMinute, bucket.tokens + (nowMs - bucket.at) * ratePerMs);
  bucket.at = nowMs;
  if (buckets.size >= MAX_BUCKETS && !buckets.has(key)) buckets.clear();
  buckets.set(key, bucket);
  if (bucket.tokens < 1) {
    return {
      ok: false,
      retryAfter: Math.max(1, Math.ceil((1 - bucket.tokens) / ratePerMs / 1000)),
      remaining: 0,
    };
  }
  bucket.tokens -= 1;
  return { ok: true, retryAfter: 0, remaining: Math.floor(bucket.tokens) };
}

const decisions = new WeakMap<Request, RateDecision>();

/**
 * Takes one request from `key`'s bucket for this request (authorize() does, on every route that
 * accepts tokens) and remembers the decision, so a route can report what is left.
 */
export function limitRequest(request: Request, key: string, perMinute: number, nowMs: number): RateDecision {
  const decision = takeToken(key, perMinute, nowMs);
  decisions.set(request, decision);
  return decision;
}

/** The rate decision authorize() made for this request (undefined on routes without tokens). */
export const rateDecisionOf = (request: Request): RateDecision | undefined => decisions.get(request);

/** The RateLimit-* headers of a decision (RateLimit-Reset: seconds until the bucket is full again). */
export function rateLimitHeadersOf(decision: RateDecision, perMinute: number): Record<string, string> {
  const reset = Math.ceil(((perMinute - decision.remaining) * 60) / perMinute);
  return {
    "ratelimit-limit": String(perMinute),
    "ratelimit-remaining": String(decision.remaining),
    "ratelimit-reset": String(reset),
  };
}
