"use client";
// The home screen's Stripe status: the "Offline since …" banner and, for the owner, the
// connection line. Both follow GET /api/desktop/status every 15 s (and when the window regains
// focus), so an open screen shows the app going offline and coming back without navigating.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Pill } from "@/components/ui/pill";
import { apiJson } from "@/lib/schedule/api-client";
import type { ConnectionSummary } from "@/lib/stripe/monitor-status";

export interface LiveStatus {
  offlineSince: string | null;
  connection: ConnectionSummary | null;
}

export const STATUS_POLL_MS = 15_000;

const connectionWords: Record<ConnectionSummary["state"], string> = {
  "not-configured": "no key set",
  checking: "key set, not checked yet",
  connected: "connected",
  "key-refused": "Stripe refused the key",
  offline: "offline",
};

const tones = { connected: "green", offline: "amber", "key-refused": "rose" } as const;

function useLiveStatus(initial: LiveStatus) {
  return useQuery({
    queryKey: ["desktop-status"],
    queryFn: () => apiJson<LiveStatus>("/api/desktop/status"),
    initialData: initial,
    refetchInterval: STATUS_POLL_MS,
    refetchOnWindowFocus: true,
  }).data;
}

function formatter(timeZone: string) {
  const format = new Intl.DateTimeFormat("en-GB", { timeZone, dateStyle: "medium", timeStyle: "short" });
  return (value: string | number) => format.format(new Date(value));
}

export function OfflineBanner({ initial, timeZone }: { initial: LiveStatus; timeZone: string }) {
  const { offlineSince } = useLiveStatus(initial);
  // Always rendered: a live region announces the change when the banner's text appears.
  return (
    <div role="status" aria-live="polite">
      {offlineSince ? (
        <p
          data-testid="offline"
          className="rounded-md border border-slate-300 bg-slate-100 px-4 py-2 text-sm text-slate-800"
        >
          Offline since {formatter(timeZone)(offlineSince)}: Stripe cannot be reached, so this shows your
          local data. The app catches up by itself as soon as the connection is back.
        </p>
      ) : null}
    </div>
  );
}

export function StripeConnectionLine({ initial, timeZone }: { initial: LiveStatus; timeZone: string }) {
  const summary = useLiveStatus(initial).connection;
  if (summary === null) return null;
  const tone = summary.state in tones ? tones[summary.state as keyof typeof tones] : "neutral";
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm" data-testid="stripe-connection">
      <span className="text-slate-600">Stripe:</span>
      <Pill tone={tone}>{connectionWords[summary.state]}</Pill>
      {summary.mode ? <span className="text-slate-600">{summary.mode} mode</span> : null}
      {summary.accountName ? <span>{summary.accountName}</span> : null}
      {summary.state === "offline" && summary.since ? (
        <span className="text-slate-700">since {formatter(timeZone)(summary.since)}</span>
      ) : null}
      <Link href="/stripe" className="text-indigo-800 underline underline-offset-2">
        Stripe screen
      </Link>
    </p>
  );
}
