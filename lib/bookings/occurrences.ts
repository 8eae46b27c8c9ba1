// Expands a rule's schedule into local slots (date + time). Pure; recurrence is computed by
// rrule in floating local time, and only finished slots become UTC instants (local-time.ts).
import type { Schedule } from "@/lib/rules/schema";
import { RRule, parseRRuleBody, type RRuleOptions, type WeekdayCode, weekdayCodes } from "@/lib/rules/rrule";
import {
  addDays,
  daysBetween,
  floating,
  fromFloating,
  localDateOf,
  localSlotMs,
  localToUtc,
  plusUtcInterval,
  weekdayOf,
} from "@/lib/bookings/local-time";

export interface Slot {
  date: string;
  time: string;
  /** Distinguishes bookings that share a date and time (parallel copies). */
  n: number;
  /**
   * Position among the line's slots on that local date (by time, then n). With the date it is
   * the booking's identity: moving a rule's time keeps the index, so the same booking moves.
   */
  index: number;
  startAt: Date;
  endAt: Date;
}

export interface Period {
  start: Date;
  end: Date;
}

/** Billing periods: a fixed list (an invoice line) or a cycle (a subscription item's price). */
export type Billing =
  | { kind: "fixed"; periods: Period[] }
  | { kind: "cycle"; anchor: Date; unit: "day" | "week" | "month" | "year"; count: number };

export interface SlotPlan {
  schedule: Schedule;
  zone: string;
  startTimes: string[];
  durationMin: number;
  /** Bookings per occurrence (quantity "multiply"), or nights for consecutiveDays. */
  copies: number;
  extraWeekdays: WeekdayCode[] | "parallel";
  /** Recurrence phase (rrule DTSTART) and the "once" threshold. */
  anchor: Date;
  /** Starts kept: [from, until). */
  from: Date;
  until: Date;
  /** Span { count }: only the first n occurrences from the anchor. */
  countLimit: number | null;
  billing: Billing;
}

interface BaseSlot {
  date: string;
  time: string;
}

const DAY = 86_400_000;
const MAX_BILLING_STEPS = 5000;
const rruleCache = new Map<string, string[]>();
const parsedRules = new Map<string, RRuleOptions>();

function ruleOptions(schedule: Schedule): RRuleOptions | null {
  if (schedule.kind === "weekly") {
    return {
      freq: RRule.WEEKLY,
      interval: schedule.everyWeeks ?? 1,
      byweekday: schedule.byWeekday.map((d) => weekdayCodes.indexOf(d)),
    };
  }
  if (schedule.kind !== "rrule") return null;
  let options = parsedRules.get(schedule.rule);
  if (!options) {
    options = parseRRuleBody(schedule.rule);
    parsedRules.set(schedule.rule, options);
  }
  return options;
}

/** Days by which DTSTART may move forward without changing later occurrences (0: never). */
function phaseDays(options: RRuleOptions): number {
  if (options.count || options.until || options.byweekno || options.byyearday) return 0;
  const interval = options.interval ?? 1;
  if (options.freq === RRule.WEEKLY) return 7 * interval;
  if (options.freq === RRule.DAILY) return interval;
  return 0;
}

function recurrenceDates(
  options: RRuleOptions,
  anchorDate: string,
  low: string,
  high: string,
  limit: number | null,
): string[] {
  const step = limit === null ? phaseDays(options) : 0;
  const shift = step > 0 && low > anchorDate ? Math.floor(daysBetween(anchorDate, low) / step) * step : 0;
  const dtstart = addDays(anchorDate, shift);
  const key = JSON.stringify([options, dtstart, low, high, limit]);
  const hit = rruleCache.get(key);
  if (hit) return hit;
  const rule = new RRule({ ...options, dtstart: floating(dtstart) });
  const raw =
    limit === null ? rule.between(floating(low), floating(high), true) : rule.all((_, i) => i < limit);
  const dates = [...new Set(raw.map(fromFloating))];
  if (rruleCache.size > 10_000) rruleCache.clear();
  rruleCache.set(key, dates);
  return dates;
}

function billingPeriods(billing: Billing, from: Date, until: Date): Period[] {
  if (billing.kind === "fixed") return billing.periods;
  const at = (i: number) => plusUtcInterval(billing.anchor, billing.unit, billing.count * i);
  let i = 0;
  while (at(i) > from && i > -MAX_BILLING_STEPS) i -= 1;
  const periods: Period[] = [];
  for (; at(i) < until && periods.length < MAX_BILLING_STEPS; i += 1)
    periods.push({ start: at(i), end: at(i + 1) });
  return periods;
}

/** `count` days picked evenly from a period's eligible days, the first on the first eligible day. */
function perPeriodDates(
  schedule: Extract<Schedule, { kind: "perPeriod" }>,
  period: Period,
  zone: string,
): string[] {
  // Local dates partition the periods: a period owns the days from its start's date up to,
  // not including, its end's date (at least one day).
  const first = localDateOf(period.start, zone);
  const beforeEnd = addDays(localDateOf(period.end, zone), -1);
  const last = beforeEnd < first ? first : beforeEnd;
  const allowed = schedule.byWeekday?.map((d) => weekdayCodes.indexOf(d));
  const days: string[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) {
    if (!allowed || allowed.includes(weekdayOf(d))) days.push(d);
  }
  if (days.length <= schedule.count) return days;
  return Array.from(
    { length: schedule.count },
    (_, i) => days[Math.floor((i * days.length) / schedule.count)] ?? first,
  );
}

