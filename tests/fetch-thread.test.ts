// The sync's fetch thread (lib/stripe/fetch-thread.ts): a worker thread with its own SDK client
// lists the pages and hands back each object's JSON text and hash. Through the real SDK
// against the local Stripe-compatible server: the same objects, texts and hashes as the main
// thread's, Stripe's errors as the SDK's own classes, and a sync through it mirroring exactly
// what a main-thread sync mirrors.
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import type { StripeClientOptions } from "@/lib/stripe/client";
import { listPage, type Listed } from "@/lib/stripe/fetch";
import { startFetchThread, type FetchThread } from "@/lib/stripe/fetch-thread";
import { contentHash } from "@/lib/stripe/ingest";
import { mirroredKinds } from "@/lib/stripe/schemas";
import { runSync } from "@/lib/stripe/sync";
import { generateAccount } from "@/lib/stripe-fixtures/generate";
import { syncHarness } from "@/tests/support/sync-harness";
import { appState } from "@/tests/support/faults/state";
import type { StripeServer } from "@/tests/support/stripe-server";

const API_KEY = "sk_test_fetch_thread";
const NOW = new Date("2026-11-02T10:00:00Z");
const clock = () => NOW;
const account = generateAccount({ customers: 60, seed: 11, now: NOW });

const { serve, database, stripeFor, track } = syncHarness(API_KEY, NOW);

const settings = (
  server: StripeServer,
  overrides: Partial<StripeClientOptions> = {},
): StripeClientOptions => ({
  apiKey: API_KEY,
  host: "127.0.0.1",
  port: server.port,
  protocol: "http",
  maxNetworkRetries: 0,
  ...overrides,
});

async function thread(options: StripeClientOptions): Promise<FetchThread> {
  const started = await startFetchThread(options);
  if (!started) throw new Error("the fetch thread did not start");
  track(started);
  return started;
}

/** A subscription with more items than a list embeds (10): the sync completes it on the main thread. */
function withLongSubscription(server: StripeServer): string {
  const base = account.subscriptions[0];
  if (!base) throw new Error("the account has no subscription");
  const item = base.items.data[0];
  if (!item) throw new Error("the subscription has no item");
  const id = "sub_long_items";
  server.upsert("subscription", {
    ...base,
    id,
    items: {
      ...base.items,
      data: Array.from({ length: 14 }, (_, i) => ({
        ...item,
        id: `si_long_${String(i).padStart(2, "0")}`,
        subscription: id,
      })),
    },
  });
  return id;
}

describe("fetch thread", () => {
  it("lists the same objects as the main thread, each with its JSON text and content hash", async () => {
    const server = await serve(account);
    const stripe = stripeFor(server);
    const lister = await thread(settings(server));
    for (const kind of mirroredKinds) {
      const main = await listPage(stripe, kind, {});
      const threaded = await listPage(stripe, kind, {}, undefined, lister);
      expect(threaded.hasMore).toBe(main.hasMore);
      // The main thread's objects as JSON carries them (the SDK's own value classes become text).
      expect(threaded.data).toEqual(JSON.parse(JSON.stringify(main.data)) as Listed[]);
      expect(threaded.data.length).toBeGreaterThan(0);
      for (const [index, object] of threaded.data.entries()) {
        const raw = threaded.texts?.get(object);
        expect(raw?.text).toBe(JSON.stringify(main.data[index]));
        expect(raw?.hash).toBe(contentHash(JSON.stringify(object), false));
      }
    }
  }, 30_000);

  it("passes Stripe's errors on as the SDK's classes", async () => {
    const server = await serve(account);
    const request = { resource: "customers", params: { limit: 10 } } as const;

    const wrongKey = await thread(settings(server, { apiKey: "sk_test_not_this_one" }));
    await expect(wrongKey.list(request)).rejects.toBeInstanceOf(Stripe.errors.StripeAuthenticationError);

    const lister = await thread(settings(server));
    server.setFault({ kind: "429", retryAfterSeconds: 7 });
    const refused = await lister.list(request).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(Stripe.errors.StripeRateLimitError);
    expect((refused as Stripe.errors.StripeRateLimitError).headers?.["retry-after"]).toBe("7");

    server.setFault({ kind: "truncated" });
    await expect(lister.list(request)).rejects.toBeInstanceOf(Stripe.errors.StripeError);
    // The thread goes on after a failed request.
    expect((await lister.list(request)).texts).toHaveLength(10);

    const unreachable = await thread(settings(server, { port: 1 }));
    await expect(unreachable.list(request)).rejects.toBeInstanceOf(Stripe.errors.StripeConnectionError);
  }, 30_000);

  it("a sync through the thread mirrors exactly what a main-thread sync does, cut-off bodies and long item lists included", async () => {
    const mainServer = await serve(account);
    const longId = withLongSubscription(mainServer);
    const mainDb = database();
    const main = await runSync(mainDb.db, stripeFor(mainServer), { now: clock, concurrency: 4 });

    const threadServer = await serve(account);
    withLongSubscription(threadServer);
    // A body cut off mid-page: retried from the same cursor, as on the main thread.
    threadServer.setFault({ kind: "truncated" });
    const threadDb = database();
    const mainThreadClient = stripeFor(threadServer);
    const mainThreadPaths: string[] = [];
    mainThreadClient.on("request", (event: { path: string }) => mainThreadPaths.push(event.path));
    const threaded = await runSync(threadDb.db, mainThreadClient, {
      now: clock,
      concurrency: 4,
      client: settings(threadServer),
    });

    expect(main.status).toBe("succeeded");
    expect(main.fetchThread).toBe(false);
    expect(threaded.status).toBe("succeeded");
    expect(threaded.fetchThread).toBe(true);
    expect(threaded.counts).toEqual(main.counts);
    expect(appState(threadDb.db)).toEqual(appState(mainDb.db));
    const items = threadDb.db
      .prepare("SELECT count(*) AS n FROM SubscriptionItemMap WHERE subscriptionStripeId = ?")
      .get(longId) as { n: number };
    expect(items.n).toBe(14);
    // The thread listed every page; the main thread's client only completed the long item list.
    expect(threadServer.requests.filter((r) => r.path === "/v1/customers").length).toBeGreaterThan(0);
    expect(mainThreadPaths.length).toBeGreaterThan(0);
    expect(mainThreadPaths.every((p) => p.startsWith("/v1/subscription_items"))).toBe(true);
  }, 60_000);

  it("a sync through the thread backs off the server's 429s and still completes", async () => {
    const server = await serve(account, { rateLimit: 4 });
    const db = database();
    // Asks for far more than the server accepts: each refusal comes back from the thread as
    // the SDK's rate-limit error, which pauses every fetcher.
    const report = await runSync(db.db, stripeFor(server), {
      now: clock,
      concurrency: 8,
      requestsPerSecond: 30,
      client: settings(server),
    });
    expect(report.status).toBe("succeeded");
    expect(report.fetchThread).toBe(true);
    expect(server.rateLimited()).toBeGreaterThan(0);
    expect((db.db.prepare("SELECT count(*) AS n FROM Client").get() as { n: number }).n).toBe(
      account.customers.length,
    );
  }, 60_000);

  it("reports that it could not start in time, so the sync lists on its own thread", async () => {
    const server = await serve(account);
    expect(await startFetchThread(settings(server), { startTimeoutMs: 0 })).toBeNull();
  });
});
