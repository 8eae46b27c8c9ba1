// Paid but not scheduled: what a customer pays for that the schedule does not hold.
// - an item of an active, unpaused subscription with no upcoming live booking;
// - a line of a one-off invoice paid within the lookback (not fully refunded) with no live booking at all.
// Each says why: no active rule matches the line, or the matching rule produces nothing.
import type { Db } from "@/lib/db/prisma";
import { matchRule, type LineContext } from "@/lib/rules/match";
import { clientLink, newRuleLink, ruleLink } from "@/lib/reconciliation/links";
import { clientNames, inChunks, loadCatalog } from "@/lib/reconciliation/lookups";
import {
  DAY_MS,
  LIVE_STATUSES,
  UPCOMING_STATUSES,
  lookbackStart,
  type ReconciliationInput,
  type ReconciliationRow,
} from "@/lib/reconciliation/types";

const WEEK_MS = 7 * 86_400_000;

interface Candidate {
  sourceKind: "subscription" | "invoice";
  sourceId: string;
  clientStripeId: string;
  lineId: string;
  priceStripeId: string | null;
  productStripeId: string | null;
  description: string | null;
  quantity: number;
  /**
   * Invoice lines: when the app first held the paid invoice, and when its visits were due by
   * (line period end, or a week after payment). A rule cannot book visits that were over before
   * the app knew of them (history from before the first sync): those are not disagreements.
   */
  seenAt: number | null;
  dueBy: number | null;
  /** Invoice lines: the line's amount; subscription items: null (price × quantity below). */
  amount: { minor: number; currency: string } | null;
  paidAt: number | null;
  periodStart: number | null;
  periodEnd: number | null;
}

async function subscriptionCandidates(db: Db, now: Date): Promise<Candidate[]> {
  const subs = await db.subscriptionMap.findMany({
    where: { status: "active", deleted: false, pauseBehavior: null },
    select: {
      stripeId: true,
      clientStripeId: true,
      items: {
        select: {
          stripeId: true,
          priceStripeId: true,
          productStripeId: true,
          quantity: true,
          currentPeriodStart: true,
          currentPeriodEnd: true,
        },
      },
    },
  });
  const booked = await db.booking.groupBy({
    by: ["sourceLineId"],
    where: { sourceKind: "subscription", startAt: { gte: now }, status: { in: UPCOMING_STATUSES } },
  });
  const withBookings = new Set(booked.map((row) => row.sourceLineId));
  return subs.flatMap((sub) =>
    sub.items
      .filter((item) => item.quantity > 0 && !withBookings.has(item.stripeId))
      .map((item) => ({
        sourceKind: "subscription" as const,
        sourceId: sub.stripeId,
        clientStripeId: sub.clientStripeId,
        lineId: item.stripeId,
        priceStripeId: item.priceStripeId,
        productStripeId: item.productStripeId,
        description: null,
        quantity: item.quantity,
        seenAt: null,
        dueBy: null,
        amount: null,
        paidAt: null,
        periodStart: item.currentPeriodStart?.getTime() ?? null,
        periodEnd: item.currentPeriodEnd?.getTime() ?? null,
      })),
  );
}

