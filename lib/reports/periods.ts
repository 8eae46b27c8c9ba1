// Report periods: weeks (Monday to Sunday) and calendar months in the business time zone, each
// as a UTC [start, end) so a query can filter instants with a plain range. luxon does the zone
// arithmetic, so a week or month that spans a DST change is still exactly one local week/month.
import { DateTime } from "luxon";
import { z } from "zod";

export type Granularity = "week" | "month";

export interface Period {
  /** Local date of the first day (yyyy-MM-dd): the row key in tables and CSV. */
  key: string;
  /** "7 Dec 2026" (week starting) or "Dec 2026". */
  label: string;
  start: Date;
  end: Date;
}

/** A report's range: whole local dates, both included. */
export interface DateRange {
  from: string;
  to: string;
}

/** Most periods one report may cover: keeps a page and its query count bounded. */
export const MAX_PERIODS = 160;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export const rangeQuerySchema = z
  .object({
    from: z.iso.date("must be a date (yyyy-mm-dd)"),
    to: z.iso.date("must be a date (yyyy-mm-dd)"),
  })
  // Compared only once both are dates: a malformed From is one error, not two.
  .refine((r) => !isoDate.test(r.from) || !isoDate.test(r.to) || r.from <= r.to, {
    path: ["to"],
    message: "must be on or after From",
  });

/** The periods of `granularity` that overlap the range: whole weeks/months, in order. */
export function periodsOf(range: DateRange, granularity: Granularity, zone: string): Period[] {
  const first = DateTime.fromISO(range.from, { zone }).startOf(granularity === "week" ? "week" : "month");
  const last = DateTime.fromISO(range.to, { zone }).startOf("day");
  const periods: Period[] = [];
  for (
    let start = first;
    start <= last;
    start = start.plus(granularity === "week" ? { weeks: 1 } : { months: 1 })
  ) {
    const end = start.plus(granularity === "week" ? { weeks: 1 } : { months: 1 });
    periods.push({
      key: start.toISODate() ?? "",
      label: start.setLocale("en-GB").toFormat(granularity === "week" ? "d LLL yyyy" : "LLL yyyy"),
      start: start.toJSDate(),
      end: end.toJSDate(),
    });
    if (periods.length > MAX_PERIODS) break;
  }
  return periods;
}

/** The default range: `back` periods before the one containing `now`, that one, and `ahead` after it. */
export function defaultRange(
  now: Date,
  granularity: Granularity,
  zone: string,
  { back, ahead }: { back: number; ahead: number },
): DateRange {
  const current = DateTime.fromJSDate(now, { zone }).startOf(granularity);
  const from = current.minus(granularity === "week" ? { weeks: back } : { months: back });
  const to = current.plus(granularity === "week" ? { weeks: ahead } : { months: ahead }).endOf(granularity);
  return { from: from.toISODate() ?? "", to: to.toISODate() ?? "" };
}

/** The number of periods a range covers (checked before any query runs). */
export function periodCount(range: DateRange, granularity: Granularity, zone: string): number {
  return periodsOf(range, granularity, zone).length;
}
