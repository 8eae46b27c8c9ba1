// Each report as one flat table: the columns the screen's table shows and the CSV carries.
// Figures stay machine-readable here (minor units and a decimal amount, a churn fraction).
import type { Table } from "@/lib/reports/csv";
import type { ReportQuery } from "@/lib/reports/query";
import { majorUnits } from "@/lib/reports/money";
import type { RevenueReport } from "@/lib/reports/revenue";
import type { SubscriptionPeriodRow } from "@/lib/reports/subscriptions";
import type { VisitsReport } from "@/lib/reports/visits";

export function visitsTable(report: VisitsReport): Table {
  return {
    columns: [
      "week_starting",
      report.by === "staff" ? "staff" : "service",
      "completed",
      "cancelled",
      "no_show",
      "scheduled",
      "total",
    ],
    rows: report.rows.map((r) => [r.week, r.label, r.completed, r.cancelled, r.noShow, r.scheduled, r.total]),
  };
}

export function revenueTable(report: RevenueReport): Table {
  return {
    columns: ["month", "currency", "service", "attributed_by", "amount", "amount_minor", "lines"],
    rows: report.rows.map((r) => [
      r.month,
      r.currency.toUpperCase(),
      r.service,
      r.serviceSource,
      majorUnits(r.amountMinor, r.currency),
      r.amountMinor,
      r.lines,
    ]),
  };
}

export function subscriptionsTable(rows: SubscriptionPeriodRow[]): Table {
  return {
    columns: ["period_starting", "active_at_start", "started", "cancelled", "active_at_end", "churn_rate"],
    rows: rows.map((r) => [
      r.period,
      r.activeAtStart,
      r.started,
      r.cancelled,
      r.activeAtEnd,
      r.churnRate === null ? null : Number(r.churnRate.toFixed(4)),
    ]),
  };
}

/** `visits-by-staff-2026-09-07-to-2026-11-29.csv` */
export function csvFilename(query: ReportQuery): string {
  const what =
    query.report === "visits"
      ? `visits-by-${query.by}`
      : query.report === "subscriptions"
        ? `subscriptions-by-${query.period}`
        : "revenue-by-month";
  return `${what}-${query.range.from}-to-${query.range.to}.csv`;
}
