// Active subscriptions over time and churn, per local week or month (business time zone).
//
// A subscription is active at instant t when it started before t and had not ended before t:
// `startDate < t <= ended` (ended = `endedAt`, or `canceledAt` for a cancelled one without it;
// never ended = still active). Subscriptions that never became active (`incomplete`,
// `incomplete_expired`) and ones deleted in Stripe are left out. With events counted in
// [period start, period end), every period satisfies
//   activeAtEnd = activeAtStart + started − cancelled,
// and churn rate = cancelled / activeAtStart (null when nothing was active at the start).
import type { Db } from "@/lib/db/prisma";
import { periodsOf, type DateRange, type Granularity } from "@/lib/reports/periods";

export interface SubscriptionPeriodRow {
  /** Local date of the period's first day. */
  period: string;
  periodLabel: string;
  activeAtStart: number;
  started: number;
  cancelled: number;
  activeAtEnd: number;
  /** cancelled / activeAtStart, a fraction (0.25 = 25 %); null when activeAtStart is 0. */
  churnRate: number | null;
}

export interface SubscriptionsInput {
  range: DateRange;
  zone: string;
  granularity: Granularity;
  /** Periods starting after `now` have no data yet and are left out. */
  now: Date;
}

const NEVER_ACTIVE = ["incomplete", "incomplete_expired"];

/** One row per period from the range's first period to the one containing `now`. */
export async function subscriptionsReport(
  db: Db,
  input: SubscriptionsInput,
): Promise<SubscriptionPeriodRow[]> {
  const periods = periodsOf(input.range, input.granularity, input.zone).filter(
    (p) => p.start.getTime() <= input.now.getTime(),
  );
  const first = periods[0];
  const last = periods.at(-1);
  if (!first || !last) return [];
  // Only subscriptions that could be active in or end during the range: one narrow read.
  const subs = await db.subscriptionMap.findMany({
    where: {
      deleted: false,
      status: { notIn: NEVER_ACTIVE },
      startDate: { lt: last.end },
      OR: [{ endedAt: { gte: first.start } }, { endedAt: null }],
    },
    select: { startDate: true, endedAt: true, canceledAt: true, status: true },
  });
  const spans = subs
    .map((s) => ({
      start: s.startDate.getTime(),
      end: (s.endedAt ?? (s.status === "canceled" ? s.canceledAt : null))?.getTime() ?? Infinity,
    }))
    .filter((s) => s.end >= first.start.getTime());
  const activeAt = (t: number) => spans.filter((s) => s.start < t && t <= s.end).length;
  return periods.map((p) => {
    const from = p.start.getTime();
    const to = p.end.getTime();
    const activeAtStart = activeAt(from);
    const started = spans.filter((s) => s.start >= from && s.start < to).length;
    const cancelled = spans.filter((s) => s.end >= from && s.end < to).length;
    return {
      period: p.key,
      periodLabel: p.label,
      activeAtStart,
      started,
      cancelled,
      activeAtEnd: activeAtStart + started - cancelled,
      churnRate: activeAtStart === 0 ? null : cancelled / activeAtStart,
    };
  });
}
