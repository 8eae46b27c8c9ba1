// The owner's Stripe screen: connection, sync runs with "Sync now", the quarantine and the
// webhook event log (25 a page, filtered by status, on the server).
import type { Metadata } from "next";
import { ConnectionCard } from "@/app/stripe/connection-card";
import { QuarantineCard } from "@/app/stripe/quarantine-card";
import { SyncPanel } from "@/app/stripe/sync-panel";
import { WebhookLog } from "@/app/stripe/webhook-log";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { LinkTabs } from "@/components/ui/tabs";
import { requirePage } from "@/lib/auth/page";
import { config } from "@/lib/config";
import { cliCommand } from "@/lib/desktop/commands";
import { prisma } from "@/lib/db/prisma";
import { sqlite } from "@/lib/db/sqlite";
import { screenContext } from "@/lib/schedule/context";
import { listSyncRuns, runningSyncProgress } from "@/lib/stripe/monitor-runs";
import { stripeStatus } from "@/lib/stripe/monitor-status";
import { listQuarantine, quarantineSummary } from "@/lib/stripe/quarantine";
import { syncJobStatus } from "@/lib/stripe/sync-job";
import { listWebhookEvents, webhookLogQuerySchema, type WebhookLogQuery } from "@/lib/webhooks/admin-log";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Stripe" };

const filters = [
  { status: undefined, label: "All" },
  { status: "failed", label: "Failed" },
  { status: "pending", label: "Waiting" },
  { status: "processed", label: "Applied" },
  { status: "ignored", label: "Ignored" },
  { status: "quarantined", label: "Quarantined" },
] as const;

function logHref(query: Partial<WebhookLogQuery>): string {
  const params = new URLSearchParams();
  if (query.status) params.set("status", query.status);
  if (query.page && query.page > 1) params.set("page", String(query.page));
  const s = params.toString();
  return s ? `/stripe?${s}#webhooks` : "/stripe#webhooks";
}

export default async function StripePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePage("owner");
  const raw = Object.fromEntries(
    Object.entries(await searchParams).filter(
      (e): e is [string, string] => typeof e[1] === "string" && e[1] !== "",
    ),
  );
  const parsed = webhookLogQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : webhookLogQuerySchema.parse({});
  const { zone } = screenContext();
  const db = prisma();
  const cfg = config();
  const [status, runs, progress, log] = await Promise.all([
    stripeStatus(db, cfg, new Date()),
    listSyncRuns(db, { limit: 10 }),
    runningSyncProgress(db),
    listWebhookEvents(db, query),
  ]);
  const quarantine = quarantineSummary(sqlite());
  const quarantined = listQuarantine(sqlite(), 50).map((q) => ({
    kind: q.kind,
    stripeId: q.stripeId,
    error: q.error,
    firstSeenAt: q.firstSeenAt.getTime(),
    attempts: q.attempts,
  }));
  const running = syncJobStatus().running || progress !== null;
  return (
    <>
      <PageHeader title="Stripe" description="Connection, syncs and the events Stripe sent" timeZone={zone} />
      <div className="space-y-6">
        <ConnectionCard initial={status} zone={zone} webhooksStatus={cliCommand("webhooks:status", cfg)} />
        <SyncPanel initial={{ running, progress, runs }} zone={zone} demo={cfg.demoMode} />
        <QuarantineCard rows={quarantined} total={quarantine.total} zone={zone} />
        <Card aria-labelledby="webhooks">
          <CardHeader id="webhooks" title="Webhook events" />
          <div className="p-4">
            <LinkTabs
              label="Filter events by status"
              tabs={filters.map((f) => ({
                href: logHref({ status: f.status }),
                label: f.label,
                current: query.status === f.status,
              }))}
            />
            <WebhookLog
              rows={log.rows}
              zone={zone}
              status={query.status}
              failedTotal={status.webhooks.counts.failed ?? 0}
            />
            <Pagination
              label={`${log.total} event${log.total === 1 ? "" : "s"} · page ${log.page} of ${log.pages}`}
              prev={log.page > 1 ? logHref({ ...query, page: log.page - 1 }) : null}
              next={log.page < log.pages ? logHref({ ...query, page: log.page + 1 }) : null}
            />
          </div>
        </Card>
      </div>
    </>
  );
}
