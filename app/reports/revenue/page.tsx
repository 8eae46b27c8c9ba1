// /reports/revenue — revenue per month by service from paid invoices, one series per currency
// (different currencies are never added together).
import type { Metadata } from "next";
import { ReportFrame, plainParams } from "@/app/reports/_components/report-frame";
import { RevenueView } from "@/app/reports/revenue/revenue-view";
import { requirePage } from "@/lib/auth/page";
import { prisma } from "@/lib/db/prisma";
import { parseReportQuery } from "@/lib/reports/query";
import { revenueReport } from "@/lib/reports/revenue";
import { screenContext } from "@/lib/schedule/context";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Revenue report" };

export default async function RevenueReportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePage("owner");
  const now = new Date();
  const { zone } = screenContext(now);
  const parsed = parseReportQuery("revenue", await plainParams(searchParams), now, zone);
  const report = parsed.ok ? await revenueReport(prisma(), { range: parsed.query.range, zone }) : null;
  return (
    <ReportFrame
      report="revenue"
      description="Paid invoices per month (the month they were paid) by service, in each currency"
      zone={zone}
      parsed={parsed}
    >
      {report ? <RevenueView report={report} /> : null}
    </ReportFrame>
  );
}
