// What each report is asked for in its URL (?from=&to=&by=/period=), parsed the same way by the
// pages and the CSV route. Missing values take defaults relative to `now`; bad ones are named.
import { z } from "zod";
import { zodIssues } from "@/lib/http/problem";
import {
  defaultRange,
  MAX_PERIODS,
  periodCount,
  rangeQuerySchema,
  type DateRange,
  type Granularity,
} from "@/lib/reports/periods";
import type { VisitDimension } from "@/lib/reports/visits";

export const REPORT_NAMES = ["visits", "revenue", "subscriptions"] as const;
export type ReportName = (typeof REPORT_NAMES)[number];
export const reportNameSchema = z.enum(REPORT_NAMES);

export type ReportQuery =
  | { report: "visits"; range: DateRange; by: VisitDimension }
  | { report: "revenue"; range: DateRange }
  | { report: "subscriptions"; range: DateRange; period: Granularity };

export type ParsedQuery =
  | { ok: true; query: ReportQuery }
  | { ok: false; errors: { path: string; message: string }[]; range: Partial<DateRange> };

/**
 * Default ranges: visits the 8 weeks up to this one and the next 4 (what was delivered and
 * what is booked); money and subscriptions the last 12 periods up to the current one.
 */
const DEFAULTS = {
  visits: { back: 7, ahead: 4 },
  revenue: { back: 11, ahead: 0 },
  subscriptions: { back: 11, ahead: 0 },
} as const;

const optionsSchema = {
  visits: z.object({ by: z.enum(["staff", "service"]).default("staff") }),
  revenue: z.object({}),
  subscriptions: z.object({ period: z.enum(["week", "month"]).default("month") }),
} as const;

export function granularityOf(query: { report: ReportName; period?: Granularity }): Granularity {
  if (query.report === "visits") return "week";
  if (query.report === "revenue") return "month";
  return query.period ?? "month";
}

/** Parses a report's query string; `zone` decides the default range and the period count. */
export function parseReportQuery(
  report: ReportName,
  params: Record<string, string | undefined>,
  now: Date,
  zone: string,
): ParsedQuery {
  const present = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && v !== ""));
  const options = optionsSchema[report].safeParse(present);
  if (!options.success) return { ok: false, errors: zodIssues(options.error), range: present };
  const granularity = granularityOf({ report, ...(options.data as { period?: Granularity }) });
  const fallback = defaultRange(now, granularity, zone, DEFAULTS[report]);
  const range = rangeQuerySchema.safeParse({
    from: present.from ?? fallback.from,
    to: present.to ?? fallback.to,
  });
  if (!range.success) return { ok: false, errors: zodIssues(range.error), range: present };
  if (periodCount(range.data, granularity, zone) > MAX_PERIODS) {
    return {
      ok: false,
      errors: [
        { path: "from", message: `covers more than ${MAX_PERIODS} ${granularity}s; choose a shorter range` },
      ],
      range: range.data,
    };
  }
  return { ok: true, query: { report, range: range.data, ...options.data } as ReportQuery };
}

/** The query string that asks for `query` again (links, CSV downloads). */
export function queryString(query: ReportQuery): string {
  const params = new URLSearchParams({ from: query.range.from, to: query.range.to });
  if (query.report === "visits") params.set("by", query.by);
  if (query.report === "subscriptions") params.set("period", query.period);
  return params.toString();
}
