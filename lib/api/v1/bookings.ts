// Bookings as /api/v1 shows them. Pages are keyset on the booking id (immutable) by default: a
// walk that follows nextCursor sees every booking that matches exactly once, even while bookings
// are inserted or changed under it. `sort=startAt` pages on (startAt, id) for "the next 50
// visits"; a reschedule during that walk may move a booking across the cursor (documented).
// Raw SQL: the list is the API's hot path (bench/api-v1.bench.ts, 50,000 bookings).
import type { Sqlite } from "@/lib/db/sqlite";
import { fromDb } from "@/lib/db/sqlite";
import {
  instantOf,
  type ApiBooking,
  type ApiExpandedBooking,
  type BookingListQuery,
} from "@/lib/api/v1/schemas";
import { decodePosition, encodeCursor } from "@/lib/api/v1/cursor";

/** `%text%` for LIKE … ESCAPE '\': the text's own `%`, `_` and backslash match themselves. */
export const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

interface Row {
  id: number;
  title: string;
  serviceCode: string;
  status: ApiBooking["status"];
  statusReason: string | null;
  startAt: number;
  endAt: number;
  staffId: number | null;
  clientStripeId: string | null;
  clientName: string | null;
  sourceKind: string;
  sourceId: string | null;
  sourceLineId: string | null;
  ruleId: number | null;
  notes: string | null;
  checkInAt: number | null;
  checkOutAt: number | null;
  overrideTime: number;
  overrideStaffId: number | null;
  overrideStatus: string | null;
  sequence: number;
  updatedAt: number;
}

export const BOOKING_SELECT = `SELECT b.id, b.title, b.serviceCode, b.status, b.statusReason, b.startAt, b.endAt, b.staffId,
  b.clientStripeId, coalesce(c.name, c.email) AS clientName, b.sourceKind, b.sourceId, b.sourceLineId, b.ruleId, b.notes,
  b.checkInAt, b.checkOutAt, (b.overrideStartAt IS NOT NULL OR b.overrideEndAt IS NOT NULL) AS overrideTime,
  b.overrideStaffId, b.overrideStatus, b.sequence, b.updatedAt
  FROM Booking b LEFT JOIN Client c ON c.stripeId = b.clientStripeId`;

const iso = (ms: number | null) => (ms === null ? null : (fromDb(ms) ?? new Date(0)).toISOString());

export function toApiBooking(row: Row): ApiBooking {
  const kind = row.sourceKind === "subscription" || row.sourceKind === "invoice" ? row.sourceKind : "manual";
  return {
    id: row.id,
    title: row.title,
    serviceCode: row.serviceCode,
    status: row.status,
    statusReason: row.statusReason,
    startAt: iso(row.startAt)!,
    endAt: iso(row.endAt)!,
    staffId: row.staffId,
    clientId: row.clientStripeId,
    clientName: row.clientName,
    source: { kind, id: row.sourceId, lineId: row.sourceLineId },
    ruleId: row.ruleId,
    notes: row.notes,
    checkInAt: iso(row.checkInAt),
    checkOutAt: iso(row.checkOutAt),
    overridden: {
      time: row.overrideTime === 1,
      staff: row.overrideStaffId !== null,
      status: row.overrideStatus !== null,
    },
    sequence: row.sequence,
    updatedAt: iso(row.updatedAt)!,
  };
}

type Expansions = NonNullable<BookingListQuery["expand"]>;

/** `expand=client,staff`: the related objects embedded in each booking, in two queries. */
export function expandBookings(db: Sqlite, bookings: ApiBooking[], expand: Expansions): ApiExpandedBooking[] {
  if (expand.length === 0) return bookings;
  const lookup = <T>(sql: string, ids: unknown[]) =>
    ids.length === 0 ? [] : (db.prepare(sql).all(JSON.stringify([...new Set(ids)])) as T[]);
  const clients = expand.includes("client")
    ? new Map(
        lookup<{ id: string; name: string | null; email: string | null; phone: string | null }>(
          "SELECT stripeId AS id, name, email, phone FROM Client WHERE stripeId IN (SELECT value FROM json_each(?))",
          bookings.flatMap((b) => (b.clientId ? [b.clientId] : [])),
        ).map((c) => [c.id, c]),
      )
    : undefined;
  const staff = expand.includes("staff")
    ? new Map(
        lookup<{ id: number; name: string; email: string | null; color: string; active: number }>(
          "SELECT id, name, email, color, active FROM Staff WHERE id IN (SELECT value FROM json_each(?))",
          bookings.flatMap((b) => (b.staffId !== null ? [b.staffId] : [])),
        ).map((s) => [s.id, { ...s, active: s.active === 1 }]),
      )
    : undefined;
  return bookings.map((booking) => ({
    ...booking,
    ...(clients ? { client: (booking.clientId && clients.get(booking.clientId)) || null } : {}),
    ...(staff ? { staff: (booking.staffId !== null && staff.get(booking.staffId)) || null } : {}),
  }));
}

