// /reports/visits — visits per week by walker or by service (completed, cancelled, no-show,
// still scheduled), weeks Monday to Sunday in the business time zone.
import type { Metadata } from "next";
import { ReportFrame, plainParams } from "@/app/reports/_components/report-frame";
import { VisitsView } from "@/app/reports/visits/visits-view";
import { requirePage } from "@/lib/auth/page";
import { prisma } from "@/lib/db/prisma";
import { parseReportQuery } from "@/lib/reports/query";
import { visitsReport } from "@/lib/reports/visits";
import { screenContext } from "@/lib/schedule/context";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Visits report" };

export default async function VisitsReportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePage("owner");
  const now = new Date();
  const { zone } = screenContext(now);
  const parsed = parseReportQuery("visits", await plainParams(searchParams), now, zone);
  const report =
    parsed.ok && parsed.query.report === "visits"
      ? await visitsReport(prisma(), { range: parsed.query.range, zone, by: parsed.query.by })
      : null;
  return (
    <ReportFrame
      report="visits"
      description="Visits per week (Monday to Sunday) by walker or service"
      zone={zone}
      parsed={parsed}
    >
      {report ? <VisitsView report={report} /> : null}
    </ReportFrame>
  );
}
