// Booking rows as reconcile, preview and edits read them back.
import { cachedStatement, fromDb, type Sqlite } from "@/lib/db/sqlite";
import type { SourceRef } from "@/lib/bookings/types";

export interface StoredBooking {
  id: number;
  bookingKey: string;
  sourceKind: string;
  sourceId: string | null;
  sourceLineId: string | null;
  clientStripeId: string | null;
  serviceCode: string;
  title: string;
  startAt: Date;
  endAt: Date;
  staffId: number | null;
  status: string;
  statusReason: string | null;
  ruleId: number | null;
  derivedStartAt: Date | null;
  derivedEndAt: Date | null;
  derivedStaffId: number | null;
  overrideStartAt: Date | null;
  overrideEndAt: Date | null;
  overrideStaffId: number | null;
  notes: string | null;
  sequence: number;
  /** A status staff set by hand; re-derivation keeps it. */
  overrideStatus: string | null;
  checkInAt: Date | null;
  checkOutAt: Date | null;
  updatedAt: Date;
}

type Ms = number | null;
export interface BookingRow {
  id: number;
  bookingKey: string;
  sourceKind: string;
  sourceId: string | null;
  sourceLineId: string | null;
  clientStripeId: string | null;
  serviceCode: string;
  title: string;
  startAt: number;
  endAt: number;
  staffId: number | null;
  status: string;
  statusReason: string | null;
  ruleId: number | null;
  derivedStartAt: Ms;
  derivedEndAt: Ms;
  derivedStaffId: number | null;
  overrideStartAt: Ms;
  overrideEndAt: Ms;
  overrideStaffId: number | null;
  notes: string | null;
  sequence: number;
  overrideStatus: string | null;
  checkInAt: Ms;
  checkOutAt: Ms;
  updatedAt: number;
}

export const bookingColumns = `id, bookingKey, sourceKind, sourceId, sourceLineId, clientStripeId, serviceCode, title,
  startAt, endAt, staffId, status, statusReason, ruleId, derivedStartAt, derivedEndAt, derivedStaffId,
  overrideStartAt, overrideEndAt, overrideStaffId, notes, sequence, overrideStatus, checkInAt, checkOutAt, updatedAt`;

export function toStoredBooking(row: BookingRow): StoredBooking {
  return {
    ...row,
    startAt: new Date(row.startAt),
    endAt: new Date(row.endAt),
    derivedStartAt: fromDb(row.derivedStartAt),
    derivedEndAt: fromDb(row.derivedEndAt),
    overrideStartAt: fromDb(row.overrideStartAt),
    overrideEndAt: fromDb(row.overrideEndAt),
    checkInAt: fromDb(row.checkInAt),
    checkOutAt: fromDb(row.checkOutAt),
    updatedAt: fromDb(row.updatedAt) ?? new Date(0),
  };
}

/** All bookings of the given sources in one query, grouped by `kind:stripeId`. */
export function loadStoredBookings(db: Sqlite, refs: SourceRef[]): Map<string, StoredBooking[]> {
  const grouped = new Map<string, StoredBooking[]>();
  if (refs.length === 0) return grouped;
  const wanted = new Set(refs.map((r) => `${r.kind}:${r.stripeId}`));
  const rows = cachedStatement(
    db,
    `SELECT ${bookingColumns} FROM Booking
       WHERE sourceKind IN ('subscription', 'invoice') AND sourceId IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify([...new Set(refs.map((r) => r.stripeId))])) as BookingRow[];
  for (const row of rows) {
    const key = `${row.sourceKind}:${row.sourceId}`;
    if (!wanted.has(key)) continue;
    const list = grouped.get(key);
    if (list) list.push(toStoredBooking(row));
    else grouped.set(key, [toStoredBooking(row)]);
  }
  return grouped;
}

export function getBooking(db: Sqlite, id: number): StoredBooking | null {
  const row = db.prepare(`SELECT ${bookingColumns} FROM Booking WHERE id = ?`).get(id) as
    BookingRow | undefined;
  return row ? toStoredBooking(row) : null;
}
