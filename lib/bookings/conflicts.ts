// Double-booked staff: two live bookings of one staff member whose times overlap.
import { toDb, type Sqlite } from "@/lib/db/sqlite";

export interface ConflictSide {
  id: number;
  title: string;
  startAt: Date;
  endAt: Date;
  status: string;
}

export interface StaffConflict {
  staffId: number;
  staffName: string;
  /** `a` starts first (ties broken by id). */
  a: ConflictSide;
  b: ConflictSide;
}

interface ConflictRow {
  staffId: number;
  staffName: string;
  aId: number;
  aTitle: string;
  aStart: number;
  aEnd: number;
  aStatus: string;
  bId: number;
  bTitle: string;
  bStart: number;
  bEnd: number;
  bStatus: string;
}

// `b` is looked up by the (staffId, startAt) index in [a.startAt, a.endAt): every overlapping
// pair is found exactly once, from the booking that starts first.
const conflictSql = `
  SELECT a.staffId AS staffId, s.name AS staffName,
         a.id AS aId, a.title AS aTitle, a.startAt AS aStart, a.endAt AS aEnd, a.status AS aStatus,
         b.id AS bId, b.title AS bTitle, b.startAt AS bStart, b.endAt AS bEnd, b.status AS bStatus
  FROM Booking a
  JOIN Booking b ON b.staffId = a.staffId AND b.startAt >= a.startAt AND b.startAt < a.endAt
                 AND (b.startAt > a.startAt OR b.id > a.id)
  JOIN Staff s ON s.id = a.staffId
  WHERE a.staffId IS NOT NULL AND a.status != 'cancelled' AND b.status != 'cancelled'
    AND a.endAt > @from AND a.startAt < @to AND b.endAt > @from AND b.startAt < @to
  ORDER BY a.startAt, a.id, b.id`;

/** Every pair of overlapping non-cancelled bookings of the same staff member within [from, to). */
export function findStaffConflicts(db: Sqlite, range: { from: Date; to: Date }): StaffConflict[] {
  const rows = db.prepare(conflictSql).all({ from: toDb(range.from), to: toDb(range.to) }) as ConflictRow[];
  return rows.map((row) => ({
    staffId: row.staffId,
    staffName: row.staffName,
    a: {
      id: row.aId,
      title: row.aTitle,
      startAt: new Date(row.aStart),
      endAt: new Date(row.aEnd),
      status: row.aStatus,
    },
    b: {
      id: row.bId,
      title: row.bTitle,
      startAt: new Date(row.bStart),
      endAt: new Date(row.bEnd),
      status: row.bStatus,
    },
  }));
}
