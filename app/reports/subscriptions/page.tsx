// /reports/subscriptions — active subscriptions per week or month and churn (cancellations and
// cancelled / active at the period's start), periods in the business time zone.
import type { Metadata } from "next";
import { ReportFrame, plainParams } from "@/app/reports/_components/report-frame";
import { SubscriptionsView } from "@/app/reports/subscriptions/subscriptions-view";
import { requirePage } from "@/lib/auth/page";
import { prisma } from "@/lib/db/prisma";
import { parseReportQuery } from "@/lib/reports/query";
import { subscriptionsReport } from "@/lib/reports/subscriptions";
import { screenContext } from "@/lib/schedule/context";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Subscriptions report" };

export default async function SubscriptionsReportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePage("owner");
  const now = new Date();
  const { zone } = screenContext(now);
  const parsed = parseReportQuery("subscriptions", await plainParams(searchParams), now, zone);
  const rows =
    parsed.ok && parsed.query.report === "subscriptions"
      ? await subscriptionsReport(prisma(), {
          range: parsed.query.range,
          zone,
          granularity: parsed.query.period,
          now,
        })
      : null;
  return (
    <ReportFrame
      report="subscriptions"
      description="Active subscriptions and churn per period"
      zone={zone}
      parsed={parsed}
    >
      {rows ? <SubscriptionsView rows={rows} /> : null}
    </ReportFrame>
  );
}
