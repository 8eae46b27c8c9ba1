// A Stripe-compatible read API on 127.0.0.1 for tests, benchmarks and demo tooling. The real
// `stripe` SDK talks to it with { host: "127.0.0.1", port, protocol: "http" }. State lives in
// memory (see stripe-server/store.ts); faults can be injected per request (stripe-server/faults.ts).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type Stripe from "stripe";
import { z } from "zod";
import type { StripeAccount } from "@/lib/stripe-fixtures/generate";
import { API_VERSION, pad } from "@/lib/stripe-fixtures/shapes";
import { ApiError, rateLimited, serverError, unauthorized } from "@/tests/support/stripe-server/errors";
import { type Fault, FaultState } from "@/tests/support/stripe-server/faults";
import { parseQuery } from "@/tests/support/stripe-server/query";
import { route } from "@/tests/support/stripe-server/router";
import { type KindMap, type StoreKind, StripeStore, isStoreKind } from "@/tests/support/stripe-server/store";

export type { Fault } from "@/tests/support/stripe-server/faults";
export type { KindMap, StoreKind } from "@/tests/support/stripe-server/store";
export { StripeStore } from "@/tests/support/stripe-server/store";

export const DEFAULT_API_KEY = "sk_test_local_stripe_server";

export interface StripeServerOptions {
  account: StripeAccount;
  apiKey?: string;
  /** Clock for events added without an explicit `created` (default: the real clock). */
  now?: () => Date;
  /** Every answer is sent this long after the request arrived, like Stripe's round trip (default 0). */
  latencyMs?: number;
  /**
   * Requests per second accepted (Stripe: 25 in test mode, 100 live), counted by a token bucket
   * holding one second's worth; a request over it gets 429 with Retry-After. Default unlimited.
   */
  rateLimit?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  /** Raw query parameters as sent (`created[gt]`, `expand[0]`, …). */
  query: Record<string, string>;
}

/** Anything with an id and an object type; known kinds are also applied to the store. */
export interface EventObject {
  id: string;
  object: string;
}

export interface StripeServer {
  port: number;
  url: string;
  apiKey: string;
  store: StripeStore;
  requests: RecordedRequest[];
  close(): Promise<void>;
  setFault(fault: Fault | null): void;
  upsert<K extends StoreKind>(kind: K, object: KindMap[K]): void;
  remove(kind: StoreKind, id: string): void;
  /** Requests refused with 429 by the rate limit (not by injected faults). */
  rateLimited(): number;
  /** Records an event (newest first in /v1/events) and applies its object to the store. */
  addEvent<T extends EventObject>(type: string, object: T, created?: number): Stripe.Event;
}

const timed = z.union([
  z.object({ created: z.number().int() }),
  z.object({ object: z.literal("invoiceitem"), date: z.number().int() }),
]);

/** Admits at most `perSecond` requests a second on average, bursts up to one second's worth. */
function admission(perSecond: number | undefined): () => boolean {
  if (!perSecond) return () => true;
  let tokens = perSecond;
  let last = performance.now();
  return () => {
    const now = performance.now();
    tokens = Math.min(perSecond, tokens + ((now - last) * perSecond) / 1000);
    last = now;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

/** Starts a server on a free port; the SDK's requests are answered from `options.account`. */
export async function startStripeServer(options: StripeServerOptions): Promise<StripeServer> {
  const apiKey = options.apiKey ?? DEFAULT_API_KEY;
  const now = options.now ?? (() => new Date());
  const store = new StripeStore(options.account);
  const faults = new FaultState();
  const requests: RecordedRequest[] = [];
  const held = new Set<ServerResponse>();
  let requestSeq = 0;
  let eventSeq = 0;
  let lastEventCreated = 0;
  let refused = 0;
  const admit = admission(options.rateLimit);
  const latency = options.latencyMs ?? 0;

  const answer = (
    req: IncomingMessage,
    url: URL,
  ): { status: number; body: unknown; headers: Record<string, string> } => {
    try {
      const auth = req.headers.authorization;
      if (auth !== `Bearer ${apiKey}`) throw unauthorized(auth !== undefined);
      return {
        status: 200,
        body: route(store, req.method ?? "GET", url.pathname, parseQuery(url.searchParams)),
        headers: {},
      };
    } catch (error) {
      if (error instanceof ApiError)
        return { status: error.status, body: error.body(), headers: error.headers };
      throw error;
    }
  };

  const server = createServer((req, res) => {
    // Counted when it arrives, as Stripe counts: the latency below only delays the answer.
    const admitted = admit();
    if (latency > 0) setTimeout(() => handle(req, res, admitted), latency);
    else handle(req, res, admitted);
  });

  const handle = (req: IncomingMessage, res: ServerResponse, admitted: boolean) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    requests.push({
      method: req.method ?? "GET",
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
    });
    const headers = {
      "request-id": `req_${pad((requestSeq += 1), 10)}`,
      "stripe-version": String(req.headers["stripe-version"] ?? API_VERSION),
    };
    if (!admitted) {
      refused += 1;
      const error = rateLimited(1);
      send(res, error.status, error.body(), { ...headers, ...error.headers });
      return;
    }
    const injection = faults.take();
    if (injection?.kind === "timeout") {
      held.add(res);
      res.on("close", () => held.delete(res));
      return;
    }
    if (injection?.kind === "429" || injection?.kind === "status") {
      const error =
        injection.kind === "429" ? rateLimited(injection.retryAfterSeconds) : serverError(injection.status);
      send(res, error.status, error.body(), { ...headers, ...error.headers });
      return;
    }
    const reply = answer(req, url);
    if (injection?.kind === "truncated") {
      const text = JSON.stringify(reply.body);
      res.writeHead(reply.status, {
        ...headers,
        "content-type": "application/json",
        "content-length": Buffer.byteLength(text),
      });
      res.write(text.slice(0, Math.floor(text.length / 2)), () => res.destroy());
      return;
    }
    send(res, reply.status, reply.body, { ...headers, ...reply.headers });
  };

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  const checkTimed = (object: unknown) => {
    if (!timed.safeParse(object).success)
      throw new Error("Stripe objects need a numeric `created` (invoice items: `date`)");
  };

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    apiKey,
    store,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (!server.listening) return resolve();
        for (const res of held) res.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
    setFault: (fault) => faults.set(fault),
    rateLimited: () => refused,
    upsert: (kind, object) => {
      checkTimed(object);
      store.upsert(kind, object);
    },
    remove: (kind, id) => {
      store.remove(kind, id);
    },
    addEvent: (type, object, created) => {
      const when = created ?? Math.max(Math.floor(now().getTime() / 1000), lastEventCreated);
      lastEventCreated = Math.max(lastEventCreated, when);
      const event = {
        id: `evt_${pad((eventSeq += 1), 10)}`,
        object: "event",
        api_version: API_VERSION,
        created: when,
        // A snapshot: later changes to the store must not rewrite history.
        data: { object: JSON.parse(JSON.stringify(object)) as EventObject },
        livemode: false,
        pending_webhooks: 0,
        request: { id: null, idempotency_key: null },
        type,
      } as unknown as Stripe.Event;
      store.events.upsert(event);
      if (isStoreKind(object.object)) {
        const deleted =
          (type.endsWith(".deleted") && type !== "customer.subscription.deleted") ||
          (object as { deleted?: unknown }).deleted === true;
        if (deleted) store.remove(object.object, object.id);
        else {
          checkTimed(object);
          // Tests hand in Stripe objects (often spread copies); only the list position is checked.
          store.upsert(object.object, object as unknown as KindMap[StoreKind]);
        }
      }
      return event;
    },
  };
}
