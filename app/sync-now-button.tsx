"use client";
// "Sync now": starts a background sync, follows it until it ends, then refreshes the screen.
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

interface SyncStatus {
  running: boolean;
  last: { status: string; error?: string; runId: number } | null;
}

async function readJson<T>(response: Response): Promise<T> {
  const body = (await response.json()) as T & { detail?: string };
  if (!response.ok) throw new Error(body.detail ?? `Request failed (${response.status})`);
  return body;
}

export function SyncNowButton() {
  const router = useRouter();
  const status = useQuery({
    queryKey: ["sync-status"],
    queryFn: async () => readJson<SyncStatus>(await fetch("/api/sync", { cache: "no-store" })),
    refetchInterval: (query) => (query.state.data?.running ? 1000 : false),
  });
  const start = useMutation({
    mutationFn: async () => readJson<{ status: string }>(await fetch("/api/sync", { method: "POST" })),
    onSettled: () => void status.refetch(),
  });
  const running = status.data?.running ?? false;
  const wasRunning = useRef(false);
  useEffect(() => {
    // A sync that just ended changed what the screen shows.
    if (wasRunning.current && !running) router.refresh();
    wasRunning.current = running;
  }, [running, router]);
  const last = status.data?.last;
  return (
    <div className="flex items-center gap-3">
      {start.isError ? <span className="text-sm text-red-600">{start.error.message}</span> : null}
      {!running && last ? (
        <span className={`text-sm ${last.status === "succeeded" ? "text-slate-500" : "text-red-600"}`}>
          Last sync {last.status}
          {last.error ? `: ${last.error}` : ""}
        </span>
      ) : null}
      <button
        type="button"
        onClick={() => start.mutate()}
        disabled={running || start.isPending}
        className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-50"
      >
        {running || start.isPending ? "Syncing…" : "Sync now"}
      </button>
    </div>
  );
}
