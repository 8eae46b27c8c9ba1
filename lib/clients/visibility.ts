// Who sees a client's file, as pure functions of the viewer, their own visits with that client,
// the instant and the business time zone. Owner: everything. A walker (staff account linked to a
// Staff row): the file (address, pets, emergency contact) while they have a non-cancelled visit
// with the client from yesterday to 14 days ahead, and the access notes only for a visit on a
// local day within today ± 1. An unlinked staff account: nothing.
import { DateTime } from "luxon";

/** Local days around today in which a walker's visit shows them the file / the access notes. */
export const FILE_WINDOW = { fromDay: -1, toDay: 14 } as const;
export const ACCESS_WINDOW = { fromDay: -1, toDay: 1 } as const;

export interface Viewer {
  role: "owner" | "staff";
  staffId: number | null;
}

export interface Visit {
  startAt: Date;
  status: string;
}

export interface FileVisibility {
  /** Address, pets, emergency contact. */
  file: boolean;
  /** Access notes may be revealed. */
  access: boolean;
  /** May change the file (the owner only). */
  edit: boolean;
}

/** Local calendar days from `now`'s day to `at`'s day in `zone` (yesterday: -1). */
export function localDayOffset(at: Date, now: Date, zone: string): number {
  const day = DateTime.fromJSDate(at, { zone }).startOf("day");
  const today = DateTime.fromJSDate(now, { zone }).startOf("day");
  // Whole calendar days, whatever the DST shifts in between: compare the dates, not the hours.
  return Math.round(
    DateTime.fromISO(day.toISODate() ?? "", { zone: "utc" })
      .diff(DateTime.fromISO(today.toISODate() ?? "", { zone: "utc" }), "days")
      .as("days"),
  );
}

/** [from, to) instants covering the file window's local days: the only visits worth loading. */
export function fileWindowRange(now: Date, zone: string): { from: Date; to: Date } {
  const today = DateTime.fromJSDate(now, { zone }).startOf("day");
  return {
    from: today.plus({ days: FILE_WINDOW.fromDay }).toJSDate(),
    to: today.plus({ days: FILE_WINDOW.toDay + 1 }).toJSDate(),
  };
}

/** What `viewer` may see of a client, given `visits`: the viewer's own visits with that client. */
export function fileVisibility(viewer: Viewer, visits: Visit[], now: Date, zone: string): FileVisibility {
  if (viewer.role === "owner") return { file: true, access: true, edit: true };
  if (viewer.staffId === null) return { file: false, access: false, edit: false };
  const offsets = visits
    .filter((visit) => visit.status !== "cancelled")
    .map((visit) => localDayOffset(visit.startAt, now, zone));
  const within = (window: { fromDay: number; toDay: number }) =>
    offsets.some((offset) => offset >= window.fromDay && offset <= window.toDay);
  return { file: within(FILE_WINDOW), access: within(ACCESS_WINDOW), edit: false };
}
