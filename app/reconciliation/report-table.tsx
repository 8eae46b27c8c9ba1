"use client";
// One reconciliation category as a table: who, what, why, and the link to the screen that fixes it.
import Link from "next/link";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatStamp } from "@/lib/schedule/time";
import type { Category, ReconciliationRow } from "@/lib/reconciliation/types";

const emptyText: Record<Category, string> = {
  paidUnscheduled: "Every paid line and active subscription item has its bookings.",
  scheduledUnpaid: "No booking depends on an open, past-due or uncollectible invoice.",
  cancelledStillBooked: "No upcoming booking belongs to a refunded, voided or cancelled purchase.",
  overbooked: "No line has more visits booked than its quantity pays for.",
};

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
    { id: "what", header: "What", accessorFn: (r) => r.what },
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
      cell: ({ row }) => <code className="text-xs break-all text-slate-700">{row.original.sourceId}</code>,
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
