// Same-second states (issue 14 §0): every pair of subscription and invoice statuses delivered
// as webhooks within one Stripe second, in both orders, with the API unreachable (lifecycle
// order, queued for re-fetch) and reachable (Stripe's current state, fetched with the real SDK
// from the local Stripe-compatible server).
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sqlite } from "@/lib/db/sqlite";
import { createStripe } from "@/lib/stripe/client";
import { compareStates, lifecycleRank } from "@/lib/stripe/lifecycle";
import { pendingRefetches, resolveTies } from "@/lib/stripe/refetch";
import { eventSchema } from "@/lib/stripe/schemas";
import { runSync } from "@/lib/stripe/sync";
import { generateAccount } from "@/lib/stripe-fixtures/generate";
import { processPendingWebhooks } from "@/lib/webhooks/process";
import { storeWebhook } from "@/lib/webhooks/receive";
import { freshDb } from "@/tests/support/db";
import { MIRROR_TABLES } from "@/tests/support/faults/state";
import { startStripeServer, type StripeServer } from "@/tests/support/stripe-server";
import { T0, dumpState, invoice, subscription } from "@/tests/support/stripe-objects";

const API_KEY = "sk_test_ties";
const NOW = new Date((T0 + 3600) * 1000);
const SECOND = T0 + 120;

const subscriptionStatuses = [
  "incomplete",
  "incomplete_expired",
  "trialing",
  "active",
  "past_due",
  "unpaid",
  "paused",
  "canceled",
] as const;
const invoiceStatuses = ["draft", "open", "paid", "uncollectible", "void"] as const;

type Kind = "subscription" | "invoice";
const objectOf = (kind: Kind, status: string) =>
  kind === "subscription"
    ? subscription("sub_tie", "cus_tie", [{ id: "si_tie", price: "price_w", product: "prod_w" }], { status })
    : invoice("in_tie", "cus_tie", [{ id: "il_tie", price: "price_g", product: "prod_g" }], { status });
const eventType = (kind: Kind) =>
  kind === "subscription" ? "customer.subscription.updated" : "invoice.updated";
const tableOf = (kind: Kind) => (kind === "subscription" ? "SubscriptionMap" : "InvoiceMap");

function orderedPairs<T>(values: readonly T[]): [T, T][] {
  return values.flatMap((a) => values.filter((b) => b !== a).map((b): [T, T] => [a, b]));
}

/** Delivers two states of one object as signed-and-stored webhooks with the same `created` second. */
async function deliver(
  db: Sqlite,
  kind: Kind,
  statuses: [string, string],
  stripe: Stripe | null,
  ids = "evt",
) {
  statuses.forEach((status, index) => {
    const event = {
      id: `${ids}_${index}`,
      object: "event",
      type: eventType(kind),
      created: SECOND,
      livemode: false,
      data: { object: objectOf(kind, status) },
    };
    storeWebhook(db, eventSchema.parse(event), JSON.stringify(event), NOW);
  });
  const summary = await processPendingWebhooks(db, { now: () => NOW, stripe });
  expect(summary.processed).toBe(2);
}

const statusOf = (db: Sqlite, kind: Kind) =>
  (db.prepare(`SELECT status FROM ${tableOf(kind)}`).get() as { status: string }).status;
const state = (db: Sqlite) => dumpState(db, [...MIRROR_TABLES, "RefetchRequest"], ["appliedAt"]);

let server: StripeServer;
let stripe: Stripe;
beforeAll(async () => {
  server = await startStripeServer({
    account: generateAccount({ customers: 1, seed: 3, now: NOW }),
    apiKey: API_KEY,
  });
  stripe = createStripe({
    apiKey: API_KEY,
    host: "127.0.0.1",
    port: server.port,
    protocol: "http",
    maxNetworkRetries: 0,
  });
});
afterAll(() => server.close());

/** Stripe's state as the server holds it now. */
function stripeHolds(kind: Kind, status: string) {
  if (kind === "subscription")
    server.upsert("subscription", objectOf(kind, status) as unknown as Stripe.Subscription);
  else server.upsert("invoice", objectOf(kind, status) as unknown as Stripe.Invoice);
}

