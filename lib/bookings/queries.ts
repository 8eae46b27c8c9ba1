// Read models for the bookings and rules screens.
import { toDb, type Sqlite } from "@/lib/db/sqlite";
import { getRule, type RuleListing } from "@/lib/rules/repo";
import { getBooking, type StoredBooking } from "@/lib/bookings/stored";

export interface UpcomingBooking {
  id: number;
  startAt: Date;
  endAt: Date;
  title: string;
  serviceCode: string;
  clientStripeId: string | null;
  clientName: string | null;
  staffName: string | null;
  status: string;
  statusReason: string | null;
  sourceKind: string;
  sourceId: string | null;
  sourceLineId: string | null;
  ruleId: number | null;
  ruleName: string | null;
  overridden: boolean;
}

interface UpcomingRow extends Omit<UpcomingBooking, "startAt" | "endAt" | "overridden"> {
  startAt: number;
  endAt: number;
  overridden: number;
}

/** Bookings ending after `from`, soonest first; cancelled ones only with `includeCancelled` (the screen shows why). */
export function listUpcomingBookings(
  db: Sqlite,
  options: { from: Date; limit?: number; includeCancelled?: boolean },
): UpcomingBooking[] {
  const rows = db
    .prepare(
      `SELECT b.id, b.startAt, b.endAt, b.title, b.serviceCode, b.clientStripeId, coalesce(c.name, c.email) AS clientName,
         s.name AS staffName, b.status, b.statusReason, b.sourceKind, b.sourceId, b.sourceLineId, b.ruleId, r.name AS ruleName,
         (b.overrideStartAt IS NOT NULL OR b.overrideEndAt IS NOT NULL OR b.overrideStaffId IS NOT NULL) AS overridden
       FROM Booking b
       LEFT JOIN Client c ON c.stripeId = b.clientStripeId
       LEFT JOIN Staff s ON s.id = b.staffId
       LEFT JOIN Rule r ON r.id = b.ruleId
       WHERE (b.startAt >= @from OR (b.endAt > @from AND b.startAt < @from))
         AND (@includeCancelled = 1 OR b.status <> 'cancelled')
       ORDER BY b.startAt, b.id LIMIT @limit`,
    )
    .all({
      from: toDb(options.from),
      limit: options.limit ?? 500,
      includeCancelled: options.includeCancelled ? 1 : 0,
    }) as UpcomingRow[];
  return rows.map((row) => ({
    ...row,
    startAt: new Date(row.startAt),
    endAt: new Date(row.endAt),
    overridden: row.overridden === 1,
  }));
}

export interface BookingProvenance {
  booking: StoredBooking;
  rule: RuleListing | null;
  /** The Stripe subscription or invoice, when mirrored. */
  source: { kind: string; stripeId: string; status: string } | null;
  /** The subscription item or invoice line, when mirrored. */
  line: {
    stripeId: string;
    priceStripeId: string | null;
    productStripeId: string | null;
    productName: string | null;
    quantity: number;
  } | null;
}

type LineRow = NonNullable<BookingProvenance["line"]>;

/** Where a booking came from: its rule, its Stripe object and the line item that bought it. */
export function bookingProvenance(db: Sqlite, bookingId: number): BookingProvenance | null {
  const booking = getBooking(db, bookingId);
  if (!booking) return null;
  const rule = booking.ruleId === null ? null : getRule(db, booking.ruleId);
  const { sourceKind, sourceId, sourceLineId } = booking;
  if (!sourceId || (sourceKind !== "subscription" && sourceKind !== "invoice"))
    return { booking, rule, source: null, line: null };
  const sub = sourceKind === "subscription";
  const source = db
    .prepare(`SELECT stripeId, status FROM ${sub ? "SubscriptionMap" : "InvoiceMap"} WHERE stripeId = ?`)
    .get(sourceId) as { stripeId: string; status: string } | undefined;
  const line = db
    .prepare(
      `SELECT l.stripeId, l.priceStripeId, coalesce(l.productStripeId, pr.productStripeId) AS productStripeId,
         p.name AS productName, l.quantity
       FROM ${sub ? "SubscriptionItemMap" : "InvoiceLineMap"} l
       LEFT JOIN Price pr ON pr.stripeId = l.priceStripeId
       LEFT JOIN Product p ON p.stripeId = coalesce(l.productStripeId, pr.productStripeId)
       WHERE l.${sub ? "subscriptionStripeId" : "invoiceStripeId"} = ? AND l.stripeId = ?`,
    )
    .get(sourceId, sourceLineId) as LineRow | undefined;
  return { booking, rule, source: source ? { kind: sourceKind, ...source } : null, line: line ?? null };
}
