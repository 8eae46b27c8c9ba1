// A report row about one booking (cancelled but still booked, scheduled but unpaid): the
// booking's own fields and its fix links, with the category's verdict.
import type { bookingsOfSources } from "@/lib/reconciliation/lookups";
import { bookingLink, clientLink } from "@/lib/reconciliation/links";
import type { Category, ReconciliationRow } from "@/lib/reconciliation/types";

type Booking = Awaited<ReturnType<typeof bookingsOfSources>>[number];

export function bookingRow(
  booking: Booking,
  names: Map<string, string | null>,
  verdict: { category: Category; reason: string; detail: string },
): ReconciliationRow {
  return {
    key: `booking:${booking.id}`,
    category: verdict.category,
    clientStripeId: booking.clientStripeId,
    clientName: booking.clientStripeId ? (names.get(booking.clientStripeId) ?? null) : null,
    what: booking.title,
    sourceKind: booking.sourceKind === "invoice" ? "invoice" : "subscription",
    sourceId: booking.sourceId ?? "",
    lineId: booking.sourceLineId,
    bookingId: booking.id,
    startAt: booking.startAt.getTime(),
    reason: verdict.reason,
    detail: verdict.detail,
    booked: null,
    paid: null,
    links: [bookingLink(booking.id), ...(booking.clientStripeId ? [clientLink(booking.clientStripeId)] : [])],
  };
}
