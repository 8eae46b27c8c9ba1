// Booked past what was paid: more live bookings for a line than the quantity bought allows.
// Only rules that turn a quantity into a number of visits can be counted against it:
//   span { count: n }  → n × copies over the line's life;
//   once               → copies (one visit per unit bought, or one when quantity is ignored);
//   consecutiveDays    → quantity (nights);
//   perPeriod count c  → c × copies in each billing period (a subscription's current period;
//                        an invoice line's whole life).
// Weekly and rrule schedules sell a recurrence, not a count: they are not checked here.
import type { Db } from "@/lib/db/prisma";
import { MAX_COPIES } from "@/lib/bookings/derive";
import type { Rule } from "@/lib/rules/schema";
import { clientLink, ruleLink } from "@/lib/reconciliation/links";
import { clientNames, inChunks, loadCatalog } from "@/lib/reconciliation/lookups";
import { LIVE_STATUSES, type ReconciliationInput, type ReconciliationRow } from "@/lib/reconciliation/types";

type Allowance = { per: "line"; visits: number } | { per: "period"; visits: number };

/** Visits the quantity pays for under `rule`, or null when the rule does not count visits. */
export function paidVisits(rule: Pick<Rule, "allocation">, quantity: number): Allowance | null {
  const { schedule, span, quantity: handling } = rule.allocation;
  const q = Math.min(Math.max(0, quantity), MAX_COPIES);
  const copies = handling === "multiply" || schedule.kind === "consecutiveDays" ? q : Math.min(q, 1);
  if (span && typeof span === "object" && "count" in span)
    return { per: "line", visits: span.count * copies };
  if (schedule.kind === "once" || schedule.kind === "consecutiveDays") return { per: "line", visits: copies };
  if (schedule.kind === "perPeriod") return { per: "period", visits: schedule.count * copies };
  return null;
}

interface Line {
  sourceKind: "subscription" | "invoice";
  sourceId: string;
  lineId: string;
  clientStripeId: string;
  quantity: number;
  priceStripeId: string | null;
  productStripeId: string | null;
  periodStart: Date | null;
  periodEnd: Date | null;
}

async function loadLines(
  db: Db,
  kind: "subscription" | "invoice",
  sourceIds: string[],
): Promise<Map<string, Line>> {
  const lines = new Map<string, Line>();
  if (kind === "subscription") {
    const subs = await inChunks(sourceIds, (chunk) =>
      db.subscriptionMap.findMany({
        where: { stripeId: { in: chunk } },
        select: {
          stripeId: true,
          clientStripeId: true,
          currentPeriodStart: true,
          currentPeriodEnd: true,
          items: true,
        },
      }),
    );
    for (const sub of subs)
      for (const item of sub.items)
        lines.set(`${sub.stripeId}:${item.stripeId}`, {
          sourceKind: kind,
          sourceId: sub.stripeId,
          lineId: item.stripeId,
          clientStripeId: sub.clientStripeId,
          quantity: item.quantity,
          priceStripeId: item.priceStripeId,
          productStripeId: item.productStripeId,
          periodStart: item.currentPeriodStart ?? sub.currentPeriodStart,
          periodEnd: item.currentPeriodEnd ?? sub.currentPeriodEnd,
        });
  } else {
    const invoices = await inChunks(sourceIds, (chunk) =>
      db.invoiceMap.findMany({
        where: { stripeId: { in: chunk } },
        select: { stripeId: true, clientStripeId: true, lines: true },
      }),
    );
    for (const inv of invoices)
      for (const line of inv.lines)
        lines.set(`${inv.stripeId}:${line.stripeId}`, {
          sourceKind: kind,
          sourceId: inv.stripeId,
          lineId: line.stripeId,
          clientStripeId: inv.clientStripeId,
          quantity: line.quantity,
          priceStripeId: line.priceStripeId,
          productStripeId: line.productStripeId,
          // An invoice line is counted over its whole life.
          periodStart: null,
          periodEnd: null,
        });
  }
  return lines;
}

