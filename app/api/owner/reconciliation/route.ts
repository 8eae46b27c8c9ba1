// GET /api/owner/reconciliation — the reconciliation report (every category's rows), or ?view=counts.
import { z } from "zod";
import { prisma } from "@/lib/db/prisma";
import { sqlite } from "@/lib/db/sqlite";
import { route } from "@/lib/http/handler";
import { reconciliationCounts, reconciliationReport } from "@/lib/reconciliation/report";
import { loadActiveRules } from "@/lib/rules/repo";

export const dynamic = "force-dynamic";

const querySchema = z.object({ view: z.enum(["report", "counts"]).default("report") }).strict();

export const GET = route("owner.reconciliation", "owner", async (request) => {
  const query = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const input = { now: new Date(), rules: loadActiveRules(sqlite()) };
  const body =
    query.view === "counts"
      ? await reconciliationCounts(prisma(), input)
      : await reconciliationReport(prisma(), input);
  return Response.json(body, { headers: { "cache-control": "no-store" } });
});
