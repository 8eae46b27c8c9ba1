// Small Stripe-shaped objects (current API shapes) for ingest tests.
import type { Sqlite } from "@/lib/db/sqlite";
export const T0 = Date.UTC(2026, 2, 2, 12) / 1000; // 2026-03-02 12:00Z, a Monday

export function customer(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    object: "customer",
    created: T0,
    email: `${id}@example.com`,
    name: `Client ${id}`,
    phone: null,
    livemode: false,
    metadata: {},
    ...overrides,
  };
}

export function product(id: string, serviceCode: string | null, overrides: Record<string, unknown> = {}) {
  return {
    id,
    object: "product",
    created: T0,
    name: `Product ${id}`,
    active: true,
    description: null,
    livemode: false,
    metadata: serviceCode ? { service_code: serviceCode } : {},
    ...overrides,
  };
}

export function price(
  id: string,
  productId: string,
  interval: "week" | "month" | null,
  overrides: Record<string, unknown> = {},
) {
  return {
    id,
    object: "price",
    created: T0,
    product: productId,
    active: true,
    currency: "gbp",
    unit_amount: 2000,
    type: interval ? "recurring" : "one_time",
    recurring: interval ? { interval, interval_count: 1 } : null,
    lookup_key: null,
    nickname: null,
    livemode: false,
    metadata: {},
    ...overrides,
  };
}

export function subscription(
  id: string,
  customerId: string,
  items: { id: string; price: string; product: string; quantity?: number }[],
  overrides: Record<string, unknown> = {},
) {
  const periodStart = T0;
  const periodEnd = T0 + 7 * 86400;
  return {
    id,
    object: "subscription",
    created: T0,
    customer: customerId,
    status: "active",
    currency: "gbp",
    start_date: T0,
    trial_start: null,
    trial_end: null,
    cancel_at_period_end: false,
    cancel_at: null,
    canceled_at: null,
    ended_at: null,
    pause_collection: null,
    livemode: false,
    metadata: {},
    items: {
      object: "list",
      has_more: false,
      data: items.map((item) => ({
        id: item.id,
        object: "subscription_item",
        created: T0,
        price: { id: item.price, object: "price", product: item.product },
        quantity: item.quantity ?? 1,
        current_period_start: periodStart,
        current_period_end: periodEnd,
        metadata: {},
      })),
    },
    ...overrides,
  };
}

export function invoice(
  id: string,
  customerId: string,
  lines: { id: string; price: string; product: string; quantity?: number }[],
  overrides: Record<string, unknown> = {},
) {
  return {
    id,
    object: "invoice",
    created: T0,
    customer: customerId,
    number: `INV-${id}`,
    status: "paid",
    currency: "gbp",
    total: 4500,
    amount_paid: 4500,
    amount_remaining: 0,
    post_payment_credit_notes_amount: 0,
    period_start: T0,
    period_end: T0,
    due_date: null,
    status_transitions: { paid_at: T0 },
    attempt_count: 1,
    parent: null,
    livemode: false,
    metadata: {},
    lines: {
      object: "list",
      has_more: false,
      data: lines.map((line) => ({
        id: line.id,
        object: "line_item",
        amount: 4500,
        currency: "gbp",
        description: null,
        quantity: line.quantity ?? 1,
        period: { start: T0, end: T0 },
        metadata: {},
        pricing: { type: "price_details", price_details: { price: line.price, product: line.product } },
        parent: { type: "invoice_item_details", invoice_item_details: { invoice_item: `ii_${line.id}` } },
      })),
    },
    ...overrides,
  };
}

/**
 * Every row of the given tables in a stable order, without surrogate ids and without the
 * `ignore`d columns (wall-clock bookkeeping such as appliedAt when the test uses the real clock).
 */
export function dumpState(db: Sqlite, tables: string[], ignore: string[] = []): Record<string, unknown[]> {
  const dropped = new Set(["id", ...ignore]);
  return Object.fromEntries(
    tables.map((table) => {
      const rows = db.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[];
      const clean = rows.map((row) =>
        Object.fromEntries(Object.entries(row).filter(([key]) => !dropped.has(key))),
      );
      clean.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
      return [table, clean];
    }),
  );
}
