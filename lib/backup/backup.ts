// Consistent online backups of the SQLite database: SQLite's own backup API (through
// better-sqlite3) copies a live database page by page while the app keeps writing, which a file
// copy cannot do safely in WAL mode. SQLite-specific by nature, so raw better-sqlite3 here.
// A copy counts as a backup only once it passed `PRAGMA integrity_check`: the backup API copies
// a damaged page as faithfully as a sound one, and a damaged "latest backup" is worse than none.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { makePrivate, PRIVATE_DIR_MODE } from "@/lib/private-files";

export const BACKUP_PREFIX = "app-";
const BACKUP_NAME = /^app-\d{8}T\d{6}(\d{3})?Z\.db$/;

/** The copy failed its integrity check: the database itself is damaged. No file was left. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

/** <data>/backups: where daily backups and replaced databases go. */
export function backupsDir(dataDir: string): string {
  return path.join(dataDir, "backups");
}

/** app-20261201T231500123Z.db — sorts by time, safe on every file system. */
export function backupFileName(now: Date): string {
  return `${BACKUP_PREFIX}${now.toISOString().replace(/[-:]/g, "").replace(".", "")}.db`;
}

/**
 * Makes `file` one self-contained file (rollback journal instead of WAL, so opening it later
 * leaves no -wal/-shm beside it) and runs the full integrity check. Returns the problem, if any.
 */
function sealAndCheck(file: string): string | undefined {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true });
    db.pragma("journal_mode = DELETE");
    const rows = db.pragma("integrity_check") as { integrity_check: string }[];
    const problems = rows.map((row) => row.integrity_check).filter((line) => line !== "ok");
    return problems.length === 0 ? undefined : problems.slice(0, 3).join("; ");
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    db?.close();
  }
}

/**
 * Copies the live database to `dest`: a complete, checked, private (0600) file appears only
 * once the copy is whole and sound. A copy that fails the check is removed and BackupError thrown.
 */
export async function backupDatabase(
  databaseFile: string,
  dest: string,
): Promise<{ file: string; bytes: number }> {
  // SQLite takes an empty file for a new database: its "backup" would be a sound, empty copy.
  if (statSync(databaseFile).size === 0) {
    throw new BackupError(`The database ${databaseFile} is empty (0 bytes): there is nothing to back up.`);
  }
  mkdirSync(path.dirname(dest), { recursive: true, mode: PRIVATE_DIR_MODE });
  const partial = `${dest}.partial`;
  rmSync(partial, { force: true });
  const db = new Database(databaseFile, { fileMustExist: true });
  try {
    await db.backup(partial);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }
  makePrivate(partial);
  const problem = sealAndCheck(partial);
  if (problem !== undefined) {
    for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(`${partial}${suffix}`, { force: true });
    throw new BackupError(
      `The copy of ${databaseFile} failed its integrity check (${problem}): the database itself is damaged. No backup was made, and the earlier backups are kept.`,
    );
  }
  renameSync(partial, dest);
  return { file: dest, bytes: statSync(dest).size };
}

/** The daily backups in `dir`, oldest first. */
export function listBackups(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => BACKUP_NAME.test(name))
      .sort()
      .map((name) => path.join(dir, name));
  } catch {
    return [];
  }
}

export function latestBackup(dir: string): string | undefined {
  return listBackups(dir).at(-1);
}

/**
 * Deletes all but the newest `keep` daily backups, never `verified` (the backup just made and
 * checked): a clock set back could name it older than the rest. Returns the deleted files.
 */
export function pruneBackups(dir: string, keep: number, verified: string): string[] {
  const all = listBackups(dir);
  if (!all.includes(verified)) return []; // no checked backup to fall back on: delete nothing
  const old = all.filter((file) => file !== verified).slice(0, Math.max(0, all.length - Math.max(keep, 1)));
  for (const file of old) rmSync(file, { force: true });
  return old;
}

/** One scheduled backup: into <data>/backups, checked, then keep the newest `keep`. */
export async function dailyBackup(input: {
  databaseFile: string;
  dataDir: string;
  keep: number;
  now: Date;
}): Promise<{ file: string; bytes: number; pruned: string[] }> {
  const dir = backupsDir(input.dataDir);
  // Throws before pruning when the copy is damaged: the older good backups stay.
  const made = await backupDatabase(input.databaseFile, path.join(dir, backupFileName(input.now)));
  return { ...made, pruned: pruneBackups(dir, input.keep, made.file) };
}

/** Whether the newest backup is older than `intervalMs` (or there is none): a backup is due. */
export function backupDue(dataDir: string, intervalMs: number, now: Date): boolean {
  const latest = latestBackup(backupsDir(dataDir));
  if (!latest) return true;
  return now.getTime() - statSync(latest).mtimeMs >= intervalMs;
}
