// A full rebuild covers every source across batches, and a second one writes nothing.
// (Its speed is measured by `./run bench derive`, not asserted here.)
import { afterEach, describe, expect, it } from "vitest";
import type { Sqlite } from "@/lib/db/sqlite";
import { updateSettings } from "@/lib/settings";
import { rebuildAllBookings } from "@/lib/bookings/reconcile";
import { seedDefaultRules } from "@/lib/rules/defaults";
import { freshDb, type TestDb } from "@/tests/support/db";
import { catalog, insertClient, seedCatalog } from "@/tests/support/mirror-rows";

let t: TestDb | undefined;
afterEach(() => t?.cleanup());

// More than two rebuild batches (REBUILD_BATCH = 1000), so batching is exercised.
const SUBSCRIPTIONS = 2_500;
const now = new Date("2026-03-02T12:00:00Z");

/** Bulk mirror rows: a mix of weekly walks, 3x walks and fortnightly classes, started over the last two years. */
function insertSubscriptions(db: Sqlite, n: number): void {
  const products = [catalog.walk60, catalog.walk3x, catalog.puppy, catalog.walk30];
  const sub = db.prepare(
    `INSERT INTO SubscriptionMap (stripeId, clientStripeId, status, currency, startDate, currentPeriodStart, currentPeriodEnd,
       raw, contentHash, stripeCreated, sourceAt, appliedAt) VALUES (?, ?, 'active', 'gbp', ?, ?, ?, '{}', 'h', ?, ?, ?)`,
  );
  const item = db.prepare(
    `INSERT INTO SubscriptionItemMap (stripeId, subscriptionStripeId, priceStripeId, productStripeId, quantity, stripeCreated)
     VALUES (?, ?, ?, ?, ?, 0)`,
  );
  db.transaction(() => {
    for (let i = 0; i < n; i += 1) {
      const start = now.getTime() - (i % 730) * 86_400_000;
      const product = products[i % products.length]!;
      sub.run(
        `sub_${i}`,
        `cus_${i % 5000}`,
        start,
        now.getTime() - 86_400_000,
        now.getTime() + 6 * 86_400_000,
        start,
        start,
        start,
      );
      item.run(`si_${i}`, `sub_${i}`, product.price, product.product, 1 + (i % 7 === 0 ? 1 : 0));
    }
  })();
}

describe("rebuildAllBookings", () => {
  it(
    `rebuilds ${SUBSCRIPTIONS} subscriptions × 8 weeks, then finds nothing to do`,
    { timeout: 120_000 },
    () => {
      t = freshDb();
      updateSettings(t.db, { timeZone: "Europe/London", horizonWeeks: 8 });
      seedCatalog(t.db);
      insertClient(t.db, { stripeId: "cus_1", name: "Jane" });
      seedDefaultRules(t.db, now);
      insertSubscriptions(t.db, SUBSCRIPTIONS);

      const first = rebuildAllBookings(t.db, now);
      expect(first.sources).toBe(SUBSCRIPTIONS);
      expect(first.inserted).toBeGreaterThan(SUBSCRIPTIONS * 8);

      const changesBefore = t.db.prepare("SELECT total_changes() AS n").get();
      const second = rebuildAllBookings(t.db, now);
      expect(second).toEqual({
        sources: SUBSCRIPTIONS,
        inserted: 0,
        updated: 0,
        cancelled: 0,
        unchanged: first.inserted,
      });
      expect(t.db.prepare("SELECT total_changes() AS n").get()).toEqual(changesBefore);
    },
  );
});
