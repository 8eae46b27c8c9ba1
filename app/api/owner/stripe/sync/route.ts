// GET /api/owner/stripe/sync — the running sync's progress per object type and recent runs; POST — start one.
import { z } from "zod";
import { prisma } from "@/lib/db/prisma";
import { route } from "@/lib/http/handler";
import { HttpError } from "@/lib/http/problem";
import { listSyncRuns, runningSyncProgress } from "@/lib/stripe/monitor-runs";
import { startSyncJob, syncJobStatus } from "@/lib/stripe/sync-job";

export const dynamic = "force-dynamic";

const querySchema = z.object({ before: z.coerce.number().int().positive().optional() }).strict();

export const GET = route("owner.stripe.sync", "owner", async (request) => {
  const query = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const db = prisma();
  const job = syncJobStatus();
  const [progress, runs] = await Promise.all([
    runningSyncProgress(db),
    listSyncRuns(db, { limit: 10, before: query.before }),
  ]);
  return Response.json(
    { running: job.running, overall: job.progress, progress, last: job.last, runs },
    { headers: { "cache-control": "no-store" } },
  );
});

export const POST = route("owner.stripe.sync.start", "owner", async () => {
  const result = startSyncJob();
  if (!result.started && result.reason === "demo")
    throw new HttpError(409, "Demo mode: set STRIPE_SECRET_KEY to sync a Stripe account.");
  if (!result.started) throw new HttpError(409, "A sync is already running.");
  return Response.json({ status: "started" }, { status: 202 });
});