/**
 * One page of bookings matching the filters, restricted to `staffScope` when given. Keyset:
 * on the id (default), or on (startAt, id) with `sort=startAt`.
 */
export function listApiBookings(
  db: Sqlite,
  query: BookingListQuery,
  staffScope: number | null,
): { data: ApiExpandedBooking[]; nextCursor: string | null; hasMore: boolean } {
  const { cursor, limit, expand, ...filters } = query;
  const scoped = { ...filters, scope: staffScope };
  const position = decodePosition(cursor, scoped);
  const after = position.after;
  const until =
    position.until ?? (db.prepare("SELECT coalesce(max(id), 0) AS n FROM Booking").get() as { n: number }).n;
  const byTime = filters.sort === "startAt";
  const where = ["b.id <= @until"];
  const args: Record<string, string | number> = { after, until, limit: limit + 1 };
  if (!byTime) where.push("b.id > @after");
  else if (position.at !== undefined) {
    where.push("(b.startAt > @at OR (b.startAt = @at AND b.id > @after))");
    args.at = position.at;
  }
  const add = (sql: string, name: string, value: string | number | undefined | null) => {
    if (value === undefined || value === null) return;
    where.push(sql);
    args[name] = value;
  };
  add("b.startAt >= @from", "from", filters.from ? instantOf(filters.from) : undefined);
  add("b.startAt < @to", "to", filters.to ? instantOf(filters.to) : undefined);
  add("b.staffId = @staffId", "staffId", filters.staffId);
  add("b.staffId = @scope", "scope", staffScope);
  add("b.clientStripeId = @clientId", "clientId", filters.clientId);
  add(
    "b.status IN (SELECT value FROM json_each(@status))",
    "status",
    filters.status ? JSON.stringify(filters.status) : undefined,
  );
  add(
    "(b.title LIKE @q ESCAPE '\\' OR c.name LIKE @q ESCAPE '\\' OR c.email LIKE @q ESCAPE '\\')",
    "q",
    filters.q ? likePattern(filters.q) : undefined,
  );
  const order = byTime ? "b.startAt, b.id" : "b.id";
  const rows = db
    .prepare(`${BOOKING_SELECT} WHERE ${where.join(" AND ")} ORDER BY ${order} LIMIT @limit`)
    .all(args) as Row[];
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const hasMore = rows.length > limit && last !== undefined;
  return {
    data: expandBookings(db, page.map(toApiBooking), expand ?? []),
    nextCursor: hasMore
      ? encodeCursor({ after: last.id, until, ...(byTime ? { at: last.startAt } : {}) }, scoped)
      : null,
    hasMore,
  };
}

/** One booking, or null when it does not exist or is outside `staffScope`. */
export function getApiBooking(db: Sqlite, id: number, staffScope: number | null): ApiBooking | null {
  const row = db.prepare(`${BOOKING_SELECT} WHERE b.id = ?`).get(id) as Row | undefined;
  if (!row || (staffScope !== null && row.staffId !== staffScope)) return null;
  return toApiBooking(row);
}

/** Bookings by id in one query (changes feed), keyed by id. */
export function apiBookingsById(db: Sqlite, ids: number[]): Map<number, ApiBooking> {
  if (ids.length === 0) return new Map();
  const rows = db
    .prepare(`${BOOKING_SELECT} WHERE b.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as Row[];
  return new Map(rows.map((row) => [row.id, toApiBooking(row)]));
}

/** Bookings in [from, to) not cancelled, soonest first (schedule, client page). */
export function apiBookingsBetween(
  db: Sqlite,
  range: { from: Date; to: Date | null; clientId?: string; staffScope: number | null; limit: number },
): ApiBooking[] {
  const rows = db
    .prepare(
      `${BOOKING_SELECT} WHERE b.startAt >= @from AND (@to IS NULL OR b.startAt < @to) AND b.status <> 'cancelled'
         AND (@clientId IS NULL OR b.clientStripeId = @clientId) AND (@scope IS NULL OR b.staffId = @scope)
       ORDER BY b.startAt, b.id LIMIT @limit`,
    )
    .all({
      from: range.from.getTime(),
      to: range.to?.getTime() ?? null,
      clientId: range.clientId ?? null,
      scope: range.staffScope,
      limit: range.limit,
    }) as Row[];
  return rows.map(toApiBooking);
}
