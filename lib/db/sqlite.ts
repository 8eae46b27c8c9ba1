// Raw better-sqlite3 connections for the hot paths (ingest, reconcile, feeds): prepared
// statements inside one synchronous transaction are an order of magnitude faster than a
// query builder round trip per row. Prisma (lib/db/prisma.ts) serves everything else; both
// open the same file in WAL mode, and time values are stored the same way (epoch ms).
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { config } from "@/lib/config";
import { makePrivate, PRIVATE_DIR_MODE } from "@/lib/private-files";

export type Sqlite = Database.Database;

/** How long a writer waits for another writer's lock before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * WAL pages before a connection checkpoints in its own COMMIT while a background checkpointer
 * runs (lib/db/checkpointer.ts): only a safety net then, for when the thread cannot keep up.
 */
const SAFETY_NET_AUTOCHECKPOINT = 10_000;

const globalForSqlite = globalThis as unknown as {
  sqlite?: Sqlite;
  sqliteFile?: string;
  backgroundCheckpoints?: boolean;
};

/**
 * Declares that a checkpoint thread runs in this process (server/serve.ts): connections opened
 * afterwards leave checkpoints to it. Process-wide (globalThis), so it reaches Next's bundle.
 */
export function enableBackgroundCheckpoints(): void {
  globalForSqlite.backgroundCheckpoints = true;
  // The process-wide connection may already be open (start-up work): it follows too.
  globalForSqlite.sqlite?.pragma(`wal_autocheckpoint = ${SAFETY_NET_AUTOCHECKPOINT}`);
}

/** Whether a checkpoint thread runs in this process (`enableBackgroundCheckpoints`). */
export function backgroundCheckpointsEnabled(): boolean {
  return globalForSqlite.backgroundCheckpoints === true;
}

/** Opens a connection with the pragmas every connection of this app uses. */
export function openSqlite(file: string): Sqlite {
  if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true, mode: PRIVATE_DIR_MODE });
  const db = new Database(file);
  // Before the first write creates -wal/-shm: SQLite gives them the database file's mode.
  if (file !== ":memory:") makePrivate(file);
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  if (globalForSqlite.backgroundCheckpoints) db.pragma(`wal_autocheckpoint = ${SAFETY_NET_AUTOCHECKPOINT}`);
  return db;
}

/** The process-wide connection to the configured database file. */
export function sqlite(): Sqlite {
  const file = config().databaseFile;
  if (!globalForSqlite.sqlite || globalForSqlite.sqliteFile !== file) {
    globalForSqlite.sqlite?.close();
    globalForSqlite.sqlite = openSqlite(file);
    globalForSqlite.sqliteFile = file;
  }
  return globalForSqlite.sqlite;
}

const statementCache = new WeakMap<Sqlite, Map<string, Database.Statement>>();

/**
 * The statement for `sql`, compiled once per connection. Compiling costs ~50–150 µs; the
 * reconcile path runs a dozen statements per webhook batch, which made compiling a third of a
 * small batch's fixed cost. Only for `get`/`all`/`run`: a statement being iterated is busy.
 */
export function cachedStatement<P extends unknown[] | object = unknown[], R = unknown>(
  db: Sqlite,
  sql: string,
): Database.Statement<P, R> {
  let cache = statementCache.get(db);
  if (!cache) statementCache.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare(sql)));
  return statement as Database.Statement<P, R>;
}

export function closeSqlite(): void {
  globalForSqlite.sqlite?.close();
  globalForSqlite.sqlite = undefined;
}

/** Epoch milliseconds, the storage format of every DateTime column. */
export function toDb(date: Date | null | undefined): number | null {
  return date ? date.getTime() : null;
}

export function fromDb(value: number | string | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  return new Date(typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value);
}
