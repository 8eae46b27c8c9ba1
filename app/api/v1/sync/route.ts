// GET /api/v1/sync — the Stripe sync's state and recent runs; POST — start one (owner).
import { withTokens } from "@/lib/auth/policy";
import { sqlite } from "@/lib/db/sqlite";
import { notAllowed, preflight, v1Read, v1Write } from "@/lib/api/v1/http";
import { ApiError } from "@/lib/api/v1/problems";
import { emptyQuery, syncStartBody } from "@/lib/api/v1/schemas";
import { startSyncJob, syncJobStatus } from "@/lib/stripe/sync-job";
import { recentSyncRuns } from "@/lib/stripe/sync-run";

export const dynamic = "force-dynamic";

interface RunRow {
  id: number;
  mode: string;
  status: string;
  startedAt: number;
  finishedAt: number | null;
  error: string | null;
}

export const GET = v1Read("v1.sync.status", withTokens("owner", "read"), { query: emptyQuery }, () => ({
  body: {
    ...syncJobStatus(),
    runs: (recentSyncRuns(sqlite()) as RunRow[]).map((run) => ({
      id: run.id,
      mode: run.mode,
      status: run.status,
      startedAt: new Date(run.startedAt).toISOString(),
      finishedAt: run.finishedAt === null ? null : new Date(run.finishedAt).toISOString(),
      error: run.error,
    })),
  },
}));

export const POST = v1Write("v1.sync.start", withTokens("owner", "write"), { body: syncStartBody }, () => {
  const result = startSyncJob();
  if (!result.started && result.reason === "demo") {
    throw new ApiError(409, "conflict", "Demo mode: set STRIPE_SECRET_KEY to sync a Stripe account.");
  }
  if (!result.started) throw new ApiError(409, "conflict", "A sync is already running.");
  return { status: 202, body: { status: "started" } };
});
export const OPTIONS = preflight;
export const { PUT, PATCH, DELETE } = notAllowed(["GET", "POST"]);
