// GET /api/owner/reports/<visits|revenue|subscriptions>/csv?from=&to=[&by=|&period=] — the
// report's table as a CSV download (owner only), the same figures the screen shows.
import { prisma } from "@/lib/db/prisma";
import { route } from "@/lib/http/handler";
import { HttpError } from "@/lib/http/problem";
import { toCsv } from "@/lib/reports/csv";
import { parseReportQuery, reportNameSchema } from "@/lib/reports/query";
import { reportTable } from "@/lib/reports/run";
import { csvFilename } from "@/lib/reports/tables";
import { screenContext } from "@/lib/schedule/context";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ report: string }> };

export const GET = route<Context>("reports.csv", "owner", async (request, context) => {
  const name = reportNameSchema.safeParse((await context.params).report);
  if (!name.success) throw new HttpError(404, "No such report. Reports: visits, revenue, subscriptions.");
  const now = new Date();
  const { zone } = screenContext(now);
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = parseReportQuery(name.data, params, now, zone);
  if (!parsed.ok) throw new HttpError(422, "The report's range or options are not valid.", parsed.errors);
  const table = await reportTable(prisma(), parsed.query, zone, now);
  return new Response(toCsv(table), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${csvFilename(parsed.query)}"`,
      "cache-control": "no-store",
    },
  });
});
