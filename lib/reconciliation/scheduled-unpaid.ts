// Scheduled but unpaid: live bookings (from the lookback on) whose invoice is open, past due or
// uncollectible. A one-off invoice's bookings are its own; a subscription invoice covers the
// subscription's bookings that start within its lines' service period.
import { z } from "zod";
import type { Db } from "@/lib/db/prisma";
import { bookingRow } from "@/lib/reconciliation/booking-row";
import { bookingsOfSources, clientNames } from "@/lib/reconciliation/lookups";
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

const coveredRow = z.object({
  id: z.coerce.number(),
  clientStripeId: z.string().nullable(),
  title: z.string(),
  startAt: z.union([z.date(), z.coerce.number().transform((ms) => new Date(ms))]),
  sourceKind: z.string(),
  sourceId: z.string().nullable(),
  sourceLineId: z.string().nullable(),
  invoice: z.string(),
});

/**
 * Live subscription bookings inside an unpaid invoice's service period. One statement joins
 * the periods (a JSON array, unpacked by json_each) to Booking on its (sourceKind, sourceId)
 * index (CROSS JOIN keeps the periods as the outer loop): expressed with Prisma filters this was an OR of ranges that SQLite answered by
 * scanning every subscription booking (5 s at 50,000 bookings; bench/reconciliation.ts).
 */
async function coveredBookings(db: Db, covering: UnpaidInvoice[], since: number) {
  if (covering.length === 0) return [];
  const periods = JSON.stringify(
    covering.map((inv) => [inv.subscriptionStripeId, Math.max(inv.from, since), inv.to, inv.stripeId]),
  );
  const rows: unknown[] = await db.$queryRawUnsafe(
    `SELECT b.id, b.clientStripeId, b.title, b.startAt, b.sourceKind, b.sourceId, b.sourceLineId, p.invoice
     FROM (SELECT json_extract(value, '$[0]') AS sub, json_extract(value, '$[1]') AS fromMs,
                  json_extract(value, '$[2]') AS toMs, json_extract(value, '$[3]') AS invoice FROM json_each(?)) p
     CROSS JOIN Booking b ON b.sourceKind = 'subscription' AND b.sourceId = p.sub
       AND b.startAt >= p.fromMs AND (p.toMs IS NULL OR b.startAt < p.toMs)
       AND b.status IN ('scheduled', 'held', 'completed', 'no_show')`,
    periods,
  );
  const byId = new Map(covering.map((inv) => [inv.stripeId, inv]));
  const seen = new Set<number>();
  return rows.flatMap((raw) => {
    const { invoice: invoiceId, ...booking } = coveredRow.parse(raw);
    const invoice = byId.get(invoiceId);
    if (!invoice || seen.has(booking.id)) return [];
    seen.add(booking.id);
    return [{ booking, invoice }];
  });
}

/** Every live booking an unpaid invoice pays for, one row per booking. Read-only. */
export async function scheduledUnpaid(db: Db, input: ReconciliationInput): Promise<ReconciliationRow[]> {
  const invoices = await unpaidInvoices(db, input.now);
  if (invoices.length === 0) return [];
  const since = lookbackStart(input).getTime();
  const oneOff = new Map(invoices.filter((i) => !i.subscriptionStripeId).map((i) => [i.stripeId, i]));
  // A subscription invoice covers its service period only: older periods end before the lookback.
  const covering = invoices.filter((i) => i.subscriptionStripeId && (i.to === null || i.to > since));
  const live = { status: { in: LIVE_STATUSES }, startAt: { gte: new Date(since) } };
  const fromOneOff = await bookingsOfSources(db, live, [{ kind: "invoice", ids: [...oneOff.keys()] }]);
  const fromSubscriptions = await coveredBookings(db, covering, since);
  const matched = [
    ...fromOneOff.flatMap((booking) => {
      const invoice = oneOff.get(booking.sourceId ?? "");
      return invoice ? [{ booking, invoice }] : [];
    }),
    ...fromSubscriptions,
  ].sort((a, b) => a.booking.startAt.getTime() - b.booking.startAt.getTime() || a.booking.id - b.booking.id);
  const bookings = matched.map((m) => m.booking);
  const names = await clientNames(
    db,
    bookings.map((b) => b.clientStripeId),
  );
  const rows: ReconciliationRow[] = [];
  for (const { booking, invoice } of matched) {
    rows.push(
      bookingRow(booking, names, {
        category: "scheduledUnpaid",
        reason: invoice.reason,
        detail: `Invoice ${invoice.number ?? invoice.stripeId} is ${reasonWords[invoice.reason]} (${money(invoice.amountRemaining, invoice.currency)} due)`,
      }),
    );
  }
  return rows;
}