async function invoiceCandidates(db: Db, input: ReconciliationInput): Promise<Candidate[]> {
  const invoices = await db.invoiceMap.findMany({
    where: {
      status: "paid",
      deleted: false,
      subscriptionStripeId: null,
      paidAt: { gte: lookbackStart(input) },
    },
    select: {
      stripeId: true,
      clientStripeId: true,
      total: true,
      amountRefunded: true,
      paidAt: true,
      appliedAt: true,
      lines: {
        select: {
          periodStart: true,
          periodEnd: true,
          amount: true,
          currency: true,
          stripeId: true,
          priceStripeId: true,
          productStripeId: true,
          quantity: true,
          description: true,
        },
      },
    },
  });
  const live = invoices.filter((inv) => !(inv.total > 0 && inv.amountRefunded >= inv.total));
  const booked = await inChunks(
    live.map((inv) => inv.stripeId),
    (chunk) =>
      db.booking.groupBy({
        by: ["sourceId", "sourceLineId"],
        where: { sourceKind: "invoice", sourceId: { in: chunk }, status: { in: LIVE_STATUSES } },
      }),
  );
  const withBookings = new Set(booked.map((row) => `${row.sourceId}:${row.sourceLineId}`));
  return live.flatMap((inv) =>
    inv.lines
      .filter((line) => line.quantity > 0 && !withBookings.has(`${inv.stripeId}:${line.stripeId}`))
      .map((line) => ({
        sourceKind: "invoice" as const,
        sourceId: inv.stripeId,
        clientStripeId: inv.clientStripeId,
        lineId: line.stripeId,
        priceStripeId: line.priceStripeId,
        productStripeId: line.productStripeId,
        description: line.description,
        quantity: line.quantity,
        seenAt: inv.appliedAt.getTime(),
        dueBy: Math.max(line.periodEnd?.getTime() ?? 0, (inv.paidAt?.getTime() ?? 0) + WEEK_MS),
        amount: { minor: line.amount, currency: line.currency },
        paidAt: inv.paidAt?.getTime() ?? null,
        periodStart: line.periodStart?.getTime() ?? null,
        periodEnd: line.periodEnd?.getTime() ?? null,
      })),
  );
}

/** The invoice line's amount, or a subscription item's price × quantity (null when unpriced). */
function amountOf(
  c: Candidate,
  context: LineContext,
): { amountMinor: number | null; currency: string | null } {
  if (c.amount) return { amountMinor: c.amount.minor, currency: c.amount.currency };
  const price = context.price;
  if (!price || price.unitAmount === null) return { amountMinor: null, currency: price?.currency ?? null };
  return { amountMinor: price.unitAmount * c.quantity, currency: price.currency };
}

/** Every paid line without the bookings it pays for, with the reason and the rule to fix. Read-only. */
export async function paidUnscheduled(db: Db, input: ReconciliationInput): Promise<ReconciliationRow[]> {
  const candidates = [
    ...(await subscriptionCandidates(db, input.now)),
    ...(await invoiceCandidates(db, input)),
  ];
  const catalog = await loadCatalog(db, candidates);
  const names = await clientNames(
    db,
    candidates.map((c) => c.clientStripeId),
  );
  return candidates.flatMap((c): ReconciliationRow[] => {
    const context = catalog.context(c);
    const rule = matchRule(input.rules, context);
    const offsetMs =
      rule && "offsetDays" in rule.allocation.schedule
        ? (rule.allocation.schedule.offsetDays ?? 0) * DAY_MS
        : 0;
    if (rule && c.seenAt !== null && c.dueBy !== null && c.dueBy + offsetMs < c.seenAt) return [];
    const source = c.sourceKind === "subscription" ? "Active subscription" : "Paid invoice";
    return [
      {
        key: `${c.sourceKind}:${c.sourceId}:${c.lineId}`,
        category: "paidUnscheduled",
        clientStripeId: c.clientStripeId,
        clientName: names.get(c.clientStripeId) ?? null,
        what: catalog.productName(context.productStripeId) ?? c.description ?? c.priceStripeId ?? c.lineId,
        sourceKind: c.sourceKind,
        sourceId: c.sourceId,
        lineId: c.lineId,
        bookingId: null,
        startAt: null,
        reason: rule ? "rule_produces_nothing" : "no_rule",
        detail: rule
          ? `${source}: rule “${rule.name}” matches but produces no ${c.sourceKind === "subscription" ? "upcoming " : ""}booking`
          : `${source}: no active rule matches this line`,
        booked: null,
        paid: null,
        line: {
          text: c.description,
          quantity: c.quantity,
          ...amountOf(c, context),
          paidAt: c.paidAt,
          periodStart: c.periodStart,
          periodEnd: c.periodEnd,
        },
        links: [rule ? ruleLink(rule.id) : newRuleLink(c), clientLink(c.clientStripeId)],
      },
    ];
  });
}
