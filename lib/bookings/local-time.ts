// Wall-clock arithmetic in the business time zone. Schedules are computed on local dates
// ("yyyy-MM-dd") and local times ("HH:mm"); only the final slot becomes a UTC instant, so a
// 09:00 walk stays at 09:00 across daylight-saving changes.
import { DateTime, IANAZone } from "luxon";

const DAY_MS = 86_400_000;

/** Throws when the zone is not a valid IANA name, so a bad setting fails loudly. */
export function assertTimeZone(zone: string): void {
  if (!IANAZone.isValidZone(zone)) throw new Error(`Unknown time zone "${zone}" in settings.timeZone`);
}

function offsetMinutes(epochMs: number, zone: string): number {
  return DateTime.fromMillis(epochMs, { zone }).offset;
}

function naiveMs(date: string, time: string): number {
  const [y = 0, m = 1, d = 1] = date.split("-").map(Number);
  const [hh = 0, mm = 0] = time.split(":").map(Number);
  return Date.UTC(y, m - 1, d, hh, mm);
}

const cache = new Map<string, number>();
const CACHE_LIMIT = 200_000;

/**
 * The UTC instant of a local wall-clock time. A time skipped by a spring-forward gap moves
 * forward by the gap (02:30 → 03:30); a time repeated by a fall-back takes the first one.
 */
export function localToUtc(date: string, time: string, zone: string): Date {
  const key = `${zone}|${date}T${time}`;
  const hit = cache.get(key);
  if (hit !== undefined) return new Date(hit);
  const naive = naiveMs(date, time);
  const before = offsetMinutes(naive - DAY_MS, zone);
  const after = offsetMinutes(naive + DAY_MS, zone);
  const valid = [...new Set([before, after])]
    .map((offset) => naive - offset * 60_000)
    .filter((ms) => offsetMinutes(ms, zone) * 60_000 === naive - ms);
  // No valid candidate: the wall time falls in a gap; the pre-gap offset lands after it.
  const ms = valid.length > 0 ? Math.min(...valid) : naive - before * 60_000;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, ms);
  return new Date(ms);
}

/** The local calendar date ("yyyy-MM-dd") of an instant. */
export function localDateOf(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat("yyyy-MM-dd");
}

/** Calendar arithmetic on a local date (time zones play no part). */
export function addDays(date: string, days: number): string {
  return new Date(naiveMs(date, "00:00") + days * DAY_MS).toISOString().slice(0, 10);
}

/** Weekday of a local date in rrule numbering: Monday = 0 … Sunday = 6. */
export function weekdayOf(date: string): number {
  return (new Date(naiveMs(date, "00:00")).getUTCDay() + 6) % 7;
}

/** Whole days from `a` to `b` (both local dates). */
export function daysBetween(a: string, b: string): number {
  return Math.round((naiveMs(b, "00:00") - naiveMs(a, "00:00")) / DAY_MS);
}

/** The local wall-clock end of a slot that lasts `minutes` of wall-clock time. */
export function addWallMinutes(date: string, time: string, minutes: number): { date: string; time: string } {
  const end = new Date(naiveMs(date, time) + minutes * 60_000).toISOString();
  return { date: end.slice(0, 10), time: end.slice(11, 16) };
}

/** A local date as a floating Date (UTC fields = local fields), the form rrule computes in. */
export function floating(date: string): Date {
  return new Date(naiveMs(date, "00:00"));
}

/** The local date of a floating Date produced by rrule. */
export function fromFloating(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/** An instant plus whole local days (keeps the wall-clock time). */
export function plusLocalDays(instant: Date, days: number, zone: string): Date {
  return DateTime.fromJSDate(instant, { zone }).plus({ days }).toJSDate();
}

/** Calendar-month arithmetic for billing periods, which Stripe anchors in UTC. */
export function plusUtcInterval(instant: Date, unit: "day" | "week" | "month" | "year", count: number): Date {
  return DateTime.fromJSDate(instant, { zone: "utc" })
    .plus({ [`${unit}s`]: count })
    .toJSDate();
}