/** The first start at or after the anchor (moved `offsetDays` local days on). */
function firstStart(plan: SlotPlan, offsetDays: number, times: string[]): BaseSlot {
  const first = addDays(localDateOf(plan.anchor, plan.zone), offsetDays);
  for (let d = first; ; d = addDays(d, 1)) {
    const time = times.find((t) => localToUtc(d, t, plan.zone) >= plan.anchor);
    if (time) return { date: d, time };
  }
}

function withTimes(dates: string[], times: string[]): BaseSlot[] {
  return dates.flatMap((date) => times.map((time) => ({ date, time })));
}

function baseSlots(plan: SlotPlan, low: string, high: string): BaseSlot[] {
  const { schedule, startTimes, zone } = plan;
  const anchorDate = localDateOf(plan.anchor, zone);
  switch (schedule.kind) {
    case "once":
      return [firstStart(plan, schedule.offsetDays ?? 0, startTimes)];
    case "consecutiveDays": {
      const first = firstStart(plan, schedule.offsetDays ?? 0, startTimes.slice(0, 1));
      return Array.from({ length: plan.copies }, (_, i) => ({
        date: addDays(first.date, i),
        time: first.time,
      }));
    }
    case "perPeriod": {
      const dates = billingPeriods(plan.billing, localMidnight(low, zone, -1), plan.until).flatMap((p) =>
        perPeriodDates(schedule, p, zone),
      );
      return withTimes([...new Set(dates)].sort(), startTimes);
    }
    default: {
      const options = ruleOptions(schedule);
      if (!options) return [];
      const limit = plan.countLimit === null ? null : plan.countLimit + 1;
      return withTimes(recurrenceDates(options, anchorDate, low, high, limit), startTimes);
    }
  }
}

function localMidnight(date: string, zone: string, days: number): Date {
  return localToUtc(addDays(date, days), "00:00", zone);
}

function nextWeekdayDates(date: string, weekdays: WeekdayCode[], copies: number): string[] {
  const allowed = weekdays.map((d) => weekdayCodes.indexOf(d));
  const dates: string[] = [];
  for (let d = addDays(date, 1); dates.length < copies; d = addDays(d, 1)) {
    if (allowed.includes(weekdayOf(d))) dates.push(d);
  }
  return dates;
}

/** Local slots of one line, with UTC instants, in [plan.from, plan.until); deterministic for equal input. */
export function expandSlots(plan: SlotPlan): Slot[] {
  if (plan.copies < 1 || plan.until <= plan.from) return [];
  const parallel = plan.extraWeekdays === "parallel";
  const spreadsOut = !parallel && plan.copies > 1 && plan.schedule.kind !== "consecutiveDays";
  // Bases before `from` still place extras after it: look back far enough to keep those stable.
  // Two days at least: a whole local day (25 h at a DST change) must be seen for its indexes.
  const lookBackDays = spreadsOut ? 7 * plan.copies + 1 : 2;
  const counted = plan.countLimit !== null;
  const low = addDays(localDateOf(counted ? plan.anchor : plan.from, plan.zone), -lookBackDays);
  const high = addDays(localDateOf(plan.until, plan.zone), 1);
  const lowInstant = new Date(plan.from.getTime() - lookBackDays * DAY);
  const startOf = (s: BaseSlot) => localSlotMs(s.date, s.time, plan.durationMin, plan.zone)[0];
  const [lowMs, fromMs, untilMs] = [lowInstant.getTime(), plan.from.getTime(), plan.until.getTime()];
  let bases = baseSlots(plan, low, high);
  if (counted)
    bases = bases.filter((s) => startOf(s) >= plan.anchor.getTime()).slice(0, plan.countLimit ?? 0);
  bases = bases.filter((s) => startOf(s) < untilMs && (counted || startOf(s) >= lowMs));

  const wanted: BaseSlot[] = [...bases];
  const copies = plan.schedule.kind === "consecutiveDays" ? 1 : plan.copies;
  for (let copy = 1; copy < copies; copy += 1) {
    for (const base of bases) {
      const date = parallel
        ? base.date
        : nextWeekdayDates(base.date, plan.extraWeekdays as WeekdayCode[], copy)[copy - 1];
      if (date) wanted.push({ date, time: base.time });
    }
  }
  const seen = new Map<string, number>();
  const numbered = wanted.map(({ date, time }) => {
    const key = `${date}T${time}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return { date, time, n };
  });
  // Indexes are counted over every slot of the day, before `from` cuts the past ones off, so a
  // day's later bookings keep their index as its earlier ones pass.
  numbered.sort((a, b) =>
    a.date + a.time < b.date + b.time ? -1 : a.date + a.time > b.date + b.time ? 1 : a.n - b.n,
  );
  const perDay = new Map<string, number>();
  const slots: Slot[] = [];
  for (const { date, time, n } of numbered) {
    const index = perDay.get(date) ?? 0;
    perDay.set(date, index + 1);
    const [start, end] = localSlotMs(date, time, plan.durationMin, plan.zone);
    if (start < fromMs || start >= untilMs) continue;
    slots.push({ date, time, n, index, startAt: new Date(start), endAt: new Date(end) });
  }
  return slots.sort((a, b) => a.startAt.getTime() - b.startAt.getTime() || a.n - b.n);
}
