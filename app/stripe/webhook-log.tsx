"use client";
// The webhook event log (a server-rendered page of rows): status, reason of failures, and Retry
// for failed events — one, or all at once. The worker applies a retried event exactly once.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Pill, type PillTone } from "@/components/ui/pill";
import { useToast } from "@/components/ui/toast";
import { apiJson } from "@/lib/schedule/api-client";
import { formatStamp } from "@/lib/schedule/time";
import type { WebhookLogRow } from "@/lib/webhooks/admin-log";

const tones: Record<string, PillTone> = {
  processed: "green",
  pending: "blue",
  ignored: "neutral",
  failed: "rose",
  quarantined: "amber",
};
const labels: Record<string, string> = { processed: "applied" };

export function WebhookLog({
  rows,
  zone,
  status,
  failedTotal,
}: {
  rows: WebhookLogRow[];
  zone: string;
  status: string | undefined;
  failedTotal: number;
}) {
  const router = useRouter();
  const toast = useToast();
  const retry = useMutation({
    mutationFn: (target: { id: number } | { all: true }) =>
      apiJson<{ retried: number }>("/api/owner/webhooks/retry", { body: target }),
    onSuccess: (r) => {
      toast({ title: `${r.retried} event(s) sent back to be applied` });
      // The worker applies them within moments; show the outcome.
      setTimeout(() => router.refresh(), 800);
    },
    onError: (error) => toast({ title: "Retry failed", description: error.message, tone: "error" }),
  });
  const columns: ColumnDef<WebhookLogRow, unknown>[] = [
    {
      id: "received",
      header: "Received",
      accessorFn: (r) => r.receivedAt,
      cell: ({ row }) => (
        <span className="whitespace-nowrap">{formatStamp(new Date(row.original.receivedAt), zone)}</span>
      ),
    },
    {
      id: "type",
      header: "Event",
      accessorFn: (r) => r.type,
      cell: ({ row }) => (
        <span className="flex flex-col">
          <span>{row.original.type}</span>
          <code className="text-xs break-all text-slate-600">{row.original.stripeEventId}</code>
        </span>
      ),
    },
    {
      id: "status",
      header: "Status",
      accessorFn: (r) => r.status,
      cell: ({ row }) => (
        <span className="flex flex-col items-start gap-0.5">
          <Pill tone={tones[row.original.status] ?? "neutral"}>
            {labels[row.original.status] ?? row.original.status}
          </Pill>
          {row.original.error ? (
            <span className="text-xs break-words text-rose-900">{row.original.error}</span>
          ) : null}
        </span>
      ),
    },
    {
      id: "applied",
      header: "Applied",
      accessorFn: (r) => r.processedAt ?? 0,
      cell: ({ row }) =>
        row.original.processedAt ? (
          <span className="whitespace-nowrap">{formatStamp(new Date(row.original.processedAt), zone)}</span>
        ) : (
          "—"
        ),
    },
    { id: "attempts", header: "Tries", accessorFn: (r) => r.attempts },
    {
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      enableSorting: false,
      cell: ({ row }) =>
        row.original.status === "failed" ? (
          <Button
            size="sm"
            onClick={() => retry.mutate({ id: row.original.id })}
            disabled={retry.isPending}
            aria-label={`Retry ${row.original.stripeEventId}`}
          >
            Retry
          </Button>
        ) : null,
    },
  ];
  return (
    <div className="space-y-3">
      {failedTotal > 0 ? (
        <div className="flex flex-wrap items-center gap-3 rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-900">
          <span>
            {failedTotal} event(s) failed to apply. Fix the cause (the reason is in each row), then retry.
          </span>
          <Button size="sm" onClick={() => retry.mutate({ all: true })} disabled={retry.isPending}>
            Retry all failed
          </Button>
        </div>
      ) : null}
      <DataTable
        data={rows}
        columns={columns}
        getRowId={(r) => String(r.id)}
        caption="Webhook events"
        empty={
          <EmptyState
            title={status ? `No ${labels[status] ?? status} events` : "No webhook event received yet"}
          >
            {status
              ? "Choose another status above."
              : "Events appear here once Stripe sends them to /api/stripe/webhook (set the webhook secret first)."}
          </EmptyState>
        }
      />
    </div>
  );
}
