// The built-in catalog and the account generator: determinism, exact counts, referential
// integrity and billing periods consistent with `now`.
import fc from "fast-check";
import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { CATALOG_PRICES, CATALOG_PRODUCTS } from "@/lib/stripe-fixtures/catalog";
import { demoAccount, generateAccount, type StripeAccount } from "@/lib/stripe-fixtures/generate";

const NOW = new Date("2026-05-04T09:30:00Z");
const now = Math.floor(NOW.getTime() / 1000);
const DAY = 86_400;
const idOf = (ref: string | { id: string } | null | undefined) =>
  typeof ref === "string" ? ref : (ref?.id ?? null);

/** Every broken reference or inconsistency in `account`, as readable strings (empty when sound). */
function problems(account: StripeAccount, at: number): string[] {
  const out: string[] = [];
  const ids = [
    account.customers,
    account.products,
    account.prices,
    account.subscriptions,
    account.invoices,
    account.invoiceItems,
  ]
    .flat()
    .map((o) => o.id);
  const lineIds = account.invoices.flatMap((i) => i.lines.data.map((l) => l.id));
  const itemIds = account.subscriptions.flatMap((s) => s.items.data.map((i) => i.id));
  for (const all of [ids, lineIds, itemIds]) if (new Set(all).size !== all.length) out.push("duplicate ids");
  const customers = new Set(account.customers.map((c) => c.id));
  const products = new Set(account.products.map((p) => p.id));
  const prices = new Map(account.prices.map((p) => [p.id, p]));
  const subscriptions = new Map(account.subscriptions.map((s) => [s.id, s]));
  const invoiceItems = new Map(account.invoiceItems.map((i) => [i.id, i]));

  for (const price of account.prices)
    if (!products.has(idOf(price.product) ?? "")) out.push(`${price.id}: product`);
  for (const sub of account.subscriptions) {
    if (!customers.has(idOf(sub.customer) ?? "")) out.push(`${sub.id}: customer`);
    if (sub.start_date < at - 183 * DAY || sub.start_date > at)
      out.push(`${sub.id}: start ${sub.start_date}`);
    for (const item of sub.items.data) {
      if (!prices.has(item.price.id)) out.push(`${item.id}: price`);
      const { current_period_start: start, current_period_end: end } = item;
      const days = (end - start) / DAY;
      const recurring = item.price.recurring!;
      const ok =
        sub.status === "trialing"
          ? start === sub.trial_start && end === sub.trial_end
          : recurring.interval === "week"
            ? days === 7 * recurring.interval_count
            : days >= 28 && days <= 31;
      if (!ok) out.push(`${item.id}: period length ${days}d`);
      if (sub.status === "canceled") {
        if (sub.ended_at === null || sub.ended_at > at || sub.ended_at < start || sub.ended_at > end)
          out.push(`${sub.id}: ended_at`);
      } else if (!(start <= at && at < end)) out.push(`${sub.id}: current period does not contain now`);
    }
    if (sub.cancel_at_period_end && sub.cancel_at !== sub.items.data[0]!.current_period_end)
      out.push(`${sub.id}: cancel_at`);
  }
  for (const invoice of account.invoices) {
    if (!customers.has(idOf(invoice.customer) ?? "")) out.push(`${invoice.id}: customer`);
    if (invoice.created > at) out.push(`${invoice.id}: created in the future`);
    if (invoice.total !== invoice.lines.data.reduce((sum, l) => sum + l.amount, 0))
      out.push(`${invoice.id}: total`);
    const sub = subscriptions.get(idOf(invoice.parent?.subscription_details?.subscription) ?? "");
    for (const line of invoice.lines.data) {
      const price = prices.get(idOf(line.pricing?.price_details?.price) ?? "");
      if (!price || line.pricing?.price_details?.product !== idOf(price.product))
        out.push(`${line.id}: price/product`);
      const fromSub = line.parent?.subscription_item_details?.subscription_item;
      const fromItem = line.parent?.invoice_item_details?.invoice_item;
      if (sub && !sub.items.data.some((i) => i.id === fromSub)) out.push(`${line.id}: subscription item`);
      if (!sub && invoiceItems.get(fromItem ?? "")?.invoice !== invoice.id)
        out.push(`${line.id}: invoice item`);
    }
  }
  for (const item of account.invoiceItems) {
    if (!customers.has(idOf(item.customer) ?? "")) out.push(`${item.id}: customer`);
    if (
      item.pricing?.price_details?.price === "price_board_night" &&
      item.period.end - item.period.start !== item.quantity * DAY
    ) {
      out.push(`${item.id}: nights`);
    }
  }
  return out;
}

