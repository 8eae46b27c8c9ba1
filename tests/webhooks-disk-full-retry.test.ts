// Events stored before the disk filled up: the worker cannot apply them (SQLITE_FULL; simulated
// as in tests/faults-disk-full.test.ts). They stay pending with no attempt counted, and the
// worker tries again by itself with a growing delay: once space is back they are applied
// without any new delivery to wake it.
import { afterEach, describe, expect, it } from "vitest";
import { closeSqlite, sqlite } from "@/lib/db/sqlite";
import { isStorageFailure } from "@/lib/webhooks/process";
import { storeWebhook } from "@/lib/webhooks/receive";
import { scheduleWebhookProcessing, webhookWorkerIdle } from "@/lib/webhooks/worker";
import { eventSchema } from "@/lib/stripe/schemas";
import { pointAppAtDatabase } from "@/tests/support/app-env";
import { freshDb, type TestDb } from "@/tests/support/db";
import { customer } from "@/tests/support/stripe-objects";

let t: TestDb | undefined;
afterEach(() => {
  closeSqlite();
  t?.cleanup();
  t = undefined;
});

const rows = () =>
  sqlite().prepare("SELECT status, attempts FROM WebhookEvent ORDER BY id").all() as {
    status: string;
    attempts: number;
  }[];

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check();
}

describe("webhook events left pending by a full disk", () => {
  it("are retried by the worker itself once space is back, with no attempt counted", async () => {
    t = freshDb();
    pointAppAtDatabase(t.file);
    const db = sqlite();
    for (const id of ["cus_1", "cus_2"]) {
      const event = {
        id: `evt_${id}`,
        object: "event",
        type: "customer.created",
        created: 1_800_000_000,
        livemode: false,
        // Large, so applying it needs new pages.
        data: { object: customer(id, { description: "y".repeat(20_000) }) },
      };
      storeWebhook(db, eventSchema.parse(event), JSON.stringify(event), new Date());
    }
    db.pragma(`max_page_count = ${db.pragma("page_count", { simple: true }) as number}`);

    scheduleWebhookProcessing();
    await webhookWorkerIdle();
    expect(rows()).toEqual([
      { status: "pending", attempts: 0 },
      { status: "pending", attempts: 0 },
    ]);
    // Still full at the first retry (≈1 s): still pending, still no attempt counted.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await webhookWorkerIdle();
    expect(rows().every((row) => row.status === "pending" && row.attempts === 0)).toBe(true);

    db.pragma("max_page_count = 1073741823");
    // The next retry comes ≈2 s after the second failure; no delivery, no call to the worker.
    expect(await until(() => rows().every((row) => row.status === "processed"), 8000)).toBe(true);
    const clients = db.prepare("SELECT count(*) AS n FROM Client").get() as { n: number };
    expect(clients.n).toBe(2);
  }, 20_000);

  it("tells a storage failure from any other", () => {
    expect(
      isStorageFailure(Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" })),
    ).toBe(true);
    expect(isStorageFailure(Object.assign(new Error("disk I/O error"), { code: "SQLITE_IOERR_WRITE" }))).toBe(
      true,
    );
    expect(isStorageFailure(Object.assign(new Error("busy"), { code: "SQLITE_BUSY" }))).toBe(false);
    expect(isStorageFailure(new Error("network"))).toBe(false);
    expect(isStorageFailure(null)).toBe(false);
  });
});
