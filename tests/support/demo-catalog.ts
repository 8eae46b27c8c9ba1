// The built-in demo catalog as mirror rows: products with service codes and their prices.
import type { Sqlite } from "@/lib/db/sqlite";
import { insertPrice, insertProduct } from "@/tests/support/mirror-rows";

/** The built-in demo catalog: products with service codes and their prices (the gift card has no code). */
export const catalog = {
  walk30: {
    product: "prod_walk30",
    price: "price_walk30",
    name: "Weekly Walk (30 min)",
    code: "WALK30",
    interval: "week",
    count: 1,
  },
  walk60: {
    product: "prod_walk60",
    price: "price_walk60",
    name: "Weekly Walk (1h)",
    code: "WALK60",
    interval: "week",
    count: 1,
  },
  walk3x: {
    product: "prod_walk3x",
    price: "price_walk3x",
    name: "Walks Mon/Wed/Fri (1h)",
    code: "WALK60_3X",
    interval: "week",
    count: 1,
  },
  daycare: {
    product: "prod_daycare",
    price: "price_daycare",
    name: "Daycare",
    code: "DAYCARE",
    interval: "month",
    count: 1,
  },
  puppy: {
    product: "prod_puppy",
    price: "price_puppy",
    name: "Puppy Class",
    code: "PUPPY",
    interval: "week",
    count: 2,
  },
  groom: {
    product: "prod_groom",
    price: "price_groom",
    name: "Grooming",
    code: "GROOM",
    interval: null,
    count: null,
  },
  board: {
    product: "prod_board",
    price: "price_board",
    name: "Boarding (per night)",
    code: "BOARD",
    interval: null,
    count: null,
  },
  gift: {
    product: "prod_gift",
    price: "price_gift",
    name: "Gift Card",
    code: null,
    interval: null,
    count: null,
  },
} as const;

export function seedCatalog(db: Sqlite): void {
  for (const entry of Object.values(catalog)) {
    insertProduct(db, { stripeId: entry.product, name: entry.name, serviceCode: entry.code });
    insertPrice(db, {
      stripeId: entry.price,
      productStripeId: entry.product,
      recurringInterval: entry.interval,
      recurringCount: entry.count,
      lookupKey: entry.code ? entry.code.toLowerCase() : "gift_card",
    });
  }
}
