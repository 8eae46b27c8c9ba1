// A full rebuild covers every source across batches, and a second one writes nothing.
// (Its speed is measured by `./run bench derive`, not asserted here.)
import { afterEach, describe, expect, it } from "vitest";
import type { Sqlite } from "@/lib/db/sqlite";
import { updateSettings } from "@/lib/settings";
import { rebuildAllBookings, rebuildAllBookingsInSlices } from "@/lib/bookings/reconcile";
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

  it("in slices (the server's horizon job): the same bookings, and a rule changed between slices is never undone", async () => {
    const bookings = (db: Sqlite) =>
      db.prepare("SELECT bookingKey, startAt, endAt, status FROM Booking ORDER BY bookingKey").all() as {
        bookingKey: string;
        startAt: number;
        endAt: number;
        status: string;
      }[];
    const seed = (db: Sqlite) => {
      updateSettings(db, { timeZone: "Europe/London", horizonWeeks: 4 });
      seedCatalog(db);
      insertClient(db, { stripeId: "cus_1", name: "Jane" });
      seedDefaultRules(db, now);
      insertSubscriptions(db, 300);
    };
    t = freshDb();
    seed(t.db);
    const whole = rebuildAllBookings(t.db, now);
    const expected = bookings(t.db);
    t.cleanup();

    t = freshDb();
    seed(t.db);
    let slices = 0;
    const sliced = await rebuildAllBookingsInSlices(t.db, now, {
      batch: 40,
      between: async () => {
        slices += 1;
      },
    });
    expect(sliced).toEqual(whole);
    expect(slices).toBe(Math.ceil(300 / 40));
    expect(bookings(t.db)).toEqual(expected);
    t.cleanup();

    // Every rule made 30 minutes long after the first slice: no later slice writes 60 minutes.
    t = freshDb();
    seed(t.db);
    const db = t.db;
    let changed = false;
    await rebuildAllBookingsInSlices(db, now, {
      batch: 40,
      between: async () => {
        if (changed) return;
        changed = true;
        for (const rule of db.prepare("SELECT id, allocationJson FROM Rule").all() as {
          id: number;
          allocationJson: string;
        }[]) {
          const allocation = { ...(JSON.parse(rule.allocationJson) as object), durationMin: 30 };
          db.prepare("UPDATE Rule SET allocationJson = ? WHERE id = ?").run(
            JSON.stringify(allocation),
            rule.id,
          );
        }
        rebuildAllBookings(db, now);
      },
    });
    const long = db
      .prepare(
        "SELECT count(*) AS n FROM Booking WHERE status = 'scheduled' AND endAt - startAt <> 30 * 60000",
      )
      .get() as { n: number };
    expect(long.n).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM Booking WHERE status = 'scheduled'").get()).not.toEqual({
      n: 0,
    });
  });
});
