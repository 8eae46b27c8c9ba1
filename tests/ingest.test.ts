import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { ingestObjects } from "@/lib/stripe/ingest";
import { freshDb, type TestDb } from "@/tests/support/db";
import { MIRROR_TABLES } from "@/tests/support/faults/state";
import {
  T0,
  customer,
  dumpState,
  invoice,
  price,
  product,
  subscription,
} from "@/tests/support/stripe-objects";

let t: TestDb | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

const now = new Date(T0 * 1000 + 3600_000);
const at = (seconds: number) => new Date((T0 + seconds) * 1000);
const mirrorTables = [...MIRROR_TABLES, "DedupEvent"];

describe("ingestObjects", () => {
  it("applies a new object, skips the same state, applies a newer one and refuses an older one", () => {
    t = freshDb();
    const v1 = customer("cus_1", { name: "Ann" });
    const v2 = customer("cus_1", { name: "Anna" });
    expect(ingestObjects(t.db, [{ object: v1, sourceAt: at(10) }], { now }).counts.applied).toBe(1);
    expect(ingestObjects(t.db, [{ object: v1, sourceAt: at(10) }], { now }).counts.unchanged).toBe(1);
    expect(ingestObjects(t.db, [{ object: v2, sourceAt: at(20) }], { now }).counts.applied).toBe(1);
    expect(ingestObjects(t.db, [{ object: v1, sourceAt: at(15) }], { now }).counts.stale).toBe(1);
    expect(t.db.prepare("SELECT name, sourceAt FROM Client").all()).toEqual([
      { name: "Anna", sourceAt: at(20).getTime() },
    ]);
  });

  it("refuses an invalid object and writes nothing for it", () => {
    t = freshDb();
    const bad = { ...customer("cus_bad"), created: "yesterday" };
    const result = ingestObjects(t.db, [{ object: bad, sourceAt: at(1) }], { now });
    expect(result.counts.invalid).toBe(1);
    expect(result.invalid[0]?.error).toMatch(/created/);
    expect(t.db.prepare("SELECT count(*) AS n FROM Client").get()).toEqual({ n: 0 });
  });

  it("stores subscription items and invoice lines, and replaces vanished ones", () => {
    t = freshDb();
    const items = [
      { id: "si_1", price: "price_w", product: "prod_w" },
      { id: "si_2", price: "price_m", product: "prod_m", quantity: 2 },
    ];
    ingestObjects(t.db, [{ object: subscription("sub_1", "cus_1", items), sourceAt: at(1) }], { now });
    expect(
      t.db.prepare("SELECT stripeId, quantity FROM SubscriptionItemMap ORDER BY stripeId").all(),
    ).toEqual([
      { stripeId: "si_1", quantity: 1 },
      { stripeId: "si_2", quantity: 2 },
    ]);
    ingestObjects(t.db, [{ object: subscription("sub_1", "cus_1", items.slice(1)), sourceAt: at(2) }], {
      now,
    });
    expect(t.db.prepare("SELECT stripeId FROM SubscriptionItemMap").all()).toEqual([{ stripeId: "si_2" }]);

    ingestObjects(
      t.db,
      [
        {
          object: invoice("in_1", "cus_1", [{ id: "il_1", price: "price_g", product: "prod_g" }]),
          sourceAt: at(1),
        },
      ],
      { now },
    );
    expect(
      t.db
        .prepare(
          "SELECT invoiceStripeId, priceStripeId, productStripeId, invoiceItemStripeId FROM InvoiceLineMap",
        )
        .all(),
    ).toEqual([
      {
        invoiceStripeId: "in_1",
        priceStripeId: "price_g",
        productStripeId: "prod_g",
        invoiceItemStripeId: "ii_il_1",
      },
    ]);
  });

  it("lifts the service code and price details used by rules", () => {
    t = freshDb();
    ingestObjects(
      t.db,
      [
        { object: product("prod_w", "WALK60"), sourceAt: at(1) },
        { object: price("price_w", "prod_w", "week", { lookup_key: "walk60_weekly" }), sourceAt: at(1) },
      ],
      { now },
    );
    expect(t.db.prepare("SELECT serviceCode FROM Product").get()).toEqual({ serviceCode: "WALK60" });
    expect(
      t.db.prepare("SELECT recurringInterval, lookupKey, unitAmount, currency FROM Price").get(),
    ).toEqual({
      recurringInterval: "week",
      lookupKey: "walk60_weekly",
      unitAmount: 2000,
      currency: "gbp",
    });
  });

  it("converges on the newest state whatever the order and duplication of deliveries", () => {
    const versions = [
      customer("cus_1", { name: "A" }),
      customer("cus_1", { name: "B" }),
      customer("cus_1", { name: "C", email: null }),
      customer("cus_1", { name: "A" }),
    ];
    // A delivery: which version, at which Stripe time (ties allowed on purpose).
    const delivery = fc.record({
      version: fc.integer({ min: 0, max: versions.length - 1 }),
      time: fc.integer({ min: 0, max: 5 }),
    });
    fc.assert(
      fc.property(
        fc.array(delivery, { minLength: 1, maxLength: 12 }),
        fc.infiniteStream(fc.nat()),
        (deliveries, noise) => {
          const run = (order: typeof deliveries) => {
            const db = freshDb();
            try {
              for (const d of order)
                ingestObjects(db.db, [{ object: versions[d.version], sourceAt: at(d.time) }], { now });
              return dumpState(db.db, mirrorTables);
            } finally {
              db.cleanup();
            }
          };
          const shuffled = [...deliveries, ...deliveries].sort(() => (noise.next().value % 3) - 1);
          expect(run(shuffled)).toEqual(run(deliveries));
        },
      ),
      { numRuns: 40 },
    );
  });
});
