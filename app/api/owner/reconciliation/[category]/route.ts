// GET /api/owner/reconciliation/<category> — one category of the reconciliation report as CSV.
import { z } from "zod";
import { prisma } from "@/lib/db/prisma";
import { sqlite } from "@/lib/db/sqlite";
import { route } from "@/lib/http/handler";
import { HttpError } from "@/lib/http/problem";
import { loadActiveRules } from "@/lib/rules/repo";
import { reconciliationCsv } from "@/lib/reconciliation/csv";
import { cachedReconciliationReport } from "@/lib/reconciliation/cache";
import { config } from "@/lib/config";
import { ownOrigin } from "@/lib/auth/origin";
import { categories, categorySlugs, type Category } from "@/lib/reconciliation/types";
import { loadSettings } from "@/lib/settings";
import { localDate } from "@/lib/schedule/time";

export const dynamic = "force-dynamic";

const bySlug = new Map(categories.map((c) => [categorySlugs[c], c] as const));

export const GET = route(
  "owner.reconciliation.csv",
  "owner",
  async (request, context: { params: Promise<{ category: string }> }) => {
    const { category: slug } = await context.params;
    const category: Category | undefined = bySlug.get(slug);
    if (!category) throw new HttpError(404, `Unknown category; one of ${[...bySlug.keys()].join(", ")}.`);
    z.object({})
      .strict()
      .parse(Object.fromEntries(new URL(request.url).searchParams));
    const db = sqlite();
    const now = new Date();
    const { timeZone } = loadSettings(db);
    const rows = (
      await cachedReconciliationReport(prisma(), config().databaseFile, { now, rules: loadActiveRules(db) })
    )[category];
    // The address the owner opened the app at (Host), not request.url: behind Next's standalone
    // server that says localhost while the app is served on 127.0.0.1 (or a LAN address).
    const origin = ownOrigin(request, config().TRUST_PROXY) ?? config().publicUrl;
    return new Response(reconciliationCsv(rows, timeZone, origin), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="reconciliation-${slug}-${localDate(now, timeZone)}.csv"`,
        "cache-control": "no-store",
      },
    });
  },
);
