// POST /api/sync — run one sync now (resumes an interrupted one); GET — recent runs.
import { config } from "@/lib/config";
import { sqlite } from "@/lib/db/sqlite";
import { route } from "@/lib/http/handler";
import { HttpError } from "@/lib/http/problem";
import { stripeFromConfig } from "@/lib/stripe/client";
import { runSync } from "@/lib/stripe/sync";
import { recentSyncRuns } from "@/lib/stripe/sync-run";

export const dynamic = "force-dynamic";

const running = globalThis as { syncInFlight?: boolean };

export const POST = route("sync.run", async () => {
  const stripe = stripeFromConfig(config());
  if (!stripe) throw new HttpError(409, "Demo mode: set STRIPE_SECRET_KEY to sync a Stripe account.");
  if (running.syncInFlight) throw new HttpError(409, "A sync is already running.");
  running.syncInFlight = true;
  try {
    const report = await runSync(sqlite(), stripe);
    return Response.json(report, { status: report.status === "succeeded" ? 200 : 502 });
  } finally {
    running.syncInFlight = false;
  }
});

export const GET = route("sync.list", async () => Response.json({ runs: recentSyncRuns(sqlite()) }));
