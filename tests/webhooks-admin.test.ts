import { afterEach, describe, expect, it } from "vitest";
import { requeueFailedWebhooks, webhookCounts } from "@/lib/webhooks/admin";
import { processPendingWebhooks } from "@/lib/webhooks/process";
import { storeWebhook } from "@/lib/webhooks/receive";
import { eventSchema } from "@/lib/stripe/schemas";
import { quarantineSummary, retryQuarantine } from "@/lib/stripe/quarantine";
import { freshDb, type TestDb } from "@/tests/support/db";
import { customer } from "@/tests/support/stripe-objects";

let t: TestDb | undefined;
afterEach(() => t?.cleanup());

const now = new Date("2026-11-20T10:00:00Z");
const event = (id: string, object: object) => ({
  id,
  object: "event",
  type: "customer.updated",
  created: 1_800_000_000,
  livemode: false,
  data: { object },
});

describe("webhook administration", () => {
  it("re-queues failed events so a fixed cause lets them apply, and leaves the others alone", async () => {
    t = freshDb();
    const good = event("evt_ok", customer("cus_ok"));
    const later = event("evt_later", customer("cus_later"));
    for (const e of [good, later]) storeWebhook(t.db, eventSchema.parse(e), JSON.stringify(e), now);
    // A cause outside the event (a full disk, a bug) made one fail for good.
    t.db
      .prepare("UPDATE WebhookEvent SET status = 'failed', attempts = 5 WHERE stripeEventId = 'evt_later'")
      .run();
    await processPendingWebhooks(t.db, { now: () => now, stripe: null });
    expect(webhookCounts(t.db)).toEqual({ processed: 1, failed: 1 });

    expect(requeueFailedWebhooks(t.db)).toBe(1);
    expect(requeueFailedWebhooks(t.db)).toBe(0);
    await processPendingWebhooks(t.db, { now: () => now, stripe: null });
    expect(webhookCounts(t.db)).toEqual({ processed: 2 });
    expect(t.db.prepare("SELECT count(*) AS n FROM Client").get()).toEqual({ n: 2 });
  });

  it("quarantines an event whose object fails validation, with its reason, until a retry mirrors it", async () => {
    t = freshDb();
    const bad = event("evt_bad", { ...customer("cus_bad"), created: "not a time" });
    storeWebhook(t.db, eventSchema.parse(bad), JSON.stringify(bad), now);
    await processPendingWebhooks(t.db, { now: () => now, stripe: null });
    expect(webhookCounts(t.db)).toEqual({ quarantined: 1 });
    expect(t.db.prepare("SELECT error FROM WebhookEvent").get()).toEqual({
      error: expect.stringMatching(/created/),
    });
    expect(quarantineSummary(t.db).total).toBe(1);
    // webhooks:retry is for failures of ours; a quarantined event waits for quarantine:retry.
    expect(requeueFailedWebhooks(t.db)).toBe(0);

    // An upgrade now reads the object (simulated: the stored payload becomes readable).
    t.db.prepare("UPDATE QuarantinedObject SET raw = ?").run(JSON.stringify(customer("cus_bad")));
    expect(retryQuarantine(t.db, { now })).toEqual({ tried: 1, released: 1, invalid: 0 });
    expect(webhookCounts(t.db)).toEqual({ processed: 1 });
    expect(quarantineSummary(t.db).total).toBe(0);
    expect(t.db.prepare("SELECT stripeId FROM Client").all()).toEqual([{ stripeId: "cus_bad" }]);
  });
});