describe.each([
  ["subscription", subscriptionStatuses],
  ["invoice", invoiceStatuses],
] as const)("two %s states in one second", (kind, statuses) => {
  it("offline: the later lifecycle state wins in both orders, and the object is queued for re-fetch", async () => {
    for (const [a, b] of orderedPairs(statuses)) {
      const forward = freshDb();
      const backward = freshDb();
      try {
        await deliver(forward.db, kind, [a, b], null);
        await deliver(backward.db, kind, [b, a], null);
        const expected = lifecycleRank(kind, a, false) > lifecycleRank(kind, b, false) ? a : b;
        expect(statusOf(forward.db, kind), `${a} then ${b}`).toBe(expected);
        expect(state(backward.db), `${b} then ${a} converges`).toEqual(state(forward.db));
        expect(pendingRefetches(forward.db)).toBe(1);

        // The next catch-up asks Stripe, whatever lifecycle order said: here Stripe holds the other one.
        const current = expected === a ? b : a;
        stripeHolds(kind, current);
        expect(await resolveTies(forward.db, stripe, { now: NOW })).toEqual({ resolved: 1, failed: 0 });
        expect(statusOf(forward.db, kind), `catch-up after ${a}/${b}`).toBe(current);
        expect(pendingRefetches(forward.db)).toBe(0);
        // A replay of both tied states (an events pass) changes nothing any more.
        await deliver(forward.db, kind, [a, b], null, "evt_replay");
        expect(statusOf(forward.db, kind)).toBe(current);
      } finally {
        forward.cleanup();
        backward.cleanup();
      }
    }
  });

  it("online: Stripe's current state wins in both orders, and nothing stays queued", async () => {
    for (const [a, b] of orderedPairs(statuses)) {
      // Stripe says the first delivered state is current (the order lifecycle alone would get wrong half the time).
      stripeHolds(kind, a);
      const db = freshDb();
      const again = freshDb();
      try {
        await deliver(db.db, kind, [a, b], stripe);
        expect(statusOf(db.db, kind), `${a} then ${b}, Stripe holds ${a}`).toBe(a);
        expect(pendingRefetches(db.db)).toBe(0);
        await deliver(again.db, kind, [b, a], stripe);
        expect(state(again.db), `${b} then ${a} converges`).toEqual(state(db.db));
      } finally {
        db.cleanup();
        again.cleanup();
      }
    }
  });
});

describe("same-second ties", () => {
  it("the Checkout order (created: incomplete, updated: active) ends active offline and online", async () => {
    for (const client of [null, "online"] as const) {
      stripeHolds("subscription", "active");
      const db = freshDb();
      try {
        await deliver(db.db, "subscription", ["incomplete", "active"], client ? stripe : null);
        expect(statusOf(db.db, "subscription")).toBe("active");
      } finally {
        db.cleanup();
      }
    }
  });

  it("an unreachable API leaves the object queued; the next sync applies Stripe's state", async () => {
    stripeHolds("subscription", "past_due");
    const db = freshDb();
    try {
      const offline = createStripe({
        apiKey: API_KEY,
        host: "127.0.0.1",
        port: 9,
        protocol: "http",
        maxNetworkRetries: 0,
      });
      await deliver(db.db, "subscription", ["incomplete", "active"], offline);
      expect(statusOf(db.db, "subscription")).toBe("active");
      expect(
        db.db.prepare("SELECT attempts, lastError IS NOT NULL AS hasError FROM RefetchRequest").get(),
      ).toEqual({
        attempts: 1,
        hasError: 1,
      });
      const report = await runSync(db.db, stripe, { now: () => NOW });
      expect(report.status).toBe("succeeded");
      expect(report.refetched).toBe(1);
      expect(statusOf(db.db, "subscription")).toBe("past_due");
      expect(pendingRefetches(db.db)).toBe(0);
    } finally {
      db.cleanup();
    }
  });

  it("orders every pair of states totally (antisymmetric), with the hash as the last resort", () => {
    const states = [...subscriptionStatuses, "some_future_status"].flatMap((status) =>
      ["a", "b"].flatMap((contentHash) =>
        [false, true].map((deleted) => ({ sourceAt: 1000, contentHash, status, deleted })),
      ),
    );
    for (const x of states)
      for (const y of states) {
        const same = x === y;
        expect(Math.sign(compareStates("subscription", x, y)) === 0, JSON.stringify([x, y])).toBe(
          same || (x.status === y.status && x.contentHash === y.contentHash && x.deleted === y.deleted),
        );
        const sign = (a: typeof x, b: typeof x) => Math.sign(compareStates("subscription", a, b)) || 0;
        expect(sign(x, y)).toBe(-sign(y, x) || 0);
      }
  });
});
