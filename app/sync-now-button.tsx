"use client";
// "Sync now": asks the server for a sync and shows how it went.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";

interface SyncAnswer {
  status: string;
  runId?: number;
  detail?: string;
  error?: string;
}

export function SyncNowButton() {
  const router = useRouter();
  const sync = useMutation({
    mutationFn: async (): Promise<SyncAnswer> => {
      const response = await fetch("/api/sync", { method: "POST" });
      const body = (await response.json()) as SyncAnswer;
      if (!response.ok) throw new Error(body.detail ?? body.error ?? `Sync failed (${response.status})`);
      return body;
    },
    onSuccess: () => router.refresh(),
  });
  return (
    <div className="flex items-center gap-3">
      {sync.isError ? <span className="text-sm text-red-600">{sync.error.message}</span> : null}
      {sync.isSuccess ? <span className="text-sm text-slate-500">Sync {sync.data.status}</span> : null}
      <button
        type="button"
        onClick={() => sync.mutate()}
        disabled={sync.isPending}
        className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-50"
      >
        {sync.isPending ? "Syncing…" : "Sync now"}
      </button>
    </div>
  );
}
