// One-off invoices (grooming, boarding, single walks, gift cards) built from invoice items. An
// item's `period` is the service window it pays for, so bookings can be placed from it; a
// boarding item's quantity is its number of nights.
import type Stripe from "stripe";
import { PRICE_IDS } from "@/lib/stripe-fixtures/catalog";
import type { GenContext } from "@/lib/stripe-fixtures/context";
import { type InvoiceStatus, timeline } from "@/lib/stripe-fixtures/gen-invoices";
import { invoiceObject } from "@/lib/stripe-fixtures/invoice-object";
import { invoiceItemObject, lineItemObject } from "@/lib/stripe-fixtures/objects";
import { DAY, HOUR } from "@/lib/stripe-fixtures/shapes";

interface ItemPlan {
  price: Stripe.Price;
  quantity: number;
  start: number;
  end: number;
  description: string;
}

type ServiceKind = "groom" | "board" | "walk" | "gift";

function serviceItem(ctx: GenContext, kind: ServiceKind, start: number): ItemPlan {
  const { rng } = ctx;
  switch (kind) {
    case "groom": {
      const dogs = rng.chance(0.15) ? 2 : 1;
      return {
        price: ctx.price(PRICE_IDS.groomSingle),
        quantity: dogs,
        start,
        end: start + 90 * 60,
        description: "Grooming Session (90 min)",
      };
    }
    case "board": {
      const nights = rng.int(1, 7);
      const description = `Overnight Boarding (${nights} night${nights === 1 ? "" : "s"})`;
      return {
        price: ctx.price(PRICE_IDS.boardNight),
        quantity: nights,
        start,
        end: start + nights * DAY,
        description,
      };
    }
    case "walk":
      return {
        price: ctx.price(PRICE_IDS.walk30Single),
        quantity: rng.chance(0.2) ? 2 : 1,
        start,
        end: start + 30 * 60,
        description: "Dog Walk (30 min)",
      };
    case "gift":
      return { price: ctx.price(PRICE_IDS.gift25), quantity: 1, start, end: start, description: "Gift Card" };
  }
}

function pickStatus(ctx: GenContext, serviceStart: number): InvoiceStatus {
  const { rng } = ctx;
  if (rng.chance(0.03)) return "draft";
  if (serviceStart > ctx.now) return rng.chance(0.35) ? "open" : "paid";
  return rng.weighted({ paid: 85, open: 5, void: 5, uncollectible: 5 });
}

export interface OneOff {
  invoice: Stripe.Invoice;
  items: Stripe.InvoiceItem[];
}

/** A one-off invoice for `customer`: service between 60 days ago and 30 days ahead, invoiced before it. */
export function oneOffInvoice(ctx: GenContext, customer: Stripe.Customer): OneOff {
  const { rng, now } = ctx;
  const kind = rng.weighted<ServiceKind>({ groom: 35, board: 25, walk: 30, gift: 10 });
  const day = Math.floor(now / DAY) + rng.int(-60, 30);
  const serviceStart = day * DAY + (kind === "board" ? 16 : rng.int(8, 16)) * HOUR;
  const wanted =
    kind === "gift"
      ? now - rng.int(1, 120 * 24) * HOUR
      : serviceStart - rng.int(1, 14) * DAY - rng.int(0, 8) * HOUR;
  const created = Math.max(customer.created + HOUR, Math.min(wanted, now - rng.int(1, 6) * HOUR));

  const plans = [serviceItem(ctx, kind, kind === "gift" ? created : serviceStart)];
  if (kind !== "gift" && rng.chance(0.15))
    plans.push(serviceItem(ctx, "walk", serviceStart + rng.int(1, 7) * DAY));

  const status = pickStatus(ctx, serviceStart);
  const invoiceId = ctx.nextId("in");
  const items = plans.map((plan) => itemFor(ctx, customer, invoiceId, plan, created - 60));
  const lines = items.map((item, i) => {
    const plan = plans[i] as ItemPlan;
    return lineItemObject({
      id: ctx.nextId("il"),
      invoice: invoiceId,
      price: plan.price,
      quantity: item.quantity,
      amount: item.amount,
      description: plan.description,
      periodStart: item.period.start,
      periodEnd: item.period.end,
      source: { kind: "invoice_item", invoiceItem: item.id },
    });
  });
  const invoice = invoiceObject({
    id: invoiceId,
    customer,
    created,
    status,
    number: null,
    lines,
    subscription: null,
    billingReason: "manual",
    collectionMethod: "send_invoice",
    dueDate: created + 14 * DAY,
    periodStart: created,
    periodEnd: created,
    attemptCount: status === "paid" ? 1 : 0,
    ...timeline(ctx, created, status),
    nextPaymentAttempt: null,
  });
  return { invoice, items };
}

function itemFor(
  ctx: GenContext,
  customer: Stripe.Customer,
  invoice: string | null,
  plan: ItemPlan,
  date: number,
): Stripe.InvoiceItem {
  return invoiceItemObject({
    id: ctx.nextId("ii"),
    customer: customer.id,
    invoice,
    price: plan.price,
    quantity: plan.quantity,
    description: plan.description,
    date,
    periodStart: plan.start,
    periodEnd: plan.end,
    metadata: {},
  });
}

/** A pending (not yet invoiced) single walk booked for the coming week. */
export function pendingInvoiceItem(ctx: GenContext, customer: Stripe.Customer): Stripe.InvoiceItem {
  const start = (Math.floor(ctx.now / DAY) + ctx.rng.int(1, 7)) * DAY + ctx.rng.int(8, 16) * HOUR;
  const plan = serviceItem(ctx, "walk", start);
  return itemFor(
    ctx,
    customer,
    null,
    plan,
    Math.max(customer.created + HOUR, ctx.now - ctx.rng.int(1, 48) * HOUR),
  );
}
