// A first full sync derives bookings behind the fetch (lib/stripe/sync-derive.ts), in batches
// outside the page transactions: the result must be what deriving every source from the final
// mirror gives, and what page-by-page derivation (a mirror that already had sources) gives.
import { afterEach, describe, expect, it } from "vitest";
import { rebuildAllBookings } from "@/lib/bookings/reconcile";
import { createStripe } from "@/lib/stripe/client";
import { runSync } from "@/lib/stripe/sync";
import { DERIVE_BATCH } from "@/lib/stripe/sync-derive";
import { seedDefaultRules } from "@/lib/rules/defaults";
import { generateAccount } from "@/lib/stripe-fixtures/generate";
import { freshDb, type TestDb } from "@/tests/support/db";
import { startStripeServer } from "@/tests/support/stripe-server";
import { dumpState } from "@/tests/support/stripe-objects";

const API_KEY = "sk_test_sync_derive";
const NOW = new Date("2026-11-02T10:00:00Z");
const clock = () => NOW;
const open: { close: () => unknown }[] = [];
afterEach(async () => {
  for (const item of open.splice(0)) await item.close();
});

function database(): TestDb {
  const db = freshDb();
  seedDefaultRules(db.db, NOW);
  open.push({ close: db.cleanup });
  return db;
}

const bookings = (db: TestDb) =>
  dumpState(db.db, ["Booking"], ["id", "createdAt", "updatedAt", "seenSyncRunId"]);

describe("first full sync: bookings derived behind the fetch", () => {
  it("derives every source once, as a rebuild from the final mirror and page-by-page derivation would", async () => {
    // More subscriptions than one batch, so batches run while the lists are still fetched.
    const account = generateAccount({ customers: 2 * DERIVE_BATCH + 40, seed: 5, now: NOW });
    const server = await startStripeServer({ account, apiKey: API_KEY });
    open.push(server);
    const stripe = createStripe({ apiKey: API_KEY, host: "127.0.0.1", port: server.port, protocol: "http" });

    const first = database();
    const report = await runSync(first.db, stripe, { now: clock });
    expect(report.status).toBe("succeeded");
    const cursor = first.db.prepare("SELECT cursorJson FROM SyncRun").get() as { cursorJson: string };
    expect(JSON.parse(cursor.cursorJson)).toMatchObject({ deriveAtEnd: true, derived: true });
    const derived = bookings(first);
    expect(derived.Booking?.length ?? 0).toBeGreaterThan(0);
    // A rebuild from the final mirror finds nothing to change.
    const rebuilt = rebuildAllBookings(first.db, NOW);
    expect([rebuilt.inserted, rebuilt.updated, rebuilt.cancelled]).toEqual([0, 0, 0]);

    // Page by page: the same account synced into a mirror that already had a source.
    const second = database();
    second.db
      .prepare(
        `INSERT INTO SubscriptionMap (stripeId, clientStripeId, status, currency, startDate, cancelAtPeriodEnd, livemode,
           metadata, deleted, raw, contentHash, stripeCreated, sourceAt, appliedAt)
         VALUES ('sub_placeholder', 'cus_placeholder', 'canceled', 'eur', 0, 0, 0, '{}', 1, '{}', 'x', 0, 0, 0)`,
      )
      .run();
    const paged = await runSync(second.db, stripe, { now: clock });
    expect(paged.status).toBe("succeeded");
    const pagedCursor = second.db.prepare("SELECT cursorJson FROM SyncRun").get() as { cursorJson: string };
    expect(JSON.parse(pagedCursor.cursorJson)).toMatchObject({ deriveAtEnd: false });
    expect(bookings(second)).toEqual(derived);
  }, 120_000);
});
