// Bookings as /api/v1 shows them. Pages are keyset on the booking id (immutable): a walk that
// follows nextCursor sees every booking that matches exactly once, even while bookings are
// inserted or changed under it (a start-time key would move under a reschedule and skip or repeat).
// Raw SQL: the list is the API's hot path (bench/api-v1.bench.ts, 50,000 bookings).
import type { Sqlite } from "@/lib/db/sqlite";
import { fromDb } from "@/lib/db/sqlite";
import type { ApiBooking, BookingListQuery } from "@/lib/api/v1/schemas";
import { decodePosition, encodeCursor } from "@/lib/api/v1/cursor";

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

const instant = (text: string) => Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text);

/** One page of bookings matching the filters, restricted to `staffScope` when given. */
export function listApiBookings(
  db: Sqlite,
  query: BookingListQuery,
  staffScope: number | null,
): { data: ApiBooking[]; nextCursor: string | null } {
  const { cursor, limit, ...filters } = query;
  const scoped = { ...filters, scope: staffScope };
  const position = decodePosition(cursor, scoped);
  const after = position.after;
  const until =
    position.until ?? (db.prepare("SELECT coalesce(max(id), 0) AS n FROM Booking").get() as { n: number }).n;
  const where = ["b.id > @after", "b.id <= @until"];
  const args: Record<string, string | number> = { after, until, limit: limit + 1 };
  const add = (sql: string, name: string, value: string | number | undefined | null) => {
    if (value === undefined || value === null) return;
    where.push(sql);
    args[name] = value;
  };
  add("b.startAt >= @from", "from", filters.from ? instant(filters.from) : undefined);
  add("b.startAt < @to", "to", filters.to ? instant(filters.to) : undefined);
  add("b.staffId = @staffId", "staffId", filters.staffId);
  add("b.staffId = @scope", "scope", staffScope);
  add("b.clientStripeId = @clientId", "clientId", filters.clientId);
  add("b.status = @status", "status", filters.status);
  add(
    "(b.title LIKE @q ESCAPE '\\' OR c.name LIKE @q ESCAPE '\\' OR c.email LIKE @q ESCAPE '\\')",
    "q",
    filters.q ? `%${filters.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%` : undefined,
  );
  const rows = db
    .prepare(`${BOOKING_SELECT} WHERE ${where.join(" AND ")} ORDER BY b.id LIMIT @limit`)
    .all(args) as Row[];
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    data: page.map(toApiBooking),
    nextCursor: rows.length > limit && last ? encodeCursor({ after: last.id, until }, scoped) : null,
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
