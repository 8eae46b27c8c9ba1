import fc from "fast-check";
import Stripe from "stripe";
import { afterEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/stripe/webhook/route";
import { closeSqlite } from "@/lib/db/sqlite";
import { seedDefaultRules } from "@/lib/rules/defaults";
import { ingestObjects } from "@/lib/stripe/ingest";
import { catalogPrices, catalogProducts } from "@/lib/stripe-fixtures/catalog";
import { webhookWorkerIdle } from "@/lib/webhooks/worker";
import { pointAppAtDatabase, WEBHOOK_SECRET } from "@/tests/support/app-env";
import { freshDb, type TestDb } from "@/tests/support/db";
import { T0, customer, dumpState, subscription } from "@/tests/support/stripe-objects";

let t: TestDb | undefined;
afterEach(() => {
  closeSqlite();
  t?.cleanup();
  t = undefined;
});

const ctx = { params: Promise.resolve({}) };

function event(id: string, type: string, object: object, created: number) {
  return {
    id,
    object: "event",
    type,
    created,
    livemode: false,
    api_version: "2026-08-27",
    data: { object },
    pending_webhooks: 1,
    request: null,
  };
}

function signed(body: string, options: { secret?: string; timestamp?: number; contentType?: string } = {}) {
  const header = Stripe.webhooks.generateTestHeaderString({
    payload: body,
    secret: options.secret ?? WEBHOOK_SECRET,
    ...(options.timestamp ? { timestamp: options.timestamp } : {}),
  });
  return new Request("http://localhost/api/stripe/webhook", {
    method: "POST",
    headers: { "content-type": options.contentType ?? "application/json", "stripe-signature": header },
    body,
  });
}

function setup() {
  t = freshDb();
  pointAppAtDatabase(t.file);
  return t;
}

const count = (db: TestDb, table: string) =>
  (db.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe("POST /api/stripe/webhook", () => {
  it("stores a signed event once, applies it, and acknowledges a redelivery without applying again", async () => {
    const db = setup();
    const body = JSON.stringify(event("evt_1", "customer.created", customer("cus_1"), 1_800_000_000));
    const first = await POST(signed(body), ctx);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: true, duplicate: false });
    await webhookWorkerIdle();
    const second = await POST(signed(body), ctx);
    expect(await second.json()).toEqual({ received: true, duplicate: true });
    await webhookWorkerIdle();
    expect(db.db.prepare("SELECT stripeEventId, status FROM WebhookEvent").all()).toEqual([
      { stripeEventId: "evt_1", status: "processed" },
    ]);
    expect(count(db, "Client")).toBe(1);
  });

  it.each([
    ["a bad signature", () => signed("{}", { secret: "whsec_wrong" }), 400],
    [
      "a stale timestamp",
      () =>
        signed(JSON.stringify(event("evt_2", "customer.created", customer("cus_2"), 1)), {
          timestamp: Math.floor(Date.now() / 1000) - 3600,
        }),
      400,
    ],
    ["malformed JSON", () => signed("{not json"), 400],
    ["a signed non-event", () => signed(JSON.stringify({ hello: "world" })), 400],
    ["a wrong content type", () => signed("{}", { contentType: "text/plain" }), 415],
    [
      "a missing signature",
      () =>
        new Request("http://localhost/api/stripe/webhook", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: "{}",
        }),
      400,
    ],
    ["an oversize body", () => signed(JSON.stringify({ pad: "x".repeat(600 * 1024) })), 413],
  ])(
    "answers %s with its HTTP error, as problem JSON, and changes nothing",
    async (_name, makeRequest, status) => {
      const db = setup();
      const response = await POST(makeRequest(), ctx);
      expect(response.status).toBe(status);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect((await response.json()).status).toBe(status);
      await webhookWorkerIdle();
      expect(count(db, "WebhookEvent")).toBe(0);
      expect(count(db, "Client")).toBe(0);
    },
  );

  it("ends in the same state when every event is delivered twice, concurrently, in random order", async () => {
    const items = [{ id: "si_1", price: "price_walk60_weekly", product: "prod_walk60" }];
    // The worker applies events at the real clock, so billing periods are placed around it.
    const nowSec = Math.floor(Date.now() / 1000);
    const current = (sub: ReturnType<typeof subscription>) => ({
      ...sub,
      start_date: nowSec - 86400,
      items: {
        ...sub.items,
        data: sub.items.data.map((item) => ({
          ...item,
          current_period_start: nowSec - 86400,
          current_period_end: nowSec + 6 * 86400,
        })),
      },
    });
    const events = [
      event("evt_a", "customer.created", customer("cus_1", { name: "Ann" }), 100),
      event("evt_b", "customer.updated", customer("cus_1", { name: "Anna" }), 200),
      event(
        "evt_c",
        "customer.subscription.created",
        current(subscription("sub_1", "cus_1", items, { status: "trialing" })),
        150,
      ),
      event(
        "evt_d",
        "customer.subscription.updated",
        current(subscription("sub_1", "cus_1", items, { status: "active", cancel_at_period_end: true })),
        250,
      ),
      event(
        "evt_e",
        "customer.subscription.updated",
        current(subscription("sub_1", "cus_1", items, { status: "active" })),
        300,
      ),
      event("evt_f", "coupon.created", { id: "co_1", object: "coupon" }, 310),
    ];
    const deliver = async (list: typeof events, concurrent: boolean) => {
      const db = setup();
      seedDefaultRules(db.db, new Date(T0 * 1000));
      const catalog = [...catalogProducts(), ...catalogPrices()].map((object) => ({
        object,
        sourceAt: new Date(T0 * 1000),
      }));
      ingestObjects(db.db, catalog, { now: new Date(T0 * 1000) });
      const requests = list.map((e) => () => POST(signed(JSON.stringify(e)), ctx));
      if (concurrent) await Promise.all(requests.map((send) => send()));
      else for (const send of requests) await send();
      await webhookWorkerIdle();
      // sequence and updatedAt count the changes a history went through, and a cancelled row
      // exists only if an earlier state was ever booked: both differ between histories by design.
      db.db.prepare("DELETE FROM Booking WHERE status = 'cancelled'").run();
      const state = dumpState(
        db.db,
        ["Client", "SubscriptionMap", "SubscriptionItemMap", "Booking"],
        ["appliedAt", "createdAt", "updatedAt", "sequence"],
      );
      const statuses = db.db
        .prepare("SELECT stripeEventId, status FROM WebhookEvent ORDER BY stripeEventId")
        .all();
      closeSqlite();
      db.cleanup();
      t = undefined;
      return { state, statuses };
    };
    const reference = await deliver(events, false);
    expect(reference.state.Booking?.length).toBeGreaterThan(0);
    expect(reference.statuses).toContainEqual({ stripeEventId: "evt_f", status: "ignored" });
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray([...events, ...events], { minLength: 12, maxLength: 12 }),
        async (order) => {
          expect(await deliver(order, true)).toEqual(reference);
        },
      ),
      { numRuns: 15 },
    );
  });
});
