// Scheduled but unpaid: live bookings (from the lookback on) whose invoice is open, past due or
// uncollectible. A one-off invoice's bookings are its own; a subscription invoice covers the
// subscription's bookings that start within its lines' service period.
import type { Db } from "@/lib/db/prisma";
import { bookingLink, clientLink } from "@/lib/reconciliation/links";
import { clientNames } from "@/lib/reconciliation/lookups";
import {
  LIVE_STATUSES,
  lookbackStart,
  type ReconciliationInput,
  type ReconciliationRow,
} from "@/lib/reconciliation/types";

interface UnpaidInvoice {
  stripeId: string;
  number: string | null;
  subscriptionStripeId: string | null;
  reason: "open" | "past_due" | "uncollectible";
  amountRemaining: number;
  currency: string;
  /** Service period the invoice pays for; `to` null = open-ended. */
  from: number;
  to: number | null;
}

function coverage(invoice: {
  periodStart: Date | null;
  periodEnd: Date | null;
  stripeCreated: Date;
  lines: { periodStart: Date | null; periodEnd: Date | null }[];
}): { from: number; to: number | null } {
  const starts = invoice.lines.flatMap((l) => (l.periodStart ? [l.periodStart.getTime()] : []));
  const ends = invoice.lines.flatMap((l) => (l.periodEnd ? [l.periodEnd.getTime()] : []));
  const from = starts.length ? Math.min(...starts) : (invoice.periodStart ?? invoice.stripeCreated).getTime();
  const to = ends.length ? Math.max(...ends) : (invoice.periodEnd?.getTime() ?? null);
  return { from, to: to !== null && to > from ? to : null };
}

async function unpaidInvoices(db: Db, now: Date): Promise<UnpaidInvoice[]> {
  const rows = await db.invoiceMap.findMany({
    where: { status: { in: ["open", "uncollectible"] }, deleted: false },
    select: {
      stripeId: true,
      number: true,
      subscriptionStripeId: true,
      status: true,
      dueDate: true,
      paymentFailed: true,
      amountRemaining: true,
      currency: true,
      periodStart: true,
      periodEnd: true,
      stripeCreated: true,
      lines: { select: { periodStart: true, periodEnd: true } },
    },
  });
  return rows.map((row) => ({
    stripeId: row.stripeId,
    number: row.number,
    subscriptionStripeId: row.subscriptionStripeId,
    reason:
      row.status === "uncollectible"
        ? "uncollectible"
        : row.paymentFailed || (row.dueDate !== null && row.dueDate < now)
          ? "past_due"
          : "open",
    amountRemaining: row.amountRemaining,
    currency: row.currency,
    ...coverage(row),
  }));
}

const reasonWords = { open: "open", past_due: "past due", uncollectible: "uncollectible" } as const;

function money(minor: number, currency: string): string {
  return `${(minor / 100).toFixed(2)} ${currency.toUpperCase()}`;
}

/** Every live booking an unpaid invoice pays for, one row per booking. Read-only. */
export async function scheduledUnpaid(db: Db, input: ReconciliationInput): Promise<ReconciliationRow[]> {
  const invoices = await unpaidInvoices(db, input.now);
  if (invoices.length === 0) return [];
  const oneOff = new Map(invoices.filter((i) => !i.subscriptionStripeId).map((i) => [i.stripeId, i]));
  const bySubscription = new Map<string, UnpaidInvoice[]>();
  for (const invoice of invoices) {
    if (!invoice.subscriptionStripeId) continue;
    const list = bySubscription.get(invoice.subscriptionStripeId) ?? [];
    list.push(invoice);
    bySubscription.set(invoice.subscriptionStripeId, list);
  }
  const bookings = await db.booking.findMany({
    where: {
      status: { in: LIVE_STATUSES },
      startAt: { gte: lookbackStart(input) },
      OR: [
        { sourceKind: "invoice", sourceId: { in: [...oneOff.keys()] } },
        { sourceKind: "subscription", sourceId: { in: [...bySubscription.keys()] } },
      ],
    },
    select: {
      id: true,
      clientStripeId: true,
      title: true,
      startAt: true,
      sourceKind: true,
      sourceId: true,
      sourceLineId: true,
    },
    orderBy: [{ startAt: "asc" }, { id: "asc" }],
  });
  const names = await clientNames(
    db,
    bookings.map((b) => b.clientStripeId),
  );
  const rows: ReconciliationRow[] = [];
  for (const booking of bookings) {
    const start = booking.startAt.getTime();
    const invoice =
      booking.sourceKind === "invoice"
        ? oneOff.get(booking.sourceId ?? "")
        : bySubscription
            .get(booking.sourceId ?? "")
            ?.find((i) => i.from <= start && (i.to === null || start < i.to));
    if (!invoice) continue;
    rows.push({
      key: `booking:${booking.id}`,
      category: "scheduledUnpaid",
      clientStripeId: booking.clientStripeId,
      clientName: booking.clientStripeId ? (names.get(booking.clientStripeId) ?? null) : null,
      what: booking.title,
      sourceKind: booking.sourceKind === "invoice" ? "invoice" : "subscription",
      sourceId: booking.sourceId ?? "",
      lineId: booking.sourceLineId,
      bookingId: booking.id,
      startAt: start,
      reason: invoice.reason,
      detail: `Invoice ${invoice.number ?? invoice.stripeId} is ${reasonWords[invoice.reason]} (${money(invoice.amountRemaining, invoice.currency)} due)`,
      booked: null,
      paid: null,
      links: [
        bookingLink(booking.id),
        ...(booking.clientStripeId ? [clientLink(booking.clientStripeId)] : []),
      ],
    });
  }
  return rows;
}
