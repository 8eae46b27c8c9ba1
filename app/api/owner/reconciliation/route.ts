// GET /api/owner/reconciliation — the reconciliation report (every category's rows), or ?view=counts.
import { z } from "zod";
import { prisma } from "@/lib/db/prisma";
import { sqlite } from "@/lib/db/sqlite";
import { route } from "@/lib/http/handler";
import { cachedReconciliationReport } from "@/lib/reconciliation/cache";
import { config } from "@/lib/config";
import { categories } from "@/lib/reconciliation/types";
import { loadActiveRules } from "@/lib/rules/repo";

export const dynamic = "force-dynamic";

const querySchema = z.object({ view: z.enum(["report", "counts"]).default("report") }).strict();

export const GET = route("owner.reconciliation", "owner", async (request) => {
  const query = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const input = { now: new Date(), rules: loadActiveRules(sqlite()) };
  const report = await cachedReconciliationReport(prisma(), config().databaseFile, input);
  const body =
    query.view === "counts" ? Object.fromEntries(categories.map((c) => [c, report[c].length])) : report;
  return Response.json(body, { headers: { "cache-control": "no-store" } });
});
