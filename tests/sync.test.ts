// Sync through the real stripe SDK over HTTP against the local Stripe-compatible server.
import { describe, expect, it } from "vitest";
import { runSync } from "@/lib/stripe/sync";
import { generateAccount } from "@/lib/stripe-fixtures/generate";
import { syncHarness } from "@/tests/support/sync-harness";
import { type StripeServer } from "@/tests/support/stripe-server";
import { dumpState } from "@/tests/support/stripe-objects";
import { STATE_TABLES } from "@/tests/support/faults/state";

const API_KEY = "sk_test_sync";
const NOW = new Date("2026-11-02T10:00:00Z");
const clock = () => NOW;
const tables = [...STATE_TABLES];
// Which run saw a row, and row timestamps of the booking table, are bookkeeping, not state.
const bookkeeping = ["seenSyncRunId", "createdAt", "updatedAt"];

const { serve, database, stripeFor: stripeWith } = syncHarness(API_KEY, NOW);
const stripeFor = (server: StripeServer, retries = 2) => stripeWith(server, retries);

const account = () => generateAccount({ customers: 60, seed: 7, now: NOW });

describe("runSync", () => {
  it("mirrors every object once, and a second sync changes nothing", async () => {
    const data = account();
    const server = await serve(data);
    const db = database();
    const first = await runSync(db.db, stripeFor(server), { now: clock });
    expect(first.status).toBe("succeeded");
    expect(first.mode).toBe("full");
    const count = (table: string) =>
      (db.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect(count("Client")).toBe(data.customers.length);
    expect(count("SubscriptionMap")).toBe(data.subscriptions.length);
    expect(count("InvoiceMap")).toBe(data.invoices.length);
    expect(count("InvoiceItem")).toBe(data.invoiceItems.length);
    expect(count("Booking")).toBeGreaterThan(0);
    const before = dumpState(db.db, tables, bookkeeping);

    const again = await runSync(db.db, stripeFor(server), { now: clock, full: true });
    expect(again.status).toBe("succeeded");
    expect(again.counts.customer?.applied).toBe(0);
    expect(again.counts.customer?.unchanged).toBe(data.customers.length);
    expect(dumpState(db.db, tables, bookkeeping)).toEqual(before);
  });

  it("resumes an interrupted sync and ends in the same state as one clean run", async () => {
    const data = account();
    const server = await serve(data);
    const clean = database();
    expect((await runSync(clean.db, stripeFor(server), { now: clock })).status).toBe("succeeded");

    const db = database();
    server.setFault({ kind: "failAfter", requests: 4, status: 500 });
    const broken = await runSync(db.db, stripeFor(server, 0), { now: clock });
    expect(broken.status).toBe("failed");
    const saved = db.db.prepare("SELECT status, cursorJson FROM SyncRun").get() as {
      status: string;
      cursorJson: string;
    };
    expect(saved.status).toBe("failed");
    server.setFault(null);
    const resumed = await runSync(db.db, stripeFor(server), { now: clock });
    expect(resumed.status).toBe("succeeded");
    expect(resumed.runId).toBe(broken.runId);
    expect(dumpState(db.db, tables, bookkeeping)).toEqual(dumpState(clean.db, tables, bookkeeping));
  });

  it("applies changes since the last run from the Events API, including deletions", async () => {
    const data = account();
    const server = await serve(data);
    const db = database();
    await runSync(db.db, stripeFor(server), { now: clock });
    const target = data.customers[0]!;
    const later = Math.floor(NOW.getTime() / 1000) + 60;
    server.addEvent("customer.updated", { ...target, name: "Renamed Client" }, later);
    const gone = data.customers[1]!;
    server.addEvent("customer.deleted", gone, later);
    const incremental = await runSync(db.db, stripeFor(server), {
      now: () => new Date(NOW.getTime() + 120_000),
    });
    expect(incremental.mode).toBe("incremental");
    expect(incremental.status).toBe("succeeded");
    const row = (id: string) => db.db.prepare("SELECT name, deleted FROM Client WHERE stripeId = ?").get(id);
    expect(row(target.id)).toEqual({ name: "Renamed Client", deleted: 0 });
    expect(row(gone.id)).toMatchObject({ deleted: 1 });
  });

  it("flags customers a full sync no longer finds as deleted, never dropping them", async () => {
    const data = account();
    const server = await serve(data);
    const db = database();
    await runSync(db.db, stripeFor(server), { now: clock });
    const gone = data.customers[2]!;
    server.remove("customer", gone.id);
    const report = await runSync(db.db, stripeFor(server), {
      now: () => new Date(NOW.getTime() + 1000),
      full: true,
    });
    expect(report.markedDeleted).toBe(1);
    expect(db.db.prepare("SELECT deleted FROM Client WHERE stripeId = ?").get(gone.id)).toEqual({
      deleted: 1,
    });
  });

  it("rides out rate limiting: 429 with Retry-After is retried and the sync completes", async () => {
    const server = await serve(account());
    const db = database();
    server.setFault({ kind: "429", retryAfterSeconds: 0, times: 2 });
    const report = await runSync(db.db, stripeFor(server, 3), { now: clock });
    expect(report.status).toBe("succeeded");
    expect(server.requests.length).toBeGreaterThan(2);
  });
});

describe("runSync against a flaky connection", () => {
  it("retries a page whose body was cut off, and completes with the same state as a clean run", async () => {
    const data = account();
    const server = await serve(data);
    const clean = database();
    await runSync(clean.db, stripeFor(server), { now: clock });
    const db = database();
    server.setFault({ kind: "truncated", times: 2 });
    const report = await runSync(db.db, stripeFor(server), { now: clock });
    expect(report.status).toBe("succeeded");
    expect(dumpState(db.db, tables, bookkeeping)).toEqual(dumpState(clean.db, tables, bookkeeping));
  });
});
