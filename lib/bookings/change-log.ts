// The changes feed's log (ChangeLog): every booking write moves the booking to the next `seq`.
// Booking inserts and updates are logged here by the writers themselves (reconcile, edits,
// series): a trigger on every booking row would cost more on a 180,000-booking rebuild. Booking
// deletions, client rows, and scope membership (ChangeScope: a booking assigned to a walker, a
// client they have bookings with) are logged by triggers (migration `change_feed_scopes`).
//
// Why a reader can never pass a number that a still-open transaction will commit below it:
// every number comes from the one-row ChangeCounter, bumped INSIDE the writing transaction. On
// SQLite a write transaction holds the database's single write lock from its first write (ours
// begin IMMEDIATE) until COMMIT, so transactions take numbers in the order they commit: when a
// reader sees seq n committed, every transaction that could still commit was not yet allowed to
// take a number, and will take one above n. Readers never see uncommitted rows (WAL snapshots).
//
// PostgreSQL would need more: transactions run concurrently there, and a SEQUENCE hands out
// numbers in call order, not commit order (T1 takes 10, T2 takes 11 and commits, a reader reads
// up to 11, then T1 commits 10 — skipped). Either keep this counter row (its UPDATE row-locks it,
// which serializes every writer of the log from the bump to COMMIT, as SQLite does), or store
// each row's transaction id (`pg_current_xact_id()`) and let readers read only rows of
// transactions older than their snapshot's `xmin` (`pg_snapshot_xmin(pg_current_snapshot())`),
// the approach of logical-replication readers. Never number rows with a plain SEQUENCE alone.
import { cachedStatement, toDb, type Sqlite } from "@/lib/db/sqlite";
import { wakeChangeStreams } from "@/lib/api/v1/changes-notify";

/** Returns `log(bookingId, now)`; call inside the transaction that wrote the booking. */
export function bookingChangeLogger(db: Sqlite): (bookingId: number, now: Date) => void {
  const bump = cachedStatement(db, "UPDATE ChangeCounter SET seq = seq + 1 WHERE id = 1 RETURNING seq");
  const drop = cachedStatement(db, "DELETE FROM ChangeLog WHERE entity = 'booking' AND entityId = ?");
  const add = cachedStatement(
    db,
    "INSERT INTO ChangeLog (seq, entity, entityId, op, at) VALUES (?, 'booking', ?, 'upsert', ?)",
  );
  return (bookingId, now) => {
    const { seq } = bump.get() as { seq: number };
    drop.run(bookingId);
    add.run(seq, bookingId, toDb(now));
    wakeChangeStreams();
  };
}

/** The newest sequence number handed out (committed, when read outside a write transaction). */
export function lastChangeSeq(db: Sqlite): number {
  const row = cachedStatement(db, "SELECT seq FROM ChangeCounter WHERE id = 1").get() as
    { seq: number } | undefined;
  return row?.seq ?? 0;
}
