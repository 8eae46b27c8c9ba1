import { afterEach, describe, expect, it } from "vitest";
import { requeueFailedWebhooks, webhookCounts } from "@/lib/webhooks/admin";
import { processPendingWebhooks } from "@/lib/webhooks/process";
import { storeWebhook } from "@/lib/webhooks/receive";
import { eventSchema } from "@/lib/stripe/schemas";
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
    const bad = event("evt_bad", { ...customer("cus_bad"), created: "not a time" });
    for (const e of [good, bad]) storeWebhook(t.db, eventSchema.parse(e), JSON.stringify(e), now);
    await processPendingWebhooks(t.db, { now: () => now, stripe: null });
    expect(webhookCounts(t.db)).toEqual({ processed: 1, failed: 1 });

    // The cause is fixed (here: the stored payload corrected), then the event is retried.
    t.db
      .prepare("UPDATE WebhookEvent SET payload = ? WHERE stripeEventId = 'evt_bad'")
      .run(JSON.stringify(event("evt_bad", customer("cus_bad"))));
    expect(requeueFailedWebhooks(t.db)).toBe(1);
    expect(requeueFailedWebhooks(t.db)).toBe(0);
    await processPendingWebhooks(t.db, { now: () => now, stripe: null });
    expect(webhookCounts(t.db)).toEqual({ processed: 2 });
    expect(t.db.prepare("SELECT count(*) AS n FROM Client").get()).toEqual({ n: 2 });
  });
});
