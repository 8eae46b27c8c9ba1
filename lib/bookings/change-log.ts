// The changes feed's log (ChangeLog): every booking write moves the booking to the next `seq`.
// Booking inserts and updates are logged here by the writers themselves (reconcile, edits):
// a SQLite trigger would cost ~30 µs per row on a 180,000-booking rebuild whatever it does.
// Deletions of bookings and every client change are logged by triggers (rare, or written by
// ingest's own code); see the migration `api_v1_booking_edits`.
import { cachedStatement, toDb, type Sqlite } from "@/lib/db/sqlite";

/** Returns `log(bookingId, now)`; call inside the transaction that wrote the booking. */
export function bookingChangeLogger(db: Sqlite): (bookingId: number, now: Date) => void {
  const drop = cachedStatement(db, "DELETE FROM ChangeLog WHERE entity = 'booking' AND entityId = ?");
  const add = cachedStatement(
    db,
    `INSERT INTO ChangeLog (seq, entity, entityId, op, at)
     VALUES ((SELECT coalesce(max(seq), 0) + 1 FROM ChangeLog), 'booking', ?, 'upsert', ?)`,
  );
  return (bookingId, now) => {
    drop.run(bookingId);
    add.run(bookingId, toDb(now));
  };
}
