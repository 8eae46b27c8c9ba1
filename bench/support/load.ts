// HTTP load with autocannon, in this process: a fixed number of requests over a number of
// connections, optionally at a fixed overall rate. Requests come from a caller's sequence, so
// every request can carry its own pre-signed body.
import autocannon, { type RequestSpec } from "autocannon";

export interface LoadShape {
  connections: number;
  /** Total requests; the run ends when all have been answered. */
  amount: number;
  /** Requests per second over all connections; unset = as fast as the server answers. */
  overallRate?: number;
}

export interface LoadResult {
  completed: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  /** Non-2xx answers plus connection errors and timeouts. */
  failures: number;
}

/** The same GET for every request. */
export function constantRequest(path: string): () => RequestSpec {
  const request: RequestSpec = { method: "GET", path, headers: {} };
  return () => request;
}

/** Sends `shape.amount` requests to `url`, each built by `next()` (called once per request, in order). */
export async function runLoad(url: string, shape: LoadShape, next: () => RequestSpec): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections: shape.connections,
    amount: shape.amount,
    timeout: 30,
    ...(shape.overallRate ? { overallRate: shape.overallRate } : {}),
    // autocannon's defaults (headers, host) stay; the caller's fields replace them.
    requests: [{ setupRequest: (request) => ({ ...request, ...next() }) }],
  });
  const completed = result.requests.total;
  return {
    completed,
    seconds: result.duration,
    perSecond: result.duration > 0 ? completed / result.duration : 0,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}
