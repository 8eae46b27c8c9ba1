// Realistic Stripe accounts for the dog-walking catalog: deterministic for a seed and a `now`,
// lean enough for 100k invoices. Counts are exact: customers × perCustomer, spread evenly.
import type Stripe from "stripe";
import { z } from "zod";
import { catalogPrices, catalogProducts } from "@/lib/stripe-fixtures/catalog";
import { type GenContext, createContext } from "@/lib/stripe-fixtures/context";
import { subscriptionInvoices } from "@/lib/stripe-fixtures/gen-invoices";
import { oneOffInvoice, pendingInvoiceItem } from "@/lib/stripe-fixtures/gen-one-off";
import {
  type PlannedSubscription,
  billablePeriods,
  planSubscription,
} from "@/lib/stripe-fixtures/gen-subscriptions";
import { customerObject } from "@/lib/stripe-fixtures/objects";
import { person } from "@/lib/stripe-fixtures/people";
import { createRng, share } from "@/lib/stripe-fixtures/random";
import { DAY, pad, toUnix } from "@/lib/stripe-fixtures/shapes";

export interface StripeAccount {
  customers: Stripe.Customer[];
  products: Stripe.Product[];
  prices: Stripe.Price[];
  /** `items.data` holds every item with its full price object. */
  subscriptions: Stripe.Subscription[];
  /** `lines.data` holds every line. */
  invoices: Stripe.Invoice[];
  invoiceItems: Stripe.InvoiceItem[];
}

export const generateOptionsSchema = z.object({
  customers: z.number().int().min(0),
  /** Average per customer (fractions allowed); the total is floor(customers × this). */
  subscriptionsPerCustomer: z.number().min(0).max(10).default(1),
  /** Average per customer (fractions allowed); the total is floor(customers × this). */
  invoicesPerCustomer: z.number().min(0).max(100).default(2),
  seed: z.number().int().default(42),
  now: z.date(),
});
export type GenerateOptions = z.input<typeof generateOptionsSchema>;

/** Same options (seed and now included) → identical account; every id is unique within it. */
export function generateAccount(options: GenerateOptions): StripeAccount {
  const opts = generateOptionsSchema.parse(options);
  const products = catalogProducts();
  const prices = catalogPrices();
  const ctx = createContext(createRng(opts.seed), toUnix(opts.now), products, prices);
  const account: StripeAccount = {
    customers: [],
    products,
    prices,
    subscriptions: [],
    invoices: [],
    invoiceItems: [],
  };
  for (let i = 0; i < opts.customers; i++) {
    addCustomer(ctx, account, i, share(i, opts.subscriptionsPerCustomer), share(i, opts.invoicesPerCustomer));
  }
  return account;
}

function addCustomer(
  ctx: GenContext,
  account: StripeAccount,
  index: number,
  subscriptions: number,
  invoices: number,
) {
  const { rng, now } = ctx;
  const seq = index + 1;
  const who = person(rng, seq);
  const customer = customerObject({
    id: ctx.nextId("cus"),
    created: now - rng.int(7, 400) * DAY - rng.int(0, DAY - 1),
    name: who.name,
    email: who.email,
    phone: who.phone,
    city: who.city,
    invoicePrefix: (0x10000000 + seq).toString(16).toUpperCase(),
    metadata: { dog_name: who.dogName },
  });
  account.customers.push(customer);

  const plans: PlannedSubscription[] = [];
  for (let s = 0; s < subscriptions; s++) plans.push(planSubscription(ctx, customer));
  const perPlan = allocate(
    plans.map(billablePeriods),
    plans.length === 0 ? 0 : invoices - (invoices > 0 && rng.chance(0.3) ? 1 : 0),
  );
  const oneOffs = invoices - perPlan.reduce((sum, n) => sum + n, 0);

  const mine: Stripe.Invoice[] = [];
  plans.forEach((plan, i) => {
    account.subscriptions.push(plan.subscription);
    mine.push(...subscriptionInvoices(ctx, plan, customer, perPlan[i] ?? 0));
  });
  for (let n = 0; n < oneOffs; n++) {
    const { invoice, items } = oneOffInvoice(ctx, customer);
    mine.push(invoice);
    account.invoiceItems.push(...items);
  }
  if (rng.chance(0.02)) account.invoiceItems.push(pendingInvoiceItem(ctx, customer));

  numberInvoices(customer, mine);
  customer.delinquent = plans.some((plan) => plan.subscription.status === "past_due");
  account.invoices.push(...mine);
}

/** Spreads `total` round-robin over slots with the given capacities; what does not fit is left out. */
function allocate(capacities: number[], total: number): number[] {
  const counts = capacities.map(() => 0);
  let left = total;
  let placed = true;
  while (left > 0 && placed) {
    placed = false;
    for (let i = 0; i < counts.length && left > 0; i++) {
      if ((counts[i] ?? 0) < (capacities[i] ?? 0)) {
        counts[i] = (counts[i] ?? 0) + 1;
        left -= 1;
        placed = true;
      }
    }
  }
  return counts;
}

/** Finalised invoices get `<prefix>-0001`, … in creation order, as Stripe numbers them. */
function numberInvoices(customer: Stripe.Customer, invoices: Stripe.Invoice[]) {
  const finalized = invoices
    .filter((invoice) => invoice.status !== "draft")
    .sort((a, b) => a.created - b.created || (a.id < b.id ? -1 : 1));
  finalized.forEach((invoice, i) => {
    invoice.number = `${customer.invoice_prefix}-${pad(i + 1, 4)}`;
  });
  customer.next_invoice_sequence = finalized.length + 1;
}

/** The sample business shown in demo mode: 36 customers, ~32 subscriptions, some one-offs; fixed seed. */
export function demoAccount(now: Date): StripeAccount {
  const account = generateAccount({
    customers: 36,
    subscriptionsPerCustomer: 0.9,
    invoicesPerCustomer: 2.5,
    seed: 20_240_601,
    now,
  });
  givePhone(account, DEMO_PHONE);
  return account;
}

/** The demo client whose number the phone search is shown (and tested) with: only theirs. */
export const DEMO_PHONE = "+44 7700 900457";

/** Gives the first customer `phone` (and their invoices' copy); any other holder gets another. */
function givePhone(account: StripeAccount, phone: string): void {
  const [first, ...rest] = account.customers;
  if (!first) return;
  rest.forEach((customer, i) => {
    if (customer.phone === phone) customer.phone = `+44 7700 901${pad(i, 3)}`;
  });
  first.phone = phone;
  const phones = new Map(account.customers.map((c) => [c.id, c.phone]));
  for (const invoice of account.invoices)
    if (typeof invoice.customer === "string") invoice.customer_phone = phones.get(invoice.customer) ?? null;
}
