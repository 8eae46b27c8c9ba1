// "Retry" on the Stripe screen: a failed event goes back to the worker's one path and is applied
// exactly once, whatever the interleaving of retries (one, all) and worker passes.
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { createPrisma, type Db } from "@/lib/db/prisma";
import { seedDefaultRules } from "@/lib/rules/defaults";
import { eventSchema } from "@/lib/stripe/schemas";
import { listWebhookEvents, retryWebhookEvents } from "@/lib/webhooks/admin-log";
import { processPendingWebhooks } from "@/lib/webhooks/process";
import { storeWebhook } from "@/lib/webhooks/receive";
import { freshDb, type TestDb } from "@/tests/support/db";
import { insertClient, seedCatalog } from "@/tests/support/mirror-rows";
import { catalog } from "@/tests/support/demo-catalog";
import { customer, dumpState, subscription, T0 } from "@/tests/support/stripe-objects";

const now = new Date(T0 * 1000);
const opened: { t: TestDb; prisma: Db }[] = [];
afterEach(async () => {
  for (const { t, prisma } of opened.splice(0)) {
    await prisma.$disconnect();
    t.cleanup();
  }
});

const events = [
  { id: "evt_c", type: "customer.created", object: customer("cus_2") },
  {
    id: "evt_s",
    type: "customer.subscription.created",
    object: subscription("sub_1", "cus_1", [
      { id: "si_1", price: catalog.walk60.price, product: catalog.walk60.product },
    ]),
  },
];

/** A business whose two events were stored and then failed for good (a cause of ours, since fixed). */
function failedAccount() {
  const t = freshDb();
  const prisma = createPrisma(t.file);
  opened.push({ t, prisma });
  seedCatalog(t.db);
  // The subscription's customer is mirrored already, so the two events are independent of each other's order.
  insertClient(t.db, { stripeId: "cus_1", name: "Jane Doe" });
  seedDefaultRules(t.db, now);
  for (const e of events) {
    const envelope = {
      id: e.id,
      object: "event",
      type: e.type,
      created: T0,
      livemode: false,
      data: { object: e.object },
    };
    storeWebhook(t.db, eventSchema.parse(envelope), JSON.stringify(envelope), now);
  }
  t.db.prepare("UPDATE WebhookEvent SET status = 'failed', attempts = 5, error = 'disk full'").run();
  return { t, prisma };
}

const ids = (t: TestDb) =>
  (t.db.prepare("SELECT id FROM WebhookEvent ORDER BY id").all() as { id: number }[]).map((r) => r.id);
const state = (t: TestDb) =>
  dumpState(
    t.db,
    ["Client", "SubscriptionMap", "Booking", "BookingEvent", "DedupEvent"],
    // Which events a booking change names depends on how they were batched, not on how often they applied.
    ["id", "appliedAt", "processedAt", "createdAt", "updatedAt", "at", "cause"],
  );

describe("webhook retry from the Stripe screen", () => {
  it("retries one failed event, refuses events that are not failed, and lists by status", async () => {
    const { t, prisma } = failedAccount();
    const [first, second] = ids(t);
    expect(await listWebhookEvents(prisma, { status: "failed", page: 1 })).toMatchObject({
      total: 2,
      pages: 1,
    });
    expect(await retryWebhookEvents(prisma, { id: first! })).toEqual({ retried: 1 });
    expect(await retryWebhookEvents(prisma, { id: first! })).toEqual({ retried: 0, reason: "not_failed" });
    expect(await retryWebhookEvents(prisma, { id: 999 })).toEqual({ retried: 0, reason: "not_found" });
    await processPendingWebhooks(t.db, { now: () => now, stripe: null });
    const failed = await listWebhookEvents(prisma, { status: "failed", page: 1 });
    expect(failed.rows.map((r) => r.id)).toEqual([second]);
    expect(failed.rows[0]?.error).toBe("disk full");
    expect((await listWebhookEvents(prisma, { status: "processed", page: 1 })).rows.map((r) => r.id)).toEqual(
      [first],
    );
  });

  it("applies each failed event exactly once, whatever retries and worker passes interleave", async () => {
    // The reference: each event applied once, in order.
    const reference = failedAccount();
    await retryWebhookEvents(reference.prisma, { all: true });
    await processPendingWebhooks(reference.t.db, { now: () => now, stripe: null });
    const expected = state(reference.t);
    expect(expected.Booking?.length).toBeGreaterThan(0);
    expect(expected.DedupEvent?.filter((r) => (r as { kind: string }).kind === "event")).toHaveLength(2);

    const step = fc.oneof(
      fc.record({ op: fc.constant("one" as const), which: fc.integer({ min: 0, max: 1 }) }),
      fc.constant({ op: "all" as const }),
      fc.constant({ op: "process" as const }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const { t, prisma } = failedAccount();
        const eventIds = ids(t);
        for (const s of steps) {
          if (s.op === "one") await retryWebhookEvents(prisma, { id: eventIds[s.which]! });
          else if (s.op === "all") await retryWebhookEvents(prisma, { all: true });
          else await processPendingWebhooks(t.db, { now: () => now, stripe: null });
        }
        // Whatever happened, a final "retry all" and a worker pass converge on the reference.
        await retryWebhookEvents(prisma, { all: true });
        await processPendingWebhooks(t.db, { now: () => now, stripe: null });
        await processPendingWebhooks(t.db, { now: () => now, stripe: null });
        expect(state(t)).toEqual(expected);
        const statuses = t.db.prepare("SELECT DISTINCT status FROM WebhookEvent").all();
        expect(statuses).toEqual([{ status: "processed" }]);
      }),
      { numRuns: 15 },
    );
  });
});
