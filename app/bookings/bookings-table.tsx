"use client";
// The bookings table: one row per booking (time, client, service, walker, status), checkboxes
// for bulk assignment, and a row menu.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { AssignControl, type StaffOption } from "@/components/schedule/assign-control";
import { Button } from "@/components/ui/button";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Menu } from "@/components/ui/menu";
import { StatusPill } from "@/components/ui/pill";
import { useToast } from "@/components/ui/toast";
import type { ListedBooking } from "@/lib/schedule/bookings-list";
import { formatWhen, localDate } from "@/lib/schedule/time";

export function BookingsTable({
  rows,
  staff,
  zone,
  filtered,
  tab,
}: {
  rows: ListedBooking[];
  staff: StaffOption[];
  zone: string;
  filtered: boolean;
  tab: string;
}) {
  const router = useRouter();
  const toast = useToast();
  const copyLink = async (id: number) => {
    const url = `${window.location.origin}/bookings/${id}`;
    try {
      await navigator.clipboard.writeText(url);
      toast({ title: "Link copied", description: url });
    } catch {
      // Plain http on a LAN address is not a secure context: say the link instead.
      toast({ title: "Copy this link by hand", description: url });
    }
  };
  const [selection, setSelection] = useState<Record<string, boolean>>({});
  const chosen = rows.filter((r) => selection[String(r.id)]).map((r) => ({ id: r.id, staffId: r.staffId }));
  const columns: ColumnDef<ListedBooking, unknown>[] = [
    {
      id: "when",
      header: "When",
      accessorFn: (r) => r.startAt,
      cell: ({ row }) => (
        <span className="whitespace-nowrap tabular-nums">
          {formatWhen(new Date(row.original.startAt), new Date(row.original.endAt), zone)}
        </span>
      ),
    },
    { id: "client", header: "Client", accessorFn: (r) => r.clientName ?? r.clientStripeId ?? "—" },
    {
      id: "service",
      header: "Service",
      accessorFn: (r) => r.title,
      cell: ({ row }) => (
        <Link
          href={`/bookings/${row.original.id}`}
          className="text-indigo-800 underline underline-offset-2 hover:text-indigo-950"
        >
          {row.original.title}
        </Link>
      ),
    },
    {
      id: "copy",
      header: () => <span className="sr-only">Visit of the day</span>,
      enableSorting: false,
      cell: ({ row }) =>
        row.original.copy ? (
          <span
            className="whitespace-nowrap text-slate-700 tabular-nums"
            title={`Visit ${row.original.copy.n} of ${row.original.copy.of} booked for this purchase on this day`}
          >
            {row.original.copy.n} of {row.original.copy.of}
          </span>
        ) : null,
    },
    {
      id: "walker",
      header: "Walker",
      accessorFn: (r) => r.staffName ?? "",
      cell: ({ row }) => row.original.staffName ?? <span className="text-slate-700 italic">Unassigned</span>,
    },
    {
      id: "status",
      header: "Status",
      accessorFn: (r) => r.status,
      cell: ({ row }) => <StatusPill status={row.original.status} />,
    },
    {
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      enableSorting: false,
      cell: ({ row }) => (
        <Menu
          label={`Actions for booking ${row.original.id}`}
          trigger={
            <Button size="sm" variant="ghost" aria-label={`Actions for ${row.original.title}`}>
              ⋯
            </Button>
          }
          items={[
            { label: "Open", onSelect: () => router.push(`/bookings/${row.original.id}`) },
            ...(row.original.clientStripeId
              ? [
                  {
                    label: "Open client",
                    onSelect: () =>
                      router.push(`/clients/${encodeURIComponent(row.original.clientStripeId ?? "")}`),
                  },
                ]
              : []),
            {
              label: "Show in schedule",
              onSelect: () =>
                router.push(`/schedule?view=day&date=${localDate(new Date(row.original.startAt), zone)}`),
            },
            { label: "Copy link", onSelect: () => void copyLink(row.original.id) },
          ]}
        />
      ),
    },
  ];
  return (
    <div className="space-y-3">
      {chosen.length > 0 ? (
        <div
          className="flex flex-wrap items-center gap-3 rounded-md border border-indigo-200 bg-indigo-50 p-2"
          role="region"
          aria-label="Selection"
        >
          <span className="text-sm font-medium">{chosen.length} selected</span>
          <AssignControl staff={staff} bookings={chosen} onDone={() => setSelection({})} />
        </div>
      ) : null}
      <DataTable
        data={rows}
        columns={columns}
        getRowId={(r) => String(r.id)}
        selection={selection}
        onSelectionChange={setSelection}
        caption="Bookings"
        empty={
          <EmptyState
            title={
              filtered
                ? "No booking matches these filters"
                : tab === "upcoming"
                  ? "No upcoming bookings"
                  : "Nothing here yet"
            }
          >
            {filtered
              ? "Clear the filters or search for something else."
              : "Bookings appear when Stripe subscriptions or invoices match a rule; you can also add one by hand with New booking."}
          </EmptyState>
        }
      />
    </div>
  );
}
