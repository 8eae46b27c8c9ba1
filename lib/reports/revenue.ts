// Revenue per month by service from paid invoices, kept apart per currency (amounts in different
// currencies are never added together). An invoice counts in the local month (business time
// zone) it was paid in (`paidAt`; Stripe's creation time when a paid invoice lacks it). Amounts
// are the line amounts in minor units, before any later refund.
import type { Db } from "@/lib/db/prisma";
import { periodsOf, type DateRange } from "@/lib/reports/periods";
import { periodsCte } from "@/lib/reports/periods-sql";
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
  /** Each month's total per currency (months and currencies without revenue included, as 0). */
  totals: RevenueTotal[];
}

export interface RevenueTotal {
  month: string;
  monthLabel: string;
  currency: string;
  amountMinor: number;
}

export interface RevenueInput {
  range: DateRange;
  zone: string;
}

/** Sums each paid invoice line once, in the month it was paid, under one service and its own currency. */
export async function revenueReport(db: Db, input: RevenueInput): Promise<RevenueReport> {
  const periods = periodsOf(input.range, "month", input.zone);
  if (periods.length === 0) return { months: [], currencies: [], rows: [], totals: [] };
  // One aggregate query: SQLite sums the lines per month × currency × price × product, so only a
  // few hundred groups come back however many invoices there are. (A Prisma groupBy per month
  // took 1.3 s median over 100,000 invoices: docs/BENCHMARKS.md.)
  const groups = await db.$queryRaw<RawGroup[]>`${periodsCte(periods)}
    SELECT p.key AS "month", l."currency" AS "currency", l."priceStripeId" AS "priceStripeId",
      l."productStripeId" AS "productStripeId", SUM(l."amount") AS "amount", COUNT(*) AS "lines"
    FROM "InvoiceMap" i
    JOIN periods p ON COALESCE(i."paidAt", i."stripeCreated") >= p.start_at
      AND COALESCE(i."paidAt", i."stripeCreated") < p.end_at
    JOIN "InvoiceLineMap" l ON l."invoiceStripeId" = i."stripeId"
    WHERE i."status" = 'paid' AND i."deleted" = false
      AND COALESCE(i."paidAt", i."stripeCreated") >= ${periods[0]!.start.getTime()}
      AND COALESCE(i."paidAt", i."stripeCreated") < ${periods.at(-1)!.end.getTime()}
    GROUP BY p.key, l."currency", l."priceStripeId", l."productStripeId"`;
  const perMonth = periods.map((p) => ({
    month: p.key,
    monthLabel: p.label,
    groups: groups.filter((g) => g.month === p.key).map(lineGroup),
  }));
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
  const months = periods.map((p) => ({ month: p.key, monthLabel: p.label }));
  const codes = [...currencies].sort();
  return { months, currencies: codes, rows, totals: monthlyTotals(months, codes, rows) };
}

/** Sums the rows of each month × currency; never adds two currencies together. */
export function monthlyTotals(
  months: { month: string; monthLabel: string }[],
  currencies: string[],
  rows: Pick<RevenueRow, "month" | "currency" | "amountMinor">[],
): RevenueTotal[] {
  const sums = new Map<string, number>();
  for (const r of rows)
    sums.set(`${r.month}|${r.currency}`, (sums.get(`${r.month}|${r.currency}`) ?? 0) + r.amountMinor);
  return months.flatMap((m) =>
    currencies.map((currency) => ({ ...m, currency, amountMinor: sums.get(`${m.month}|${currency}`) ?? 0 })),
  );
}

interface RawGroup {
  month: string;
  currency: string;
  priceStripeId: string | null;
  productStripeId: string | null;
  amount: number | bigint | null;
  lines: number | bigint;
}

/** SQLite drivers may return integer aggregates as bigint. */
function lineGroup(g: RawGroup): LineGroup {
  return {
    currency: g.currency,
    priceStripeId: g.priceStripeId,
    productStripeId: g.productStripeId,
    _sum: { amount: g.amount === null ? null : Number(g.amount) },
    _count: { _all: Number(g.lines) },
  };
}

interface LineGroup {
  currency: string;
  priceStripeId: string | null;
  productStripeId: string | null;
  _sum: { amount: number | null };
  _count: { _all: number };
}