/** Every line with more live bookings than its quantity pays for. Read-only. */
export async function overbooked(db: Db, input: ReconciliationInput): Promise<ReconciliationRow[]> {
  const countingRules = new Map(
    input.rules.filter((rule) => paidVisits(rule, 1) !== null).map((rule) => [rule.id, rule]),
  );
  if (countingRules.size === 0) return [];
  const groups = await db.booking.groupBy({
    by: ["sourceKind", "sourceId", "sourceLineId", "ruleId"],
    where: {
      status: { in: LIVE_STATUSES },
      sourceKind: { in: ["subscription", "invoice"] },
      ruleId: { in: [...countingRules.keys()] },
    },
    _count: { _all: true },
  });
  const ids = (kind: string) => [
    ...new Set(groups.flatMap((g) => (g.sourceKind === kind && g.sourceId ? [g.sourceId] : []))),
  ];
  const lines = new Map([
    ...(await loadLines(db, "subscription", ids("subscription"))),
    ...(await loadLines(db, "invoice", ids("invoice"))),
  ]);
  type Check = { line: Line; rule: Rule; booked: number; paid: number; perPeriod: boolean };
  const checks: Check[] = [];
  const periodChecks: Check[] = [];
  for (const group of groups) {
    const line = lines.get(`${group.sourceId}:${group.sourceLineId}`);
    const rule = group.ruleId === null ? undefined : countingRules.get(group.ruleId);
    if (!line || !rule) continue;
    const allowance = paidVisits(rule, line.quantity);
    if (!allowance) continue;
    const perPeriod = allowance.per === "period" && line.periodStart !== null && line.periodEnd !== null;
    const check = { line, rule, booked: group._count._all, paid: allowance.visits, perPeriod };
    (perPeriod ? periodChecks : checks).push(check);
  }
  if (periodChecks.length > 0) {
    // Per billing period: only the bookings that start within the line's current period count.
    const since = new Date(Math.min(...periodChecks.map((c) => c.line.periodStart?.getTime() ?? 0)));
    const starts = await inChunks(
      periodChecks.map((c) => c.line.lineId),
      (chunk) =>
        db.booking.findMany({
          where: {
            status: { in: LIVE_STATUSES },
            sourceKind: "subscription",
            sourceLineId: { in: chunk },
            startAt: { gte: since },
          },
          select: { sourceLineId: true, startAt: true },
        }),
    );
    for (const check of periodChecks) {
      const from = check.line.periodStart?.getTime() ?? 0;
      const to = check.line.periodEnd?.getTime() ?? 0;
      check.booked = starts.filter(
        (b) =>
          b.sourceLineId === check.line.lineId && b.startAt.getTime() >= from && b.startAt.getTime() < to,
      ).length;
      checks.push(check);
    }
  }
  const over = checks.filter((c) => c.booked > c.paid);
  const catalog = await loadCatalog(
    db,
    over.map((c) => c.line),
  );
  const names = await clientNames(
    db,
    over.map((c) => c.line.clientStripeId),
  );
  return over
    .map(({ line, rule, booked, paid, perPeriod }): ReconciliationRow => ({
      key: `${line.sourceKind}:${line.sourceId}:${line.lineId}`,
      category: "overbooked",
      clientStripeId: line.clientStripeId,
      clientName: names.get(line.clientStripeId) ?? null,
      what: catalog.productName(catalog.context(line).productStripeId) ?? rule.name,
      sourceKind: line.sourceKind,
      sourceId: line.sourceId,
      lineId: line.lineId,
      bookingId: null,
      startAt: perPeriod ? (line.periodStart?.getTime() ?? null) : null,
      reason: perPeriod ? "over_period_quantity" : "over_quantity",
      detail: `${booked} visits booked${perPeriod ? " this billing period" : ""}; quantity ${line.quantity} pays for ${paid}`,
      booked,
      paid,
      links: [clientLink(line.clientStripeId), ruleLink(rule.id)],
    }))
    .sort((a, b) => (a.key < b.key ? -1 : 1));
}