describe("catalog", () => {
  it("maps every product but the gift card to a service code, prices in pence GBP", () => {
    const codes = Object.fromEntries(CATALOG_PRODUCTS.map((p) => [p.id, p.metadata.service_code]));
    expect(codes).toEqual({
      prod_walk30: "WALK30",
      prod_walk60: "WALK60",
      prod_walk60_3x: "WALK60_3X",
      prod_daycare: "DAYCARE",
      prod_puppy: "PUPPY",
      prod_groom: "GROOM",
      prod_board: "BOARD",
      prod_gift: undefined,
    });
    const summary = CATALOG_PRICES.map((p) => [
      p.id,
      p.unit_amount,
      p.currency,
      p.recurring?.interval ?? null,
      p.recurring?.interval_count ?? null,
    ]);
    expect(summary).toContainEqual(["price_puppy_fortnightly", 1800, "gbp", "week", 2]);
    expect(summary).toContainEqual(["price_daycare_monthly", 30000, "gbp", "month", 1]);
    expect(summary).toContainEqual(["price_board_night", 4000, "gbp", null, null]);
    expect(CATALOG_PRICES.find((p) => p.id === "price_walk30_single")?.lookup_key).toBe("walk30_single");
  });
});

describe("generateAccount", () => {
  it("is deterministic for a seed and differs across seeds", () => {
    const options = { customers: 120, invoicesPerCustomer: 3, seed: 5, now: NOW };
    expect(JSON.stringify(generateAccount(options))).toBe(JSON.stringify(generateAccount(options)));
    expect(JSON.stringify(generateAccount({ ...options, seed: 6 }))).not.toBe(
      JSON.stringify(generateAccount(options)),
    );
  });

  it("produces exact counts and a sound, varied account", () => {
    const account = generateAccount({
      customers: 1000,
      subscriptionsPerCustomer: 1.2,
      invoicesPerCustomer: 3,
      seed: 9,
      now: NOW,
    });
    expect([account.customers.length, account.subscriptions.length, account.invoices.length]).toEqual([
      1000, 1200, 3000,
    ]);
    expect(problems(account, now)).toEqual([]);
    const statuses = new Set(account.subscriptions.map((s) => s.status));
    expect([...statuses].sort()).toEqual(["active", "canceled", "past_due", "trialing"]);
    expect(account.subscriptions.some((s) => s.cancel_at_period_end && s.status !== "canceled")).toBe(true);
    expect(account.subscriptions.some((s) => s.pause_collection !== null)).toBe(true);
    const invoiceStatuses = new Set(account.invoices.map((i) => i.status));
    for (const status of ["paid", "open", "void", "uncollectible"]) expect(invoiceStatuses).toContain(status);
    const oneOffPrices = new Set(account.invoiceItems.map((i) => i.pricing?.price_details?.price));
    for (const price of ["price_groom_single", "price_board_night", "price_walk30_single", "price_gift_25"])
      expect(oneOffPrices).toContain(price);
    expect(account.invoices.some((i) => i.billing_reason === "subscription_cycle")).toBe(true);
  });

  it("stays sound for any seed and mix (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 0, max: 40 }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 6, noNaN: true }),
        fc.integer({ min: 1_600_000_000, max: 2_000_000_000 }),
        (seed, customers, subscriptionsPerCustomer, invoicesPerCustomer, at) => {
          const account = generateAccount({
            customers,
            subscriptionsPerCustomer,
            invoicesPerCustomer,
            seed,
            now: new Date(at * 1000),
          });
          expect(problems(account, at)).toEqual([]);
          expect(account.invoices).toHaveLength(Math.floor(customers * invoicesPerCustomer + 1e-9));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("generates a 10,000-customer, 30,000-invoice account (speed: ./run bench ingest)", () => {
    const account = generateAccount({ customers: 10_000, invoicesPerCustomer: 3, seed: 1, now: NOW });
    expect(account.customers).toHaveLength(10_000);
    expect(account.invoices).toHaveLength(30_000);
  });
});

describe("the soundness check itself", () => {
  it("catches a dangling price, customer and subscription item", () => {
    const account = generateAccount({ customers: 20, seed: 3, now: NOW });
    const invoice = account.invoices.find((i) => i.parent !== null)!;
    const line = invoice.lines.data[0]!;
    line.pricing = { ...line.pricing!, price_details: { price: "price_nope", product: "prod_walk30" } };
    line.parent = {
      ...line.parent!,
      subscription_item_details: { ...line.parent!.subscription_item_details!, subscription_item: "si_nope" },
    };
    account.subscriptions[0]!.customer = "cus_nope";
    expect(problems(account, now)).toEqual(
      expect.arrayContaining([
        `${line.id}: price/product`,
        `${line.id}: subscription item`,
        `${account.subscriptions[0]!.id}: customer`,
      ]),
    );
  });
});

describe("demoAccount", () => {
  it("is a small fixed business with subscriptions and one-off bookings", () => {
    const demo = demoAccount(NOW);
    expect(JSON.stringify(demoAccount(NOW))).toBe(JSON.stringify(demo));
    expect(demo.customers).toHaveLength(36);
    expect(demo.subscriptions.length).toBeGreaterThanOrEqual(24);
    const oneOff = demo.invoices.filter((i: Stripe.Invoice) => i.parent === null);
    expect(oneOff.length).toBeGreaterThanOrEqual(5);
    expect(problems(demo, now)).toEqual([]);
  });
});
