"use client";
// The quarantine: Stripe objects that failed validation, with why; "Retry" reads them all again.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { useToast } from "@/components/ui/toast";
import { apiJson } from "@/lib/schedule/api-client";
import { formatStamp } from "@/lib/schedule/time";

export interface QuarantineRow {
  kind: string;
  stripeId: string;
  error: string;
  firstSeenAt: number;
  attempts: number;
}

export function QuarantineCard({
  rows,
  total,
  zone,
}: {
  rows: QuarantineRow[];
  total: number;
  zone: string;
}) {
  const router = useRouter();
  const toast = useToast();
  const retry = useMutation({
    mutationFn: () =>
      apiJson<{ tried: number; released: number; invalid: number }>("/api/owner/stripe/quarantine/retry", {
        method: "POST",
      }),
    onSuccess: (r) => {
      toast({
        title: `${r.released} of ${r.tried} object(s) read and mirrored`,
        description: r.invalid > 0 ? `${r.invalid} still cannot be read; see why in the list.` : undefined,
      });
      router.refresh();
    },
    onError: (error) => toast({ title: "Retry failed", description: error.message, tone: "error" }),
  });
  const columns: ColumnDef<QuarantineRow, unknown>[] = [
    { id: "kind", header: "Type", accessorFn: (r) => r.kind },
    {
      id: "id",
      header: "Stripe id",
      accessorFn: (r) => r.stripeId,
      cell: ({ row }) => <code className="text-xs break-all">{row.original.stripeId}</code>,
    },
    {
      id: "error",
      header: "Why",
      accessorFn: (r) => r.error,
      cell: ({ row }) => <span className="text-xs break-words text-rose-900">{row.original.error}</span>,
    },
    {
      id: "since",
      header: "Since",
      accessorFn: (r) => r.firstSeenAt,
      cell: ({ row }) => (
        <span className="whitespace-nowrap">{formatStamp(new Date(row.original.firstSeenAt), zone)}</span>
      ),
    },
    { id: "attempts", header: "Tries", accessorFn: (r) => r.attempts },
  ];
  return (
    <Card aria-labelledby="quarantine-title">
      <CardHeader
        id="quarantine-title"
        title={`Quarantine (${total})`}
        actions={
          total > 0 ? (
            <Button size="sm" onClick={() => retry.mutate()} disabled={retry.isPending}>
              {retry.isPending ? "Retrying…" : "Retry all"}
            </Button>
          ) : null
        }
      />
      <div className="p-4">
        <DataTable
          data={rows}
          columns={columns}
          getRowId={(r) => `${r.kind}:${r.stripeId}`}
          caption="Quarantined Stripe objects"
          empty={
            <EmptyState title="Nothing in the quarantine">
              Every object Stripe sent could be read. One that cannot is kept here with the reason, never
              dropped.
            </EmptyState>
          }
        />
      </div>
    </Card>
  );
}
