"use client";
// One reconciliation category as a table: who, what, why, and the link to the screen that fixes it.
import Link from "next/link";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Fragment } from "react";
import { formatMoney } from "@/lib/reports/money";
import { formatDate, formatStamp } from "@/lib/schedule/time";
import type { Category, ReconciliationRow } from "@/lib/reconciliation/types";

const emptyText: Record<Category, string> = {
  paidUnscheduled: "Every paid line and active subscription item has its bookings.",
  scheduledUnpaid: "No booking depends on an open, past-due or uncollectible invoice.",
  cancelledStillBooked: "No upcoming booking belongs to a refunded, voided or cancelled purchase.",
  overbooked: "No line has more visits booked than its quantity pays for.",
};

/** A Stripe id that may wrap only after its separators ("in_…", "sub_…:si_…"), never mid-token. */
function StripeId({ id }: { id: string }) {
  const parts = id.split(/(?<=[_:])/);
  return (
    <code className="text-xs break-normal text-slate-700" title={id}>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 ? <wbr /> : null}
        </Fragment>
      ))}
    </code>
  );
}

type Line = NonNullable<ReconciliationRow["line"]>;

/** "Paid 3 Nov 2026" for an invoice; "Period 1–30 Nov 2026" for a subscription item. */
function lineDate(line: Line, zone: string): string | null {
  if (line.paidAt !== null) return `Paid ${formatDate(new Date(line.paidAt), zone)}`;
  if (line.periodStart !== null && line.periodEnd !== null)
    return `Period ${formatDate(new Date(line.periodStart), zone)} – ${formatDate(new Date(line.periodEnd), zone)}`;
  return null;
}

const linkClass = "text-indigo-800 underline underline-offset-2 hover:text-indigo-950";

export function ReportTable({
  category,
  title,
  rows,
  zone,
}: {
  category: Category;
  title: string;
  rows: ReconciliationRow[];
  zone: string;
}) {
  const columns: ColumnDef<ReconciliationRow, unknown>[] = [
    {
      id: "client",
      header: "Client",
      accessorFn: (r) => r.clientName ?? r.clientStripeId ?? "",
      cell: ({ row }) =>
        row.original.clientStripeId ? (
          <Link className={linkClass} href={`/clients/${encodeURIComponent(row.original.clientStripeId)}`}>
            {row.original.clientName ?? row.original.clientStripeId}
          </Link>
        ) : (
          "—"
        ),
    },
    {
      id: "what",
      header: "What",
      accessorFn: (r) => r.what,
      cell: ({ row }) => {
        const line = row.original.line;
        // Two lines of one invoice can name the same product: the line's own text and quantity
        // tell them apart.
        const text = line?.text && line.text !== row.original.what ? line.text : null;
        return (
          <>
            {row.original.what}
            {line && line.quantity > 1 ? <span className="text-slate-700"> × {line.quantity}</span> : null}
            {text ? <div className="text-xs text-slate-700">{text}</div> : null}
          </>
        );
      },
    },
    ...(category === "paidUnscheduled"
      ? [
          {
            id: "amount",
            header: "Amount",
            accessorFn: (r: ReconciliationRow) => r.line?.amountMinor ?? 0,
            cell: ({ row }: { row: { original: ReconciliationRow } }) => {
              const line = row.original.line;
              return line && line.amountMinor !== null && line.currency ? (
                <span className="whitespace-nowrap tabular-nums">
                  {formatMoney(line.amountMinor, line.currency)}
                </span>
              ) : (
                "—"
              );
            },
          } satisfies ColumnDef<ReconciliationRow, unknown>,
          {
            id: "date",
            header: "Date",
            accessorFn: (r: ReconciliationRow) => r.line?.paidAt ?? r.line?.periodStart ?? 0,
            cell: ({ row }: { row: { original: ReconciliationRow } }) => {
              const line = row.original.line;
              return (line && lineDate(line, zone)) ?? "—";
            },
          } satisfies ColumnDef<ReconciliationRow, unknown>,
        ]
      : []),
    ...(category === "scheduledUnpaid" || category === "cancelledStillBooked"
      ? [
          {
            id: "when",
            header: "Visit",
            accessorFn: (r: ReconciliationRow) => r.startAt ?? 0,
            cell: ({ row }: { row: { original: ReconciliationRow } }) =>
              row.original.startAt ? (
                <span className="whitespace-nowrap tabular-nums">
                  {formatStamp(new Date(row.original.startAt), zone)}
                </span>
              ) : (
                "—"
              ),
          } satisfies ColumnDef<ReconciliationRow, unknown>,
        ]
      : []),
    ...(category === "overbooked"
      ? [
          {
            id: "count",
            header: "Booked / paid",
            accessorFn: (r: ReconciliationRow) => (r.booked ?? 0) - (r.paid ?? 0),
            cell: ({ row }: { row: { original: ReconciliationRow } }) => (
              <span className="tabular-nums">
                {row.original.booked} / {row.original.paid}
              </span>
            ),
          } satisfies ColumnDef<ReconciliationRow, unknown>,
        ]
      : []),
    { id: "why", header: "Why", accessorFn: (r) => r.detail },
    {
      id: "source",
      header: "Stripe",
      accessorFn: (r) => r.sourceId,
      cell: ({ row }) => <StripeId id={row.original.sourceId} />,
    },
    {
      id: "fix",
      header: "Fix",
      enableSorting: false,
      cell: ({ row }) => (
        <span className="flex flex-wrap gap-x-3">
          {row.original.links.map((link) => (
            <Link key={link.href} href={link.href} className={linkClass}>
              {link.label}
            </Link>
          ))}
        </span>
      ),
    },
  ];
  return (
    <DataTable
      data={rows}
      columns={columns}
      getRowId={(r) => r.key}
      caption={title}
      empty={<EmptyState title="Nothing to reconcile here">{emptyText[category]}</EmptyState>}
    />
  );
}
