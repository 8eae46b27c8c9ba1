"use client";
// Sync runs and "Sync now": while a sync runs, one progress bar per object type (polled every
// second); when it ends, the bars stay at their end with the run's outcome, and the table refreshes.
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Pill } from "@/components/ui/pill";
import { ProgressBar } from "@/components/ui/progress";
import { useToast } from "@/components/ui/toast";
import { apiJson } from "@/lib/schedule/api-client";
import { formatStamp } from "@/lib/schedule/time";
import type { RunProgress, SyncRunSummary } from "@/lib/stripe/monitor-runs";

export interface SyncState {
  running: boolean;
  progress: RunProgress | null;
  runs: SyncRunSummary[];
}

const kindLabels: Record<string, string> = {
  customer: "Customers",
  product: "Products",
  price: "Prices",
  subscription: "Subscriptions",
  invoice: "Invoices",
  invoiceitem: "Invoice items",
  events: "Events",
};

function duration(ms: number | null): string {
  if (ms === null) return "running";
  if (ms < 1000) return `${ms} ms`;
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

function countsText(run: SyncRunSummary): string {
  return Object.entries(run.counts)
    .filter(([, c]) => c.fetched > 0)
    .map(([kind, c]) => `${kindLabels[kind] ?? kind} ${c.fetched.toLocaleString("en-GB")}`)
    .join(" · ");
}

export function SyncPanel({ initial, zone, demo }: { initial: SyncState; zone: string; demo: boolean }) {
  const router = useRouter();
  const toast = useToast();
  const [watching, setWatching] = useState(initial.running);
  const sync = useQuery({
    queryKey: ["owner-stripe-sync"],
    queryFn: () => apiJson<SyncState>("/api/owner/stripe/sync"),
    initialData: initial,
    refetchInterval: (query) => (query.state.data?.running || watching ? 1000 : false),
  });
  const start = useMutation({
    mutationFn: () => apiJson<{ status: string }>("/api/owner/stripe/sync", { method: "POST" }),
    onMutate: () => setWatching(true),
    onSuccess: () => void sync.refetch(),
    onError: (error) => {
      setWatching(false);
      toast({ title: "Sync not started", description: error.message, tone: "error" });
    },
  });
  const running = sync.data.running;
  const wasRunning = useRef(running);
  useEffect(() => {
    if (wasRunning.current && !running) {
      const last = sync.data.runs[0];
      toast({
        title: last?.status === "succeeded" ? "Sync finished" : "Sync failed",
        description: last
          ? `${last.fetched.toLocaleString("en-GB")} objects listed, ${last.applied.toLocaleString("en-GB")} changed`
          : undefined,
        tone: last?.status === "succeeded" ? "info" : "error",
      });
      router.refresh();
    }
    wasRunning.current = running;
  }, [running, router, sync.data.runs, toast]);

  // Live bars while running; once it ends, the finished run's types at their end.
  const lastRun = sync.data.runs[0];
  const bars =
    sync.data.progress?.types ??
    (watching && !running && lastRun
      ? Object.entries(lastRun.counts)
          .filter(([kind]) => kind !== "events")
          .map(([kind, c]) => ({ kind, fetched: c.fetched, done: true, remaining: 0, percent: 100 }))
      : null);

  const columns: ColumnDef<SyncRunSummary, unknown>[] = [
    {
      id: "started",
      header: "Started",
      accessorFn: (r) => r.startedAt,
      cell: ({ row }) => (
        <span className="whitespace-nowrap">{formatStamp(new Date(row.original.startedAt), zone)}</span>
      ),
    },
    { id: "kind", header: "Kind", accessorFn: (r) => r.mode },
    {
      id: "duration",
      header: "Duration",
      accessorFn: (r) => r.durationMs ?? Infinity,
      cell: ({ row }) => duration(row.original.durationMs),
    },
    {
      id: "objects",
      header: "Objects listed",
      enableSorting: false,
      cell: ({ row }) => <span className="text-xs text-slate-700">{countsText(row.original) || "none"}</span>,
    },
    {
      id: "invalid",
      header: "Quarantined",
      accessorFn: (r) => r.invalid,
      cell: ({ row }) => (row.original.invalid > 0 ? <Pill tone="amber">{row.original.invalid}</Pill> : "0"),
    },
    {
      id: "status",
      header: "Status",
      accessorFn: (r) => r.status,
      cell: ({ row }) => (
        <span className="flex flex-col items-start gap-0.5">
          <Pill
            tone={
              row.original.status === "succeeded"
                ? "green"
                : row.original.status === "running"
                  ? "blue"
                  : "rose"
            }
          >
            {row.original.status}
          </Pill>
          {row.original.error ? <span className="text-xs text-rose-800">{row.original.error}</span> : null}
        </span>
      ),
    },
  ];

  return (
    <Card aria-labelledby="sync-title">
      <CardHeader
        id="sync-title"
        title="Sync"
        actions={
          demo ? null : (
            <Button variant="primary" onClick={() => start.mutate()} disabled={running || start.isPending}>
              {running || start.isPending ? "Syncing…" : "Sync now"}
            </Button>
          )
        }
      />
      <div className="space-y-4 p-4">
        {demo ? (
          <p className="text-sm text-slate-600">Demo mode: set a Stripe key to sync your own account.</p>
        ) : null}
        {bars ? (
          <section aria-label="Sync progress" aria-live="polite" className="grid gap-3 sm:grid-cols-2">
            <p className="text-sm font-medium sm:col-span-2" data-testid="sync-state">
              {running
                ? "Sync running…"
                : lastRun?.status === "succeeded"
                  ? "Sync finished"
                  : `Sync ${lastRun?.status ?? "ended"}`}
            </p>
            {bars.map((t) => (
              <ProgressBar
                key={t.kind}
                label={kindLabels[t.kind] ?? t.kind}
                value={t.percent}
                detail={`${t.fetched.toLocaleString("en-GB")} listed${t.done ? ", done" : ""}`}
              />
            ))}
          </section>
        ) : null}
        <DataTable
          data={sync.data.runs}
          columns={columns}
          getRowId={(r) => String(r.id)}
          caption="Sync runs"
          empty={
            <EmptyState title="No sync has run yet">
              {demo
                ? "Demo data needs no sync."
                : "Sync now lists your Stripe account; later syncs only fetch what changed."}
            </EmptyState>
          }
        />
      </div>
    </Card>
  );
}
