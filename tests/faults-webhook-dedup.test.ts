// Duplicate and out-of-order webhook deliveries through the route handler, in-process:
// concurrent copies of one event are stored and applied once; any interleaving of a stream
// with redeliveries ends in the state of one ordered pass.
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/stripe/webhook/route";
import { closeSqlite } from "@/lib/db/sqlite";
import { generateAccount } from "@/lib/stripe-fixtures/generate";
import { webhookWorkerIdle } from "@/lib/webhooks/worker";
import { preparedDataDir, removeDataDirs, withDb } from "@/tests/support/faults/data-dir";
import { eventsFromAccount, signedRequest, type TestEvent } from "@/tests/support/faults/events";
import { appState, integrity, ORDER_DEPENDENT, rowCounts } from "@/tests/support/faults/state";
import { IN_PROCESS_SECRET, pointAppAt } from "@/tests/support/faults/in-process";

afterEach(() => {
  closeSqlite();
  removeDataDirs();
});

const ctx = { params: Promise.resolve({}) };
const now = new Date();
const account = generateAccount({ customers: 12, seed: 21, now });
const events = eventsFromAccount(account, Math.floor(now.getTime() / 1000) - 3600);

async function post(event: TestEvent): Promise<{ status: number; duplicate?: boolean }> {
  const response = await POST(signedRequest(JSON.stringify(event), IN_PROCESS_SECRET), ctx);
  const body = (await response.json()) as { duplicate?: boolean };
  return { status: response.status, duplicate: body.duplicate };
}

/** Delivers `order` in concurrent batches into a fresh database; returns what it ends with. */
async function deliverAll(order: TestEvent[], batch: number) {
  const dir = preparedDataDir(now);
  pointAppAt(dir.file);
  const statuses: number[] = [];
  for (let i = 0; i < order.length; i += batch) {
    const results = await Promise.all(order.slice(i, i + batch).map(post));
    statuses.push(...results.map((r) => r.status));
    await webhookWorkerIdle();
  }
  await webhookWorkerIdle();
  closeSqlite();
  return withDb(dir.file, (db) => ({
    statuses: [...new Set(statuses)],
    state: appState(db, ORDER_DEPENDENT),
    events: db
      .prepare("SELECT stripeEventId, status, attempts FROM WebhookEvent ORDER BY stripeEventId")
      .all(),
    dedup: rowCounts(db).DedupEvent,
    integrity: integrity(db),
  }));
}

describe("duplicate webhook deliveries", () => {
  it("20 concurrent deliveries of one event: one row, one effect, one non-duplicate answer", async () => {
    const catalogAndCustomer = events.slice(
      0,
      events.findIndex((e) => e.type === "customer.subscription.created"),
    );
    const target = events.find((e) => e.type === "customer.subscription.updated");
    if (!target) throw new Error("the account has no subscription");
    const once = await deliverAll([...catalogAndCustomer, target], 50);

    const dir = preparedDataDir(now);
    pointAppAt(dir.file);
    for (const event of catalogAndCustomer) await post(event);
    await webhookWorkerIdle();
    const before = withDb(dir.file, rowCounts);
    const answers = await Promise.all(Array.from({ length: 20 }, () => post(target)));
    await webhookWorkerIdle();
    closeSqlite();

    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers.filter((a) => a.duplicate === false)).toHaveLength(1);
    withDb(dir.file, (db) => {
      const rows = db
        .prepare("SELECT status, attempts FROM WebhookEvent WHERE stripeEventId = ?")
        .all(target.id);
      expect(rows).toEqual([{ status: "processed", attempts: 1 }]);
      const after = rowCounts(db);
      expect(after.WebhookEvent).toBe(before.WebhookEvent + 1);
      expect(after.SubscriptionMap).toBe(before.SubscriptionMap + 1);
      expect(after.Booking).toBeGreaterThan(before.Booking);
      expect(appState(db, ORDER_DEPENDENT)).toEqual(once.state);
    });
  });

  it("any shuffle of 200 deliveries with redeliveries ends like one ordered pass (property)", async () => {
    expect(events.length).toBeGreaterThanOrEqual(100);
    expect(events.length).toBeLessThan(200);
    const reference = await deliverAll(events, 1);
    expect(reference.statuses).toEqual([200]);
    expect((reference.state.Booking ?? []).length).toBeGreaterThan(0);
    // Every event at least once (Stripe redelivers until acknowledged), the rest redeliveries.
    const deliveries = fc
      .array(fc.constantFrom(...events), { minLength: 200 - events.length, maxLength: 200 - events.length })
      .chain((again) => fc.shuffledSubarray([...events, ...again], { minLength: 200, maxLength: 200 }));
    await fc.assert(
      fc.asyncProperty(deliveries, fc.integer({ min: 1, max: 25 }), async (order, batch) => {
        const result = await deliverAll(order, batch);
        expect(result.statuses).toEqual([200]);
        expect(result.integrity).toBe("ok");
        expect(result.events).toEqual(reference.events);
        expect(result.dedup).toBe(reference.dedup);
        expect(result.state).toEqual(reference.state);
      }),
      { numRuns: 15 },
    );
  });
});
