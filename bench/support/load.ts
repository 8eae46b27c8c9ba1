// HTTP load in this process: a fixed number of requests over a number of connections, as fast
// as the server answers (autocannon), or paced at a fixed overall rate (our own open-loop
// sender, below). Requests come from a caller's sequence, so every request can carry its own
// pre-signed body.
import http from "node:http";
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
  if (shape.overallRate) return runPaced(url, { ...shape, overallRate: shape.overallRate }, next);
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

/**
 * An open-loop load at a steady rate: request i is due at start + i / rate, sent then whatever
 * the earlier ones are doing (up to `connections × 4` sockets), and its latency counts from when
 * it was due, so a stalled server is not hidden by a client that waited for it. autocannon's
 * `overallRate` is not that: each connection sends its per-second quota back to back at the
 * start of every second, i.e. 200 requests in a burst at concurrency 10, not one every 5 ms.
 */
async function runPaced(
  url: string,
  shape: LoadShape & { overallRate: number },
  next: () => RequestSpec,
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: shape.connections * 4 });
  const target = new URL(url);
  const latencies: number[] = [];
  let failures = 0;
  const interval = 1000 / shape.overallRate;
  const start = performance.now();
  const sent: Promise<void>[] = [];
  for (let i = 0; i < shape.amount; i += 1) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const spec = next();
    sent.push(
      send(agent, target, spec).then(
        (status) => {
          latencies.push(performance.now() - due);
          if (status < 200 || status >= 300) failures += 1;
        },
        () => {
          failures += 1;
        },
      ),
    );
  }
  await Promise.all(sent);
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    completed: latencies.length,
    seconds,
    perSecond: seconds > 0 ? latencies.length / seconds : 0,
    p50: at(0.5),
    p99: at(0.99),
    failures,
  };
}

function send(agent: http.Agent, target: URL, spec: RequestSpec): Promise<number> {
  return new Promise((resolve, reject) => {
    const body = typeof spec.body === "string" || Buffer.isBuffer(spec.body) ? spec.body : undefined;
    const request = http.request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        method: spec.method ?? "GET",
        path: spec.path ?? "/",
        headers: {
          host: target.host,
          ...(spec.headers as Record<string, string> | undefined),
          ...(body === undefined ? {} : { "content-length": Buffer.byteLength(body) }),
        },
        timeout: 30_000,
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(new Error("timeout")));
    request.on("error", reject);
    request.end(body);
  });
}
