// One entry point per parsed query: the CSV route (and the benchmark) ask for any report by name.
import type { Db } from "@/lib/db/prisma";
import type { Table } from "@/lib/reports/csv";
import type { ReportQuery } from "@/lib/reports/query";
import { revenueReport } from "@/lib/reports/revenue";
import { subscriptionsReport } from "@/lib/reports/subscriptions";
import { revenueTable, subscriptionsTable, visitsTable } from "@/lib/reports/tables";
import { visitsReport } from "@/lib/reports/visits";

/** The report's table for `query`, computed in the business time zone at `now`. */
export async function reportTable(db: Db, query: ReportQuery, zone: string, now: Date): Promise<Table> {
  switch (query.report) {
    case "visits":
      return visitsTable(await visitsReport(db, { range: query.range, zone, by: query.by }));
    case "revenue":
      return revenueTable(await revenueReport(db, { range: query.range, zone }));
    case "subscriptions":
      return subscriptionsTable(
        await subscriptionsReport(db, { range: query.range, zone, granularity: query.period, now }),
      );
  }
}
