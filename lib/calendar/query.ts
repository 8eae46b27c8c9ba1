// The bookings a calendar shows: one joined query for the rows, one aggregate for their
// version. Both use the same filter so the version changes whenever the rows would.
import { DateTime, IANAZone } from "luxon";
import { z } from "zod";
import { bookingStatuses } from "@/lib/bookings/types";
import type { Sqlite } from "@/lib/db/sqlite";

/** Which bookings: all (empty filter), one staff member's, one client's, or both at once. */
export const bookingFilterSchema = z.object({
  staffId: z.number().int().positive().optional(),
  clientStripeId: z.string().min(1).optional(),
});
export type BookingFilter = z.infer<typeof bookingFilterSchema>;

/** Half-open instant range [from, to) matched against Booking.startAt. */
export interface TimeWindow {
  from: Date;
  to: Date;
}

/** A feed's window plus the local day it was computed for (part of the feed's ETag). */
export interface FeedWindow extends TimeWindow {
  /** `YYYY-MM-DD` of `now` in the business zone. */
  day: string;
  /** The instant that local day began: the window last moved then. */
  dayStart: Date;
}

const epochMs = z.coerce.number().int();

const calendarBookingSchema = z
  .object({
    id: z.number().int(),
    bookingKey: z.string(),
    clientStripeId: z.string().nullable(),
    clientName: z.string().nullable(),
    clientEmail: z.string().nullable(),
    serviceCode: z.string(),
    title: z.string(),
    startAt: epochMs,
    endAt: epochMs,
    staffId: z.number().int().nullable(),
    staffName: z.string().nullable(),
    status: z.enum(bookingStatuses),
    statusReason: z.string().nullable(),
    sourceKind: z.string(),
    sourceId: z.string().nullable(),
    sequence: z.number().int(),
    updatedAt: epochMs,
  })
  .transform((row) => ({
    ...row,
    startAt: new Date(row.startAt),
    endAt: new Date(row.endAt),
    updatedAt: new Date(row.updatedAt),
  }));
export type CalendarBooking = z.output<typeof calendarBookingSchema>;

const versionSchema = z.object({
  maxUpdatedAt: epochMs.nullable(),
  count: z.number().int(),
  sequenceSum: z.number().int(),
});
/** Changes whenever a booking in the filter is added, removed, moved, edited or leaves the window. */
export type BookingsVersion = z.infer<typeof versionSchema>;

/** An IANA zone name Luxon and Intl understand; anything else falls back to UTC. */
export function usableZone(timeZone: string): string {
  return IANAZone.isValidZone(timeZone) ? timeZone : "UTC";
}

/** The feed window: whole local days from `pastDays` before today to `futureDays` after, stable within a day. */
export function feedWindow(
  now: Date,
  settings: { timeZone: string; feedPastDays: number; feedFutureDays: number },
): FeedWindow {
  const today = DateTime.fromJSDate(now, { zone: usableZone(settings.timeZone) }).startOf("day");
  return {
    from: today.minus({ days: settings.feedPastDays }).toJSDate(),
    to: today.plus({ days: settings.feedFutureDays + 1 }).toJSDate(),
    day: today.toISODate() ?? "",
    dayStart: today.toJSDate(),
  };
}

/** Local calendar days [fromDay, toDay] (inclusive, `YYYY-MM-DD`) as an instant window. */
export function dayRangeWindow(fromDay: string, toDay: string, timeZone: string): TimeWindow {
  const zone = usableZone(timeZone);
  const from = DateTime.fromISO(fromDay, { zone }).startOf("day");
  const to = DateTime.fromISO(toDay, { zone }).startOf("day").plus({ days: 1 });
  if (!from.isValid || !to.isValid) throw new RangeError("Dates must be real days written YYYY-MM-DD.");
  return { from: from.toJSDate(), to: to.toJSDate() };
}

// Each shape of filter leads with the column of an existing index: (staffId, startAt),
// (clientStripeId, startAt) or (startAt).
function whereClause(filter: BookingFilter): { sql: string; params: Record<string, string | number> } {
  const parts = ["b.startAt >= @from", "b.startAt < @to"];
  const params: Record<string, string | number> = {};
  if (filter.staffId !== undefined) {
    parts.push("b.staffId = @staffId");
    params.staffId = filter.staffId;
  }
  if (filter.clientStripeId !== undefined) {
    parts.push("b.clientStripeId = @clientStripeId");
    params.clientStripeId = filter.clientStripeId;
  }
  return { sql: parts.join(" AND "), params };
}

/** The two statements (rows, version) and their named parameters for a filter and window. */
export function calendarQueries(filter: BookingFilter, window: TimeWindow) {
  const where = whereClause(filter);
  return {
    rows: `SELECT b.id, b.bookingKey, b.clientStripeId, c.name AS clientName, c.email AS clientEmail,
              b.serviceCode, b.title, b.startAt, b.endAt, b.staffId, s.name AS staffName, b.status,
              b.statusReason, b.sourceKind, b.sourceId, b.sequence, b.updatedAt
         FROM Booking b
         LEFT JOIN Client c ON c.stripeId = b.clientStripeId
         LEFT JOIN Staff s ON s.id = b.staffId
        WHERE ${where.sql}
        ORDER BY b.startAt, b.id`,
    version: `SELECT max(b.updatedAt) AS maxUpdatedAt, count(*) AS count, coalesce(sum(b.sequence), 0) AS sequenceSum
         FROM Booking b
        WHERE ${where.sql}`,
    params: { ...where.params, from: window.from.getTime(), to: window.to.getTime() },
  };
}

