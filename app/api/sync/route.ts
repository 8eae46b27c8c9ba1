// POST /api/sync — start a sync now (202; it resumes an interrupted one); GET — its state and recent runs.
import { sqlite } from "@/lib/db/sqlite";
import { route } from "@/lib/http/handler";
import { withTokens } from "@/lib/auth/policy";
import { HttpError } from "@/lib/http/problem";
import { startSyncJob, syncJobStatus } from "@/lib/stripe/sync-job";
import { recentSyncRuns } from "@/lib/stripe/sync-run";

export const dynamic = "force-dynamic";

export const POST = route("sync.start", withTokens("owner", "write"), async () => {
  const result = startSyncJob();
  if (!result.started && result.reason === "demo") {
    throw new HttpError(409, "Demo mode: set STRIPE_SECRET_KEY to sync a Stripe account.");
  }
  if (!result.started) throw new HttpError(409, "A sync is already running.");
  return Response.json({ status: "started" }, { status: 202 });
});

export const GET = route("sync.status", withTokens("owner", "read"), async () =>
  Response.json(
    { ...syncJobStatus(), runs: recentSyncRuns(sqlite()) },
    { headers: { "cache-control": "no-store" } },
  ),
);
