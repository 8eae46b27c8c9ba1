// Dates as the screens show and read them: in the business time zone, "Mon 7 Dec, 09:00–10:00".
// Pure functions of (instant, zone); luxon does the zone arithmetic.
import { DateTime } from "luxon";
import { z } from "zod";

export const localDateSchema = z.iso.date();
export const localTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be HH:mm");

/** The local calendar date (yyyy-MM-dd) of an instant. */
export function localDate(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toISODate() ?? "";
}

export function localTime(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toFormat("HH:mm");
}

/** The instant of a local date and time (a gap in a DST change moves forward, as luxon does). */
export function fromLocal(date: string, time: string, zone: string): Date {
  const dt = DateTime.fromISO(`${date}T${time}`, { zone });
  if (!dt.isValid) throw new Error(`Invalid local date/time ${date} ${time}`);
  return dt.toJSDate();
}

export type View = "day" | "week";

/** [from, to) of the local day, or of the Monday-to-Sunday week, containing `date`. */
export function viewRange(date: string, view: View, zone: string): { from: Date; to: Date; days: string[] } {
  const day = DateTime.fromISO(date, { zone }).startOf("day");
  const start = view === "day" ? day : day.startOf("week");
  const count = view === "day" ? 1 : 7;
  const days = Array.from({ length: count }, (_, i) => start.plus({ days: i }).toISODate() ?? "");
  return { from: start.toJSDate(), to: start.plus({ days: count }).toJSDate(), days };
}

export function shiftDate(date: string, view: View, steps: number): string {
  return (
    DateTime.fromISO(date)
      .plus(view === "day" ? { days: steps } : { weeks: steps })
      .toISODate() ?? date
  );
}

/** "Mon 7 Dec" */
export function formatDay(date: string): string {
  return DateTime.fromISO(date).setLocale("en-GB").toFormat("ccc d LLL");
}

/** "Mon 7 Dec, 09:00–10:00" in the zone. */
export function formatWhen(start: Date, end: Date, zone: string): string {
  const s = DateTime.fromJSDate(start, { zone }).setLocale("en-GB");
  const e = DateTime.fromJSDate(end, { zone });
  const sameDay = s.hasSame(e, "day");
  return `${s.toFormat("ccc d LLL, HH:mm")}–${sameDay ? e.toFormat("HH:mm") : e.setLocale("en-GB").toFormat("ccc d LLL, HH:mm")}`;
}

export function formatTimeRange(start: Date, end: Date, zone: string): string {
  return `${localTime(start, zone)}–${localTime(end, zone)}`;
}

/** "7 Dec 2026, 14:03" for history and audit lines. */
export function formatStamp(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).setLocale("en-GB").toFormat("d LLL yyyy, HH:mm");
}

export function formatDate(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).setLocale("en-GB").toFormat("d LLL yyyy");
}