/** The bookings of the filter starting inside the window, ordered by start then id, with client and staff names. */
export function loadCalendarBookings(
  db: Sqlite,
  filter: BookingFilter,
  window: TimeWindow,
): CalendarBooking[] {
  const query = calendarQueries(filter, window);
  return db
    .prepare(query.rows)
    .all(query.params)
    .map((row) => calendarBookingSchema.parse(row));
}

/** Booking ids in the order a calendar writes them, each with a stamp of what its event shows. */
export interface EventStamp {
  id: number;
  startAt: number;
  key: string;
  sequence: number;
  stamp: string;
  /** When a cancelled booking was cancelled (its last write); null while it is not cancelled. */
  cancelledAt: number | null;
}

const stampText = (value: unknown) => (value === null || value === undefined ? "\u0001" : String(value));

function stampString(updatedAt: number, sequence: number, status: string, names: readonly unknown[]): string {
  // NUL cannot occur in a name the feed writes (control characters are stripped from TEXT).
  return `${updatedAt}\0${sequence}\0${status}\0${names.map(stampText).join("\0")}`;
}

/** The stamp of a loaded row: equal to calendarStamps' for the same row. */
export function stampOf(booking: CalendarBooking): Omit<EventStamp, "id"> {
  return {
    startAt: booking.startAt.getTime(),
    key: booking.bookingKey,
    sequence: booking.sequence,
    cancelledAt: booking.status === "cancelled" ? booking.updatedAt.getTime() : null,
    stamp: stampString(booking.updatedAt.getTime(), booking.sequence, booking.status, [
      booking.clientName,
      booking.clientEmail,
      booking.staffName,
    ]),
  };
}

/**
 * The stamps of the filter's bookings in the window, ordered by start then booking key (the
 * written order). A stamp holds what can change an event without the rest of its row being
 * read: the booking's updatedAt and sequence (every write of a booking sets updatedAt — the
 * feed's ETag relies on it too), its status, and the client and staff names it shows.
 */
export function calendarStamps(db: Sqlite, filter: BookingFilter, window: TimeWindow): EventStamp[] {
  const where = whereClause(filter);
  const rows = db
    .prepare(
      `SELECT b.id, b.startAt, b.bookingKey, b.updatedAt, b.sequence, b.status, c.name, c.email, s.name
         FROM Booking b
         LEFT JOIN Client c ON c.stripeId = b.clientStripeId
         LEFT JOIN Staff s ON s.id = b.staffId
        WHERE ${where.sql}
        ORDER BY b.startAt, b.bookingKey`,
    )
    .raw()
    .all({ ...where.params, from: window.from.getTime(), to: window.to.getTime() }) as unknown[][];
  // The feed's hot path (20,000 rows): a plain shape check instead of a schema parse per row.
  return rows.map((row) => {
    const [id, startAt, key, updatedAt, sequence, status] = row;
    if (
      typeof id !== "number" ||
      typeof startAt !== "number" ||
      typeof key !== "string" ||
      typeof updatedAt !== "number" ||
      typeof sequence !== "number" ||
      typeof status !== "string"
    )
      throw new TypeError("bad booking stamp row");
    return {
      id,
      startAt,
      key,
      sequence,
      cancelledAt: status === "cancelled" ? updatedAt : null,
      stamp: stampString(updatedAt, sequence, status, row.slice(6)),
    };
  });
}

/** Calendar rows of the filter in the window written at or after `sinceMs` (the covering index finds them). */
export function loadCalendarBookingsWrittenSince(
  db: Sqlite,
  filter: BookingFilter,
  window: TimeWindow,
  sinceMs: number,
): CalendarBooking[] {
  const query = calendarQueries(filter, window);
  const sql = query.rows.replace("ORDER BY", "AND b.updatedAt >= @since\n        ORDER BY");
  return db
    .prepare(sql)
    .all({ ...query.params, since: sinceMs })
    .map((row) => calendarBookingSchema.parse(row));
}

/** Calendar rows of the given booking ids (any order), with client and staff names. */
export function loadCalendarBookingsById(db: Sqlite, ids: readonly number[]): CalendarBooking[] {
  const out: CalendarBooking[] = [];
  const base = calendarQueries({}, { from: new Date(0), to: new Date(0) }).rows;
  const select = base.slice(0, base.indexOf("WHERE"));
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = db.prepare(`${select} WHERE b.id IN (${chunk.map(() => "?").join(",")})`).all(...chunk);
    for (const row of rows) out.push(calendarBookingSchema.parse(row));
  }
  return out;
}

/** A cheap fingerprint of what loadCalendarBookings would return for the same arguments (booking rows only). */
export function bookingsVersion(db: Sqlite, filter: BookingFilter, window: TimeWindow): BookingsVersion {
  const query = calendarQueries(filter, window);
  return versionSchema.parse(db.prepare(query.version).get(query.params));
}

/** Thrown when a filter names a staff member or client that does not exist. */
export class UnknownTargetError extends Error {
  constructor(
    public readonly field: "staffId" | "clientStripeId",
    message: string,
  ) {
    super(message);
    this.name = "UnknownTargetError";
  }
}

/** Throws UnknownTargetError unless every id in the filter names an existing staff member / live client. */
export function assertFilterTargetsExist(db: Sqlite, filter: BookingFilter): void {
  if (filter.staffId !== undefined) {
    const staff = db.prepare("SELECT 1 FROM Staff WHERE id = ?").get(filter.staffId);
    if (!staff) throw new UnknownTargetError("staffId", `No staff member has id ${filter.staffId}.`);
  }
  if (filter.clientStripeId !== undefined) {
    const client = db
      .prepare("SELECT 1 FROM Client WHERE stripeId = ? AND deleted = 0")
      .get(filter.clientStripeId);
    if (!client) {
      throw new UnknownTargetError("clientStripeId", `No client has Stripe id ${filter.clientStripeId}.`);
    }
  }
}
