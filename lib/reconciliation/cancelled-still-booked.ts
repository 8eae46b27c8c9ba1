// Refunded, voided or cancelled but still booked: upcoming bookings (scheduled or held, starting
// at or after now) whose source says the visit is no longer paid for.
import type { Db } from "@/lib/db/prisma";
import { bookingRow } from "@/lib/reconciliation/booking-row";
import { bookingsOfSources, clientNames, inChunks } from "@/lib/reconciliation/lookups";
import {
  UPCOMING_STATUSES,
  type ReconciliationInput,
  type ReconciliationRow,
} from "@/lib/reconciliation/types";

/** Why a source no longer pays for a booking starting at `startAt`, or null when it does. */
type Verdict = (startAt: number) => { reason: string; detail: string } | null;

const always =
  (reason: string, detail: string): Verdict =>
  () => ({ reason, detail });

async function subscriptionVerdicts(db: Db, ids: string[]): Promise<Map<string, Verdict>> {
  const subs = await inChunks(ids, (chunk) =>
    db.subscriptionMap.findMany({
      where: { stripeId: { in: chunk } },
      select: {
        stripeId: true,
        status: true,
        deleted: true,
        endedAt: true,
        cancelAt: true,
        cancelAtPeriodEnd: true,
        currentPeriodEnd: true,
        pauseBehavior: true,
        pauseResumesAt: true,
      },
    }),
  );
  const verdicts = new Map<string, Verdict>();
  for (const sub of subs) {
    if (sub.deleted)
      verdicts.set(sub.stripeId, always("subscription_deleted", "Subscription deleted in Stripe"));
    else if (sub.status === "canceled" || sub.status === "incomplete_expired")
      verdicts.set(
        sub.stripeId,
        always("subscription_canceled", `Subscription ${sub.status.replace("_", " ")}`),
      );
    else {
      const ends = [sub.endedAt, sub.cancelAt, sub.cancelAtPeriodEnd ? sub.currentPeriodEnd : null]
        .filter((d): d is Date => d !== null)
        .map((d) => d.getTime());
      const end = ends.length ? Math.min(...ends) : null;
      const resumes = sub.pauseResumesAt?.getTime() ?? null;
      // A live subscription with no end and no pause pays for every booking: nothing to look at.
      if (end === null && !sub.pauseBehavior) continue;
      verdicts.set(sub.stripeId, (startAt) => {
        if (end !== null && startAt >= end)
          return { reason: "subscription_ending", detail: "Subscription ends before this visit" };
        if (sub.pauseBehavior && (resumes === null || startAt < resumes))
          return { reason: "subscription_paused", detail: "Subscription paused at this time" };
        return null;
      });
    }
  }
  return verdicts;
}

async function invoiceVerdicts(db: Db, ids: string[]): Promise<Map<string, Verdict>> {
  const invoices = await inChunks(ids, (chunk) =>
    db.invoiceMap.findMany({
      where: { stripeId: { in: chunk } },
      select: {
        stripeId: true,
        number: true,
        status: true,
        deleted: true,
        total: true,
        amountRefunded: true,
      },
    }),
  );
  const verdicts = new Map<string, Verdict>();
  for (const inv of invoices) {
    const name = `Invoice ${inv.number ?? inv.stripeId}`;
    if (inv.deleted) verdicts.set(inv.stripeId, always("invoice_deleted", `${name} deleted in Stripe`));
    else if (inv.status === "void") verdicts.set(inv.stripeId, always("invoice_void", `${name} voided`));
    else if (inv.total > 0 && inv.amountRefunded >= inv.total)
      verdicts.set(inv.stripeId, always("invoice_refunded", `${name} refunded in full`));
    else if (inv.amountRefunded > 0)
      verdicts.set(
        inv.stripeId,
        always("invoice_partly_refunded", `${name} partly refunded (${inv.amountRefunded} of ${inv.total})`),
      );
  }
  return verdicts;
}

/** Every upcoming booking its subscription or invoice no longer pays for. Read-only. */
export async function cancelledStillBooked(db: Db, input: ReconciliationInput): Promise<ReconciliationRow[]> {
  const upcoming = { startAt: { gte: input.now }, status: { in: UPCOMING_STATUSES } };
  const sources = await db.booking.groupBy({
    by: ["sourceKind", "sourceId"],
    where: { ...upcoming, sourceKind: { in: ["subscription", "invoice"] }, sourceId: { not: null } },
  });
  const ids = (kind: string) =>
    sources.flatMap((s) => (s.sourceKind === kind && s.sourceId ? [s.sourceId] : []));
  const subs = await subscriptionVerdicts(db, ids("subscription"));
  const invoices = await invoiceVerdicts(db, ids("invoice"));
  if (subs.size === 0 && invoices.size === 0) return [];
  const bookings = await bookingsOfSources(db, upcoming, [
    { kind: "subscription", ids: [...subs.keys()] },
    { kind: "invoice", ids: [...invoices.keys()] },
  ]);
  const names = await clientNames(
    db,
    bookings.map((b) => b.clientStripeId),
  );
  const rows: ReconciliationRow[] = [];
  for (const booking of bookings) {
    const verdicts = booking.sourceKind === "invoice" ? invoices : subs;
    const verdict = verdicts.get(booking.sourceId ?? "")?.(booking.startAt.getTime());
    if (!verdict) continue;
    rows.push(
      bookingRow(booking, names, {
        category: "cancelledStillBooked",
        reason: verdict.reason,
        detail: verdict.detail,
      }),
    );
  }
  return rows;
}
