"use client";
// Active subscriptions (line) with starts and cancellations (bars) per period, and the table
// with the churn rate.
import Link from "next/link";
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { ChartCard, legendText } from "@/components/ui/chart-card";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import type { SubscriptionPeriodRow } from "@/lib/reports/subscriptions";

const percent = new Intl.NumberFormat("en-GB", { style: "percent", maximumFractionDigits: 1 });

const num = (
  key: keyof SubscriptionPeriodRow,
  header: string,
): ColumnDef<SubscriptionPeriodRow, unknown> => ({
  accessorKey: key,
  header,
  cell: (c) => <span className="tabular-nums">{String(c.getValue())}</span>,
});

const columns: ColumnDef<SubscriptionPeriodRow, unknown>[] = [
  { accessorKey: "period", header: "Period from", cell: (c) => c.row.original.periodLabel },
  num("activeAtStart", "Active at start"),
  num("started", "Started"),
  num("cancelled", "Cancelled"),
  num("activeAtEnd", "Active at end"),
  {
    accessorKey: "churnRate",
    header: "Churn rate",
    sortUndefined: "last",
    cell: (c) => {
      const rate = c.row.original.churnRate;
      return <span className="tabular-nums">{rate === null ? "—" : percent.format(rate)}</span>;
    },
  },
];

export function SubscriptionsView({ rows }: { rows: SubscriptionPeriodRow[] }) {
  const any = rows.some((r) => r.activeAtStart + r.started + r.cancelled > 0);
  if (!any) {
    return (
      <EmptyState
        title="No subscriptions in this range"
        action={
          <Link href="/" className="text-sm text-indigo-800 underline">
            Check that Stripe is synced
          </Link>
        }
      >
        Choose a wider range; subscriptions appear here once Stripe has any.
      </EmptyState>
    );
  }
  return (
    <>
      <ChartCard
        title="Active subscriptions and churn"
        description="Active at each period's end (line), started and cancelled during it (bars)."
      >
        {() => (
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart data={rows} accessibilityLayer={false} margin={{ left: -16, right: 8 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="periodLabel" tick={{ fontSize: 12 }} />
              <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
              <Tooltip />
              <Legend formatter={legendText} />
              <Bar dataKey="started" name="Started" fill="#059669" />
              <Bar dataKey="cancelled" name="Cancelled" fill="#e11d48" />
              <Line dataKey="activeAtEnd" name="Active at end" stroke="#4f46e5" strokeWidth={2} dot={false} />
            </ComposedChart>
          </ResponsiveContainer>
        )}
      </ChartCard>
      <DataTable
        data={rows}
        columns={columns}
        caption="Active subscriptions and churn per period"
        getRowId={(r) => r.period}
        empty={null}
      />
    </>
  );
}
