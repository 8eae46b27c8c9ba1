"use client";
// Connection status: key and mode, the account Stripe names (asked once the screen is open,
// cached on the server), the webhook secret, and when the last event arrived.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Pill, type PillTone } from "@/components/ui/pill";
import { apiJson } from "@/lib/schedule/api-client";
import { formatStamp } from "@/lib/schedule/time";
import type { StripeStatus } from "@/lib/stripe/monitor-status";

const stateText: Record<StripeStatus["summary"]["state"], { label: string; tone: PillTone }> = {
  "not-configured": { label: "No key set", tone: "neutral" },
  checking: { label: "Checking…", tone: "neutral" },
  connected: { label: "Connected", tone: "green" },
  "key-refused": { label: "Key refused", tone: "rose" },
  offline: { label: "Offline", tone: "amber" },
};

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5 px-4 py-2.5 sm:flex-row sm:gap-4">
      <dt className="w-40 shrink-0 text-sm text-slate-600">{term}</dt>
      <dd className="text-sm">{children}</dd>
    </div>
  );
}

export function ConnectionCard({
  initial,
  zone,
  webhooksStatus,
}: {
  initial: StripeStatus;
  zone: string;
  /** The command that prints the endpoint URL, as this install runs it (lib/desktop/commands.ts). */
  webhooksStatus: string;
}) {
  const client = useQueryClient();
  const [forcing, setForcing] = useState(false);
  const status = useQuery({
    queryKey: ["owner-stripe-status"],
    queryFn: () => apiJson<StripeStatus>("/api/owner/stripe/status"),
    initialData: initial,
    // The server render used only the cached answer: ask Stripe as soon as the screen is open.
    initialDataUpdatedAt: 0,
    refetchInterval: 30_000,
  });
  const data = status.data;
  const { summary, key, account, webhooks } = data;
  const text = stateText[summary.state];
  const checkAgain = async () => {
    setForcing(true);
    try {
      client.setQueryData(
        ["owner-stripe-status"],
        await apiJson<StripeStatus>("/api/owner/stripe/status?refresh=1"),
      );
    } catch {
      await status.refetch();
    } finally {
      setForcing(false);
    }
  };
  return (
    <Card aria-labelledby="connection-title">
      <CardHeader
        id="connection-title"
        title={
          <span className="flex items-center gap-2">
            Connection <Pill tone={text.tone}>{text.label}</Pill>
          </span>
        }
        actions={
          key.present ? (
            <Button size="sm" onClick={() => void checkAgain()} disabled={forcing}>
              {forcing ? "Checking…" : "Check again"}
            </Button>
          ) : null
        }
      />
      {summary.state === "offline" && summary.since ? (
        <p role="status" className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900">
          Cannot reach Stripe since {formatStamp(new Date(summary.since), zone)}. Your local data is shown;
          the app catches up by itself when the connection is back.
        </p>
      ) : null}
      {status.isError ? (
        <p role="alert" className="border-b border-rose-200 bg-rose-50 px-4 py-2 text-sm text-rose-900">
          Could not refresh the status: {status.error.message}
        </p>
      ) : null}
      <dl className="divide-y divide-slate-100">
        <Row term="Secret key">
          {key.present ? (
            <>
              <Pill tone={key.mode === "live" ? "indigo" : "amber"}>
                {key.mode === "live" ? "Live mode" : "Test mode"}
              </Pill>{" "}
              {key.restricted ? "restricted key" : "secret key"}
            </>
          ) : (
            <span>
              Not set: the app shows demo data. Set <code>STRIPE_SECRET_KEY</code> in <code>.env</code> and
              restart.
            </span>
          )}
        </Row>
        <Row term="Account">
          {!key.present ? (
            "—"
          ) : account?.state === "connected" ? (
            <span data-testid="account-name">
              {account.name ?? "(no name set)"} <span className="text-slate-600">· {account.accountId}</span>
            </span>
          ) : account?.state === "connected-unnamed" ? (
            <span>Stripe answers, but does not name the account for this key ({account.detail}).</span>
          ) : account?.state === "key-refused" ? (
            <span className="text-rose-800">Stripe refused the key: {account.detail}</span>
          ) : account?.state === "unreachable" ? (
            <span className="text-amber-900">
              Cannot reach Stripe since {formatStamp(new Date(account.since), zone)} ({account.detail})
            </span>
          ) : (
            <span className="text-slate-600">Asking Stripe…</span>
          )}
        </Row>
        <Row term="Webhook secret">
          {data.webhookSecretSet ? (
            <Pill tone="green">Set</Pill>
          ) : (
            <span>
              <Pill tone="amber">Not set</Pill> events are not received; set{" "}
              <code>STRIPE_WEBHOOK_SECRET</code> (<code>{webhooksStatus}</code> prints the endpoint URL).
            </span>
          )}
        </Row>
        <Row term="Last event">
          {webhooks.lastReceivedAt ? (
            <span>
              {formatStamp(new Date(webhooks.lastReceivedAt), zone)}{" "}
              <span className="text-slate-600">({webhooks.lastType})</span>
            </span>
          ) : (
            "No event received yet"
          )}
        </Row>
      </dl>
    </Card>
  );
}
