// Subscription invoices with believable histories: one per billed period, newest first, whose
// lines point at the subscription items.
import type Stripe from "stripe";
import { type GenContext, money, productId } from "@/lib/stripe-fixtures/context";
import { type PlannedSubscription, billedPeriod } from "@/lib/stripe-fixtures/gen-subscriptions";
import { type InvoiceInput, invoiceObject } from "@/lib/stripe-fixtures/invoice-object";
import { lineItemObject } from "@/lib/stripe-fixtures/objects";
import { periodByIndex } from "@/lib/stripe-fixtures/periods";
import { DAY, HOUR } from "@/lib/stripe-fixtures/shapes";

export type InvoiceStatus = InvoiceInput["status"];

/** Finalisation and settlement times for an invoice created at `created`, never after `now`. */
export function timeline(ctx: GenContext, created: number, status: InvoiceStatus) {
  const finalizedAt = status === "draft" ? null : Math.min(created + HOUR, ctx.now);
  const settledAt =
    finalizedAt === null || status === "open"
      ? null
      : Math.min(finalizedAt + (status === "paid" ? 120 : 3 * DAY), ctx.now);
  return { finalizedAt, settledAt };
}

function newestStatus(plan: PlannedSubscription): { status: InvoiceStatus; attempts: number } {
  const sub = plan.subscription;
  if (sub.status === "past_due") return { status: "open", attempts: 2 };
  if (sub.cancellation_details?.reason === "payment_failed") return { status: "uncollectible", attempts: 4 };
  const pause = sub.pause_collection?.behavior;
  if (pause === "void") return { status: "void", attempts: 0 };
  if (pause === "keep_as_draft") return { status: "draft", attempts: 0 };
  if (pause === "mark_uncollectible") return { status: "uncollectible", attempts: 0 };
  return { status: "paid", attempts: 1 };
}

function olderStatus(ctx: GenContext): { status: InvoiceStatus; attempts: number } {
  const status = ctx.rng.weighted({ paid: 92, void: 3, uncollectible: 3, open: 2 });
  return { status, attempts: status === "paid" ? 1 : status === "void" ? 0 : 4 };
}

/** The `count` newest invoices of a planned subscription (newest first); sets `latest_invoice`. */
export function subscriptionInvoices(
  ctx: GenContext,
  plan: PlannedSubscription,
  customer: Stripe.Customer,
  count: number,
): Stripe.Invoice[] {
  const sub = plan.subscription;
  const invoices: Stripe.Invoice[] = [];
  for (let n = 0; n < count; n++) {
    const period = billedPeriod(plan, n);
    const first = period.trial || (period.index === 0 && !plan.trial);
    // Stripe bills in advance: a cycle invoice's own period is the one that just ended.
    const invoicePeriodStart = first
      ? period.start
      : period.index > 0
        ? periodByIndex(plan.anchor, plan.every, period.index - 1).start
        : (plan.trial?.start ?? period.start);
    const { status, attempts } = period.trial
      ? { status: "paid" as const, attempts: 0 }
      : n === 0
        ? newestStatus(plan)
        : olderStatus(ctx);
    const id = ctx.nextId("in");
    const lines = sub.items.data.map((item) => {
      const quantity = item.quantity ?? 1;
      const name = ctx.productName(productId(item.price));
      const unit = item.price.unit_amount ?? 0;
      const interval =
        item.price.recurring?.interval_count === 2 ? "2 weeks" : (item.price.recurring?.interval ?? "");
      return lineItemObject({
        id: ctx.nextId("il"),
        invoice: id,
        price: item.price,
        quantity,
        amount: period.trial ? 0 : unit * quantity,
        description: period.trial
          ? `Trial period for ${name}`
          : `${quantity} × ${name} (at ${money(unit)} / ${interval})`,
        periodStart: period.start,
        periodEnd: period.end,
        source: { kind: "subscription_item", subscription: sub.id, subscriptionItem: item.id },
      });
    });
    invoices.push(
      invoiceObject({
        id,
        customer,
        created: period.start,
        status,
        number: null,
        lines,
        subscription: sub.id,
        billingReason: first ? "subscription_create" : "subscription_cycle",
        collectionMethod: "charge_automatically",
        dueDate: null,
        periodStart: invoicePeriodStart,
        periodEnd: period.start,
        attemptCount: attempts,
        ...timeline(ctx, period.start, status),
        nextPaymentAttempt:
          status === "open" && sub.status === "past_due" ? ctx.now + ctx.rng.int(1, 3) * DAY : null,
      }),
    );
  }
  sub.latest_invoice = invoices[0]?.id ?? null;
  return invoices;
}
