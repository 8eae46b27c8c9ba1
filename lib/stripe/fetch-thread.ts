// The sync's fetch thread. A sync with no latency to hide is bound by its one thread: reading
// Stripe's answers, parsing them, turning each object back into JSON text and hashing it took
// a third of it, beside the SQLite work only that thread can do (docs/BENCHMARKS.md, "Sync
// (b)"). A worker thread with its own Stripe SDK client lists the pages and hands back each
// object's JSON text and content hash; the main thread keeps the ranges, the rate limiter,
// nested lists and every write. Plain CommonJS run by the worker (eval), like the checkpoint
// thread: the same in `./run start`, the CLI, Next's bundle and the desktop package. The
// SDK's path is resolved here; where it cannot be, the sync lists pages on its own thread.
import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";
import Stripe from "stripe";
import { log } from "@/lib/log";
import { stripeConfig, type StripeClientOptions } from "@/lib/stripe/client";
import type { ListResource, PageLister, RawText } from "@/lib/stripe/fetch";

const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { hash } = require("node:crypto");
const loaded = require(workerData.sdk);
const Stripe = loaded.Stripe || loaded.default || loaded;
const stripe = new Stripe(workerData.apiKey, workerData.config);
// A 429 the SDK retried itself: the main thread's limiter pauses every fetcher too.
stripe.on("response", (event) => { if (event.status === 429) parentPort.postMessage({ rateLimited: true }); });
const plain = (error) => {
  const raw = error && typeof error.raw === "object" && error.raw ? { ...error.raw } : {};
  if (raw.detail !== undefined) raw.detail = String(raw.detail && raw.detail.message || raw.detail);
  return { type: error && error.type, raw, message: String((error && error.message) || error) };
};
parentPort.on("message", ({ id, resource, params }) => {
  stripe[resource].list(params).then(
    (page) => {
      const texts = page.data.map((object) => {
        const text = JSON.stringify(object);
        return { text, hash: hash("sha256", text, "base64url") };
      });
      parentPort.postMessage({ id, texts, hasMore: page.has_more });
    },
    (error) => parentPort.postMessage({ id, error: plain(error) }),
  );
});
parentPort.postMessage({ ready: true });
`;

interface Answer {
  id?: number;
  ready?: boolean;
  rateLimited?: boolean;
  texts?: RawText[];
  hasMore?: boolean;
  error?: ThreadError;
}

interface ThreadError {
  type?: string;
  raw?: Record<string, unknown>;
  message: string;
}

export interface FetchThread extends PageLister {
  close(): Promise<void>;
}

export interface FetchThreadOptions {
  /** A 429 that the thread's SDK retried on its own (the caller's limiter backs off). */
  onRateLimited?: () => void;
  /** How long the thread may take to start before the caller lists on its own thread. */
  startTimeoutMs?: number;
}

/**
 * The Stripe SDK's CommonJS entry, found from the running entry script (the CLI, the server,
 * a test runner) or the working directory: a bundler must not resolve it at build time.
 */
function sdkPath(): string | null {
  const name = "stripe";
  const bases = [process.argv[1], path.join(process.cwd(), "package.json")].filter(
    (base): base is string => typeof base === "string" && base.length > 0,
  );
  for (const base of bases) {
    try {
      return createRequire(path.resolve(base)).resolve(name);
    } catch {
      // Not reachable from there; try the next base.
    }
  }
  return null;
}

/** An SDK error as the main thread's SDK classes (instanceof works as for a main-thread request). */
function rebuild(error: ThreadError): Error {
  const classes = Stripe.errors as unknown as Record<string, unknown>;
  const Class = error.type ? classes[error.type] : undefined;
  if (typeof Class === "function" && error.type?.startsWith("Stripe"))
    return new (Class as new (raw: Record<string, unknown>) => Error)({
      message: error.message,
      ...error.raw,
    });
  return new Error(error.message);
}

/**
 * Starts a fetch thread for `client`; resolves to null (and logs why) when it cannot start,
 * so the sync lists its pages on its own thread instead.
 */
export async function startFetchThread(
  client: StripeClientOptions,
  options: FetchThreadOptions = {},
): Promise<FetchThread | null> {
  const sdk = sdkPath();
  if (!sdk) {
    log.warn("the Stripe SDK cannot be found for the fetch thread: pages are listed on the main thread");
    return null;
  }
  let worker: Worker;
  try {
    worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { sdk, apiKey: client.apiKey, config: stripeConfig(client) },
    });
  } catch (error) {
    log.warn({ err: error }, "the fetch thread did not start: pages are listed on the main thread");
    return null;
  }
  const pending = new Map<
    number,
    { resolve: (page: { texts: RawText[]; hasMore: boolean }) => void; reject: (error: Error) => void }
  >();
  let nextId = 1;
  let failure: Error | null = null;
  const fail = (error: Error) => {
    failure ??= error;
    for (const request of pending.values()) request.reject(failure);
    pending.clear();
  };
  const ready = new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), options.startTimeoutMs ?? 10_000);
    worker.on("message", (answer: Answer) => {
      if (answer.ready) {
        clearTimeout(timer);
        resolve(true);
        return;
      }
      if (answer.rateLimited) {
        options.onRateLimited?.();
        return;
      }
      const request = answer.id === undefined ? undefined : pending.get(answer.id);
      if (!request || answer.id === undefined) return;
      pending.delete(answer.id);
      if (answer.error) request.reject(rebuild(answer.error));
      else request.resolve({ texts: answer.texts ?? [], hasMore: answer.hasMore === true });
    });
    worker.on("error", (error) => {
      clearTimeout(timer);
      fail(error);
      resolve(false);
    });
    worker.on("exit", () => fail(new Error("the fetch thread stopped")));
  });
  if (!(await ready)) {
    log.warn(
      { err: (failure as Error | null)?.message },
      "the fetch thread did not start: pages are listed on the main thread",
    );
    await worker.terminate();
    return null;
  }
  return {
    list(request: { resource: ListResource; params: Record<string, unknown> }) {
      if (failure) return Promise.reject(failure);
      const id = nextId;
      nextId += 1;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, ...request });
      });
    },
    async close() {
      // Nothing is pending once the sync ends; its SDK's idle sockets would keep it alive.
      await worker.terminate();
    },
  };
}
