// The smallest account that derives bookings: the dog-walking catalog, one client and one active
// subscription to the 1-hour walk, plus the rule that books it every Monday at 09:00. Shared by
// the rule, cache and calendar tests that need "one subscription with a rule".
import type { Sqlite } from "@/lib/db/sqlite";
import { catalog, insertClient, seedCatalog, writeSubscription } from "@/tests/support/mirror-rows";

export const walkRule = {
  name: "Walks",
  serviceCode: "WALK60",
  matcher: { serviceCodes: ["WALK60"] },
  allocation: { durationMin: 60, startTimes: ["09:00"], schedule: { kind: "weekly", byWeekday: ["MO"] } },
};

/** Catalog, client `cus_1` and subscription `sub_1` (item `si_1`, the walk), started 10 days before `now`. */
export function seedWalkSubscription(db: Sqlite, now: Date, clientName = "Jane Doe"): void {
  seedCatalog(db);
  insertClient(db, { stripeId: "cus_1", name: clientName });
  writeSubscription(db, {
    stripeId: "sub_1",
    clientStripeId: "cus_1",
    status: "active",
    startDate: new Date(now.getTime() - 86_400_000 * 10),
    sourceAt: now,
    items: [
      { stripeId: "si_1", priceStripeId: catalog.walk60.price, productStripeId: catalog.walk60.product },
    ],
  });
}
