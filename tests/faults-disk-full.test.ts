// A full disk while the server runs: SQLite refuses the write (SQLITE_FULL). Simulated by capping
// the app connection's page count at its current size, which is how SQLite sees a full disk.
import Stripe from "stripe";
import { afterEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/stripe/webhook/route";
import { closeSqlite, sqlite } from "@/lib/db/sqlite";
import { ingestObjects } from "@/lib/stripe/ingest";
import { webhookWorkerIdle } from "@/lib/webhooks/worker";
import { pointAppAtDatabase, WEBHOOK_SECRET } from "@/tests/support/app-env";
import { freshDb, type TestDb } from "@/tests/support/db";
import { customer } from "@/tests/support/stripe-objects";

let t: TestDb | undefined;
afterEach(() => {
  closeSqlite();
  t?.cleanup();
  t = undefined;
});

const count = (db: TestDb, table: string) =>
  (db.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
/** A customer with a large field, so storing it needs new pages. */
const bulky = (id: string) =>
  customer(id, { metadata: { notes: "x".repeat(400) }, description: "y".repeat(20_000) });

function fillDisk(): () => void {
  const db = sqlite();
  const pages = (db.pragma("page_count", { simple: true }) as number) + 0;
  db.pragma(`max_page_count = ${pages}`);
  return () => db.pragma("max_page_count = 1073741823");
}

describe("a full disk", () => {
  it("refuses a webhook with 507 problem JSON, stores nothing, and accepts the redelivery once space is back", async () => {
    t = freshDb();
    pointAppAtDatabase(t.file);
    const body = JSON.stringify({
      id: "evt_full",
      object: "event",
      type: "customer.created",
      created: 1_800_000_000,
      livemode: false,
      data: { object: bulky("cus_full") },
    });
    const request = () =>
      new Request("http://localhost/api/stripe/webhook", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "stripe-signature": Stripe.webhooks.generateTestHeaderString({
            payload: body,
            secret: WEBHOOK_SECRET,
          }),
        },
        body,
      });
    const freeSpace = fillDisk();
    const refused = await POST(request(), { params: Promise.resolve({}) });
    expect(refused.status).toBe(507);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect(count(t, "WebhookEvent")).toBe(0);
    freeSpace();
    const accepted = await POST(request(), { params: Promise.resolve({}) });
    expect(accepted.status).toBe(200);
    await webhookWorkerIdle();
    expect(count(t, "Client")).toBe(1);
  });

  it("rolls an ingest page back whole: no half-written page", () => {
    t = freshDb();
    pointAppAtDatabase(t.file);
    ingestObjects(sqlite(), [{ object: customer("cus_0"), sourceAt: new Date() }], { now: new Date() });
    const freeSpace = fillDisk();
    const page = Array.from({ length: 50 }, (_, i) => ({
      object: bulky(`cus_${i + 1}`),
      sourceAt: new Date(),
    }));
    expect(() => ingestObjects(sqlite(), page, { now: new Date() })).toThrow(/full/i);
    expect(count(t, "Client")).toBe(1);
    freeSpace();
    ingestObjects(sqlite(), page, { now: new Date() });
    expect(count(t, "Client")).toBe(51);
    expect(sqlite().pragma("integrity_check", { simple: true })).toBe("ok");
  });
});
