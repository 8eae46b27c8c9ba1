// /feeds — owner only: calendar feeds for the business, a walker or a client; create, show a
// link again, rotate, revoke, and when (and by which app) each was last fetched.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { requirePage } from "@/lib/auth/page";
import { sqlite } from "@/lib/db/sqlite";
import { feedOriginOfHeaders, reachJson } from "@/lib/feeds/http";
import { listFeedTargets } from "@/lib/feeds/manage";
import { listFeeds, type CalendarFeed } from "@/lib/feeds/tokens";
import { loadSettings } from "@/lib/settings";
import { PageHeader } from "@/components/ui/page-header";
import { FeedsScreen, type FeedRow } from "@/app/feeds/feeds-screen";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Calendar feeds" };

const scopeLabel = { business: "business", staff: "walker", client: "client" } as const;

function feedName(feed: CalendarFeed, businessName: string): string {
  if (feed.label) return feed.label;
  if (feed.scope === "business") return businessName;
  return (
    feed.targetName ?? (feed.scope === "staff" ? `Walker #${feed.staffId}` : (feed.clientStripeId ?? "?"))
  );
}

export default async function FeedsPage() {
  await requirePage("owner");
  const db = sqlite();
  const { timeZone, businessName } = loadSettings(db);
  const when = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
  const rows: FeedRow[] = listFeeds(db).map((feed) => ({
    id: feed.id,
    name: feedName(feed, businessName),
    scopeLabel: scopeLabel[feed.scope],
    prefix: feed.prefix,
    created: when.format(feed.createdAt),
    lastFetched: feed.lastFetchedAt ? when.format(feed.lastFetchedAt) : null,
    userAgent: feed.lastUserAgent,
    revoked: feed.revokedAt ? when.format(feed.revokedAt) : null,
    sealed: feed.sealed,
  }));
  const reach = reachJson(feedOriginOfHeaders(await headers()));
  const targets = listFeedTargets(db);
  return (
    <>
      <PageHeader
        title="Calendar feeds"
        description="Links calendar apps subscribe to: the business, one walker, or one client"
        timeZone={timeZone}
      />
      <FeedsScreen
        feeds={rows}
        staff={targets.staff.filter((s) => s.active)}
        clients={targets.clients}
        reach={reach}
      />
    </>
  );
}
