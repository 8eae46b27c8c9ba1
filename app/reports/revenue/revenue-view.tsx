"use client";
// Revenue: one chart per currency (services stacked per month) and one table of every
// month × currency × service. Amounts of different currencies are never summed.
import Link from "next/link";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartCard, legendText, SERIES_COLORS } from "@/components/ui/chart-card";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Pill } from "@/components/ui/pill";
import { formatAxisMoney, formatMoney, minorDigits } from "@/lib/reports/money";
import type { RevenueReport, RevenueRow, RevenueTotal } from "@/lib/reports/revenue";

const columns: ColumnDef<RevenueRow, unknown>[] = [
  { accessorKey: "month", header: "Month", cell: (c) => c.row.original.monthLabel },
  { accessorKey: "currency", header: "Currency", cell: (c) => c.row.original.currency.toUpperCase() },
  {
    accessorKey: "service",
    header: "Service",
    cell: (c) => (
      <>
        {c.row.original.service}
        {c.row.original.serviceSource !== "rule" ? (
          <Pill className="ml-1.5" tone="amber">
            no rule
          </Pill>
        ) : null}
      </>
    ),
  },
  {
    accessorKey: "amountMinor",
    header: "Amount",
    cell: (c) => (
      <span className="tabular-nums">{formatMoney(c.row.original.amountMinor, c.row.original.currency)}</span>
    ),
  },
  { accessorKey: "lines", header: "Lines" },
];

const totalColumns: ColumnDef<RevenueTotal, unknown>[] = [
  { accessorKey: "month", header: "Month", cell: (c) => c.row.original.monthLabel },
  { accessorKey: "currency", header: "Currency", cell: (c) => c.row.original.currency.toUpperCase() },
  {
    accessorKey: "amountMinor",
    header: "Total",
    cell: (c) => (
      <span className="font-medium tabular-nums">
        {formatMoney(c.row.original.amountMinor, c.row.original.currency)}
      </span>
    ),
  },
];

function CurrencyChart({ report, currency }: { report: RevenueReport; currency: string }) {
  const rows = report.rows.filter((r) => r.currency === currency);
  const services = [...new Map(rows.map((r) => [r.serviceKey, r.service])).entries()];
  const scale = 10 ** minorDigits(currency);
  const data = report.months.map((m) => {
    const point: Record<string, string | number> = { monthLabel: m.monthLabel };
    for (const r of rows) if (r.month === m.month) point[r.serviceKey] = r.amountMinor / scale;
    return point;
  });
  const money = (v: number) => formatMoney(Math.round(v * scale), currency);
  const code = currency.toUpperCase();
  return (
    <ChartCard
      title={`Revenue per month in ${code}`}
      description={`Paid invoice lines in ${code}, by service.`}
    >
      {() => (
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} accessibilityLayer={false} margin={{ left: 8, right: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="monthLabel" tick={{ fontSize: 12 }} />
            <YAxis
              tick={{ fontSize: 12 }}
              tickFormatter={(v: number) => formatAxisMoney(v, currency)}
              width={72}
            />
            <Tooltip formatter={(v) => money(Number(v))} />
            <Legend formatter={legendText} />
            {services.map(([key, label], i) => (
              <Bar
                key={key}
                dataKey={key}
                name={label}
                stackId="rev"
                fill={SERIES_COLORS[i % SERIES_COLORS.length]}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      )}
    </ChartCard>
  );
}

export function RevenueView({ report }: { report: RevenueReport }) {
  if (report.rows.length === 0) {
    return (
      <EmptyState
        title="No paid invoices in these months"
        action={
          <Link href="/" className="text-sm text-indigo-800 underline">
            Check that Stripe is synced
          </Link>
        }
      >
        Choose a wider range; revenue counts invoices in the month they were paid.
      </EmptyState>
    );
  }
  return (
    <>
      {report.currencies.map((currency) => (
        <CurrencyChart key={currency} report={report} currency={currency} />
      ))}
      <h2 className="mt-6 mb-2 font-medium">Monthly totals</h2>
      <DataTable
        data={report.totals}
        columns={totalColumns}
        caption="Total revenue per month and currency"
        getRowId={(r) => `${r.month}:${r.currency}`}
        empty={null}
      />
      <h2 className="mt-6 mb-2 font-medium">By service</h2>
      <DataTable
        data={report.rows}
        columns={columns}
        caption="Revenue per month by service and currency"
        getRowId={(r) => `${r.month}:${r.currency}:${r.serviceKey}`}
        empty={null}
      />
    </>
  );
}
