"use client";
// The visits chart (weekly totals stacked by status) and its table (per week and walker/service).
import Link from "next/link";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartCard, legendText } from "@/components/ui/chart-card";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import type { VisitRow, VisitsReport } from "@/lib/reports/visits";

// The booking status colours of the whole app (StatusPill): completed blue, no-show rose,
// cancelled grey, scheduled green.
const SERIES = [
  { key: "completed", label: "Completed", color: "#0369a1" },
  { key: "noShow", label: "No-show", color: "#e11d48" },
  { key: "cancelled", label: "Cancelled", color: "#94a3b8" },
  { key: "scheduled", label: "Scheduled", color: "#059669" },
] as const;

const num = (key: keyof VisitRow, header: string): ColumnDef<VisitRow, unknown> => ({
  accessorKey: key,
  header,
  cell: (c) => <span className="tabular-nums">{String(c.getValue())}</span>,
});

export function VisitsView({ report }: { report: VisitsReport }) {
  if (report.rows.length === 0) {
    return (
      <EmptyState
        title="No visits in these weeks"
        action={
          <Link href="/rules" className="text-sm text-indigo-800 underline">
            Check the rules that turn purchases into visits
          </Link>
        }
      >
        Choose a wider range, or make sure a rule turns your Stripe purchases into visits.
      </EmptyState>
    );
  }
  const columns: ColumnDef<VisitRow, unknown>[] = [
    { accessorKey: "week", header: "Week of", cell: (c) => c.row.original.weekLabel },
    { accessorKey: "label", header: report.by === "staff" ? "Walker" : "Service" },
    num("completed", "Completed"),
    num("cancelled", "Cancelled"),
    num("noShow", "No-show"),
    num("scheduled", "Scheduled"),
    num("total", "Total"),
  ];
  return (
    <>
      <ChartCard
        title="Visits per week by status"
        description="Every visit of each week, stacked by its status."
      >
        {() => (
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={report.weeks} accessibilityLayer={false} margin={{ left: -16, right: 8 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis
                dataKey="weekLabel"
                tick={{ fontSize: 12 }}
                tickFormatter={(v: string) => v.slice(0, -5)}
              />
              <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
              <Tooltip />
              <Legend formatter={legendText} />
              {SERIES.map((s) => (
                <Bar key={s.key} dataKey={s.key} name={s.label} stackId="visits" fill={s.color} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        )}
      </ChartCard>
      <DataTable
        data={report.rows}
        columns={columns}
        caption={`Visits per week by ${report.by === "staff" ? "walker" : "service"}`}
        getRowId={(r) => `${r.week}:${r.key}`}
        empty={null}
      />
    </>
  );
}
