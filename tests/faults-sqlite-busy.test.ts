// SQLite busy: another connection holds the write lock while the ingest path or the webhook
// processor writes. The write either waits (busy timeout) and succeeds, or fails with
// SQLITE_BUSY; either way nothing is half-written and the work succeeds once the lock is gone.
import { afterEach, describe, expect, it } from "vitest";
import { BUSY_TIMEOUT_MS, openSqlite, type Sqlite } from "@/lib/db/sqlite";
import { ingestObjects, type IngestItem } from "@/lib/stripe/ingest";
import { eventSchema } from "@/lib/stripe/schemas";
import { generateAccount } from "@/lib/stripe-fixtures/generate";
import { processPendingWebhooks } from "@/lib/webhooks/process";
import { storeWebhook } from "@/lib/webhooks/receive";
import { preparedDataDir, removeDataDirs } from "@/tests/support/faults/data-dir";
import { eventsFromAccount } from "@/tests/support/faults/events";
import { holdWriteLock } from "@/tests/support/faults/lock-holder";
import { integrity, rowCounts } from "@/tests/support/faults/state";

const NOW = new Date("2026-11-02T10:00:00Z");
const account = generateAccount({ customers: 20, seed: 3, now: NOW });
const items: IngestItem[] = Object.values(account)
  .flat()
  .map((object) => ({ object, sourceAt: NOW }));

const open: Sqlite[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
  removeDataDirs();
});

function database(busyTimeoutMs = BUSY_TIMEOUT_MS): { db: Sqlite; file: string } {
  const { file } = preparedDataDir(NOW);
  const db = openSqlite(file);
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  open.push(db);
  return { db, file };
}

/** Runs `write` and reports how it ended; better-sqlite3 blocks this thread while it waits. */
function attempt(write: () => unknown): { ok: boolean; code?: string; ms: number } {
  const start = performance.now();
  try {
    write();
    return { ok: true, ms: performance.now() - start };
  } catch (error) {
    return { ok: false, code: (error as { code?: string }).code, ms: performance.now() - start };
  }
}

function expectWholeAccount(db: Sqlite): void {
  const counts = rowCounts(db);
  expect(counts.Client).toBe(account.customers.length);
  expect(counts.SubscriptionMap).toBe(account.subscriptions.length);
  expect(counts.InvoiceMap).toBe(account.invoices.length);
  expect(counts.Booking).toBeGreaterThan(0);
}

describe("ingest while another connection holds the write lock", () => {
  it("waits and succeeds, or fails with SQLITE_BUSY; never half-written; succeeds after the release", async () => {
    const { db } = database();
    const before = rowCounts(db);
    const lock = await holdWriteLock(db.name, 400);
    const result = attempt(() => ingestObjects(db, items, { now: NOW }));
    await lock.released;
    if (result.ok) expectWholeAccount(db);
    else {
      expect(result.code).toMatch(/^SQLITE_BUSY/);
      expect(rowCounts(db)).toEqual(before);
      expect(integrity(db)).toBe("ok");
      ingestObjects(db, items, { now: NOW });
      expectWholeAccount(db);
    }
    expect(integrity(db)).toBe("ok");
  });

  it("fails with SQLITE_BUSY when the lock outlasts the busy timeout, leaving no trace", async () => {
    const { db } = database(300);
    const before = rowCounts(db);
    const lock = await holdWriteLock(db.name, 1200);
    const result = attempt(() => ingestObjects(db, items, { now: NOW }));
    expect(result).toMatchObject({ ok: false, code: expect.stringMatching(/^SQLITE_BUSY/) });
    expect(result.ms).toBeLessThan(1200);
    expect(rowCounts(db)).toEqual(before);
    await lock.released;
    expect(integrity(db)).toBe("ok");
    ingestObjects(db, items, { now: NOW });
    expectWholeAccount(db);
  });

  // A DEFERRED transaction that reads first and then writes gets SQLITE_BUSY at once on the
  // upgrade (the busy handler is not called for it); write transactions therefore begin IMMEDIATE.
  it("waits for a lock released within the busy timeout instead of failing at once", async () => {
    const { db } = database();
    const lock = await holdWriteLock(db.name, 400);
    const result = attempt(() => ingestObjects(db, items, { now: NOW }));
    await lock.released;
    expect(result).toMatchObject({ ok: true });
    expect(result.ms).toBeGreaterThanOrEqual(300);
    expectWholeAccount(db);
  });
});

describe("webhook processing while another connection holds the write lock", () => {
  it("leaves the event pending with the attempt counted, then applies it once the lock is gone", async () => {
    const { db } = database();
    const event = eventsFromAccount(account, Math.floor(NOW.getTime() / 1000)).find(
      (e) => e.type === "customer.updated",
    );
    if (!event) throw new Error("no customer event");
    storeWebhook(db, eventSchema.parse(event), JSON.stringify(event), NOW);
    const lock = await holdWriteLock(db.name, 600);
    const during = await processPendingWebhooks(db, { now: () => NOW, stripe: null });
    await lock.released;
    const row = () =>
      db.prepare("SELECT status, attempts FROM WebhookEvent").get() as { status: string; attempts: number };
    if (during.processed === 0) {
      expect(during).toMatchObject({ retrying: 1, failed: 0 });
      expect(row()).toEqual({ status: "pending", attempts: 1 });
      expect(rowCounts(db).Client).toBe(0);
      expect(await processPendingWebhooks(db, { now: () => NOW, stripe: null })).toMatchObject({
        processed: 1,
      });
    }
    expect(row().status).toBe("processed");
    expect(rowCounts(db).Client).toBe(1);
    expect(integrity(db)).toBe("ok");
  });
});
