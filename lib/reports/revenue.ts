// Revenue per month by service from paid invoices, kept apart per currency (amounts in different
// currencies are never added together). An invoice counts in the local month (business time
// zone) it was paid in (`paidAt`; Stripe's creation time when a paid invoice lacks it). Amounts
// are the line amounts in minor units, before any later refund.
import type { Db } from "@/lib/db/prisma";
import { periodsOf, type DateRange } from "@/lib/reports/periods";
import { serviceAttributor, type ServiceSource } from "@/lib/reports/service-map";

export interface RevenueRow {
  /** Local date of the month's first day. */
  month: string;
  monthLabel: string;
  /** Lower-case ISO code, as Stripe stores it. */
  currency: string;
  serviceKey: string;
  service: string;
  serviceSource: ServiceSource;
  /** Sum of line amounts in the currency's minor unit (pence, cents; yen are whole). */
  amountMinor: number;
  lines: number;
}

export interface RevenueReport {
  /** Months of the range in order (the chart's x axis, zeros included). */
  months: { month: string; monthLabel: string }[];
  currencies: string[];
  /** Month, then currency, then the larger amount first. */
  rows: RevenueRow[];
}

export interface RevenueInput {
  range: DateRange;
  zone: string;
}

/** Sums each paid invoice line once, in the month it was paid, under one service and its own currency. */
export async function revenueReport(db: Db, input: RevenueInput): Promise<RevenueReport> {
  const periods = periodsOf(input.range, "month", input.zone);
  const perMonth: { month: string; monthLabel: string; groups: LineGroup[] }[] = [];
  // One grouped query per month: SQLite sums the lines, and only a few groups (currency × price
  // × product) come back, however many invoices there are.
  for (const period of periods) {
    const window = { gte: period.start, lt: period.end };
    const groups = await db.invoiceLineMap.groupBy({
      by: ["currency", "priceStripeId", "productStripeId"],
      where: {
        invoice: {
          is: {
            status: "paid",
            deleted: false,
            OR: [{ paidAt: window }, { paidAt: null, stripeCreated: window }],
          },
        },
      },
      _sum: { amount: true },
      _count: { _all: true },
    });
    perMonth.push({ month: period.key, monthLabel: period.label, groups });
  }
  const attribute = await serviceAttributor(
    db,
    perMonth.flatMap((m) => m.groups),
  );
  const rows: RevenueRow[] = [];
  const currencies = new Set<string>();
  for (const { month, monthLabel, groups } of perMonth) {
    const byKey = new Map<string, RevenueRow>();
    for (const group of groups) {
      const service = attribute(group);
      const currency = group.currency.toLowerCase();
      currencies.add(currency);
      const key = `${currency}|${service.key}`;
      let row = byKey.get(key);
      if (!row) {
        row = {
          month,
          monthLabel,
          currency,
          serviceKey: service.key,
          service: service.label,
          serviceSource: service.source,
          amountMinor: 0,
          lines: 0,
        };
        byKey.set(key, row);
      }
      row.amountMinor += group._sum.amount ?? 0;
      row.lines += group._count._all;
    }
    rows.push(
      ...[...byKey.values()].sort(
        (a, b) =>
          a.currency.localeCompare(b.currency) ||
          b.amountMinor - a.amountMinor ||
          a.service.localeCompare(b.service),
      ),
    );
  }
  return {
    months: periods.map((p) => ({ month: p.key, monthLabel: p.label })),
    currencies: [...currencies].sort(),
    rows,
  };
}

interface LineGroup {
  currency: string;
  priceStripeId: string | null;
  productStripeId: string | null;
  _sum: { amount: number | null };
  _count: { _all: number };
}
