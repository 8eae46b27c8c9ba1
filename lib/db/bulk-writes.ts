// Bulk-write mode for one connection: many small write transactions in a row (a sync's pages,
// a benchmark's ingest) without SQLite's automatic checkpoints between them.
import type { Sqlite } from "@/lib/db/sqlite";

/**
 * WAL pages between automatic checkpoints during bulk writes (64 MB of 4 KB pages; SQLite's
 * default is 1,000). Each checkpoint copies the WAL into the database and syncs the file; a
 * sync writes a page of 100 objects every few ms, so with the default it checkpointed every
 * few pages, rewriting the same index pages each time: 1.6× the sync's wall time on a busy
 * disk (docs/BENCHMARKS.md). One checkpoint at the end instead, then the previous setting.
 */
export const BULK_WAL_AUTOCHECKPOINT = 16_384;

/**
 * Runs `work` (synchronous, or async: the setting holds until its promise settles) with
 * automatic checkpoints BULK_WAL_AUTOCHECKPOINT pages apart, then restores the connection's
 * own setting and checkpoints once, whether `work` succeeded or threw.
 */
export function withBulkWrites<T>(db: Sqlite, work: () => T): T {
  const previous = Number(db.pragma("wal_autocheckpoint", { simple: true }));
  db.pragma(`wal_autocheckpoint = ${BULK_WAL_AUTOCHECKPOINT}`);
  const restore = () => {
    db.pragma(`wal_autocheckpoint = ${previous}`);
    // PASSIVE: copies what no reader still needs, never waits for other connections.
    db.pragma("wal_checkpoint(PASSIVE)");
  };
  let result: T;
  try {
    result = work();
  } catch (error) {
    restore();
    throw error;
  }
  if (result instanceof Promise) return result.finally(restore) as T;
  restore();
  return result;
}
