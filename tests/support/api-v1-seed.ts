// A small business in a server's data directory for the /api/v1 tests: two walkers, two
// clients with weekly subscriptions (Bob's visits default to Alex), and API tokens.
import { ingestObjects } from "@/lib/stripe/ingest";
import { setStaffDefault } from "@/lib/bookings/staff-defaults";
import { createApiToken, type TokenScope } from "@/lib/auth/tokens";
import { createPrisma } from "@/lib/db/prisma";
import { openSqlite } from "@/lib/db/sqlite";
import { customer, price, product, subscription } from "@/tests/support/stripe-objects";

export interface Seeded {
  alex: number;
  sam: number;
  tokens: { ownerWrite: string; ownerRead: string; alexWrite: string; alexRead: string; extra: string[] };
}

const DAY = 86_400;

/** The Stripe subscription object of a client, as a webhook would carry it. */
export function subscriptionObject(
  id: string,
  customerId: string,
  item: { id: string; price: string; product: string },
  now: Date,
  overrides: Record<string, unknown> = {},
) {
  const start = Math.floor(now.getTime() / 1000) - 10 * DAY;
  return subscription(id, customerId, [item], {
    created: start,
    start_date: start,
    items: {
      object: "list",
      has_more: false,
      data: [
        {
          id: item.id,
          object: "subscription_item",
          created: start,
          price: { id: item.price, object: "price", product: item.product },
          quantity: 1,
          current_period_start: start + 7 * DAY,
          current_period_end: start + 14 * DAY,
          metadata: {},
        },
      ],
    },
    ...overrides,
  });
}

export const WALK = { id: "si_a", price: "price_walk60", product: "prod_walk60" };
export const WALK3X = { id: "si_b", price: "price_walk3x", product: "prod_walk3x" };

async function token(file: string, name: string, scope: TokenScope, staffId?: number): Promise<string> {
  const db = createPrisma(file);
  try {
    const created = await createApiToken(db, { name, scope, staffId }, { actor: "test", now: new Date() });
    return created.token;
  } finally {
    await db.$disconnect();
  }
}

export async function seedApiBusiness(file: string, now: Date, extraTokens = 0): Promise<Seeded> {
  const db = openSqlite(file);
  let alex: number;
  let sam: number;
  try {
    alex = Number(
      db
        .prepare(
          "INSERT INTO Staff (name, email, color, active, createdAt) VALUES ('Alex', 'alex@example.com', '#2563eb', 1, ?)",
        )
        .run(now.getTime()).lastInsertRowid,
    );
    sam = Number(
      db
        .prepare("INSERT INTO Staff (name, color, active, createdAt) VALUES ('Sam', '#16a34a', 1, ?)")
        .run(now.getTime()).lastInsertRowid,
    );
    const sourceAt = new Date(now.getTime() - 3600_000);
    const objects = [
      product("prod_walk60", "WALK60", { name: "Weekly Walk (1h)" }),
      product("prod_walk3x", "WALK60_3X", { name: "Walks Mon/Wed/Fri (1h)" }),
      price("price_walk60", "prod_walk60", "week"),
      price("price_walk3x", "prod_walk3x", "week"),
      customer("cus_a", { name: "Alice Able", email: "alice@example.com", phone: "+441111" }),
      customer("cus_b", { name: "Bob Brown", email: "bob@example.com", phone: "+442222" }),
      subscriptionObject("sub_a", "cus_a", WALK, now),
      subscriptionObject("sub_b", "cus_b", WALK3X, now),
    ];
    ingestObjects(
      db,
      objects.map((object) => ({ object, sourceAt })),
      { now },
    );
    setStaffDefault(db, { scope: "client", key: "cus_b", staffId: alex, actor: "test", now });
  } finally {
    db.close();
  }
  const extra: string[] = [];
  for (let i = 0; i < extraTokens; i += 1) extra.push(await token(file, `extra-${i}`, "write"));
  return {
    alex,
    sam,
    tokens: {
      ownerWrite: await token(file, "owner-write", "write"),
      ownerRead: await token(file, "owner-read", "read"),
      alexWrite: await token(file, "alex-phone", "write", alex),
      alexRead: await token(file, "alex-read", "read", alex),
      extra,
    },
  };
}
