// Wall-clock arithmetic in the business time zone. Schedules are computed on local dates
// ("yyyy-MM-dd") and local times ("HH:mm"); only the final slot becomes a UTC instant, so a
// 09:00 walk stays at 09:00 across daylight-saving changes.
import { DateTime, IANAZone } from "luxon";

const DAY_MS = 86_400_000;

const validZones = new Set<string>();

/** Throws when the zone is not a valid IANA name, so a bad setting fails loudly. */
export function assertTimeZone(zone: string): void {
  if (validZones.has(zone)) return;
  if (!IANAZone.isValidZone(zone)) throw new Error(`Unknown time zone "${zone}" in settings.timeZone`);
  validZones.add(zone);
}

// Offsets only change at transitions, and every transition falls on a quarter hour (UTC),
// so one lookup per zone and quarter hour serves every instant in it.
const QUARTER_HOUR = 900_000;
const offsets = new Map<string, number>();
const CACHE_LIMIT = 200_000;

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

function offsetMinutes(epochMs: number, zone: string): number {
  const key = `${zone}|${Math.floor(epochMs / QUARTER_HOUR)}`;
  return offsets.get(key) ?? remember(offsets, key, DateTime.fromMillis(epochMs, { zone }).offset);
}

function naiveMs(date: string, time: string): number {
  const [y = 0, m = 1, d = 1] = date.split("-").map(Number);
  const [hh = 0, mm = 0] = time.split(":").map(Number);
  return Date.UTC(y, m - 1, d, hh, mm);
}

/**
 * The UTC instant of a wall-clock time given as "naive" epoch ms (local fields read as UTC).
 * A time skipped by a spring-forward gap moves forward by the gap (02:30 → 03:30); a time
 * repeated by a fall-back takes the first one.
 */
function wallToUtcMs(naive: number, zone: string): number {
  const before = offsetMinutes(naive - DAY_MS, zone);
  const after = offsetMinutes(naive + DAY_MS, zone);
  const candidates = before === after ? [before] : [before, after];
  const valid = candidates
    .map((offset) => naive - offset * 60_000)
    .filter((ms) => offsetMinutes(ms, zone) * 60_000 === naive - ms);
  // No valid candidate: the wall time falls in a gap; the pre-gap offset lands after it.
  return valid.length > 0 ? Math.min(...valid) : naive - before * 60_000;
}

const instants = new Map<string, number>();

/** The UTC instant of a local date and time in the zone (gaps shift forward, repeats take the first). */
export function localToUtc(date: string, time: string, zone: string): Date {
  const key = `${zone}|${date}T${time}`;
  return new Date(instants.get(key) ?? remember(instants, key, wallToUtcMs(naiveMs(date, time), zone)));
}

/** The local calendar date ("yyyy-MM-dd") of an instant. */
export function localDateOf(instant: Date, zone: string): string {
  const ms = instant.getTime();
  return new Date(ms + offsetMinutes(ms, zone) * 60_000).toISOString().slice(0, 10);
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

const slots = new Map<string, readonly [number, number]>();

/**
 * UTC start and end (epoch ms) of a slot starting at a local date and time and lasting
 * `minutes` of wall-clock time (an overnight stay ends at the same local hour across DST).
 */
export function localSlotMs(
  date: string,
  time: string,
  minutes: number,
  zone: string,
): readonly [number, number] {
  const key = `${zone}|${date}T${time}|${minutes}`;
  const hit = slots.get(key);
  if (hit) return hit;
  const naive = naiveMs(date, time);
  const start = localToUtc(date, time, zone).getTime();
  const wallEnd = wallToUtcMs(naive + minutes * 60_000, zone);
  return remember(slots, key, [start, wallEnd > start ? wallEnd : start + minutes * 60_000] as const);
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
  const ms = instant.getTime();
  return new Date(wallToUtcMs(ms + offsetMinutes(ms, zone) * 60_000 + days * DAY_MS, zone));
}

/** Calendar-month arithmetic for billing periods, which Stripe anchors in UTC. */
export function plusUtcInterval(instant: Date, unit: "day" | "week" | "month" | "year", count: number): Date {
  return DateTime.fromJSDate(instant, { zone: "utc" })
    .plus({ [`${unit}s`]: count })
    .toJSDate();
}
