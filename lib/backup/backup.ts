// Consistent online backups of the SQLite database: SQLite's own backup API (through
// better-sqlite3) copies a live database page by page while the app keeps writing, which a file
// copy cannot do safely in WAL mode. SQLite-specific by nature, so raw better-sqlite3 here.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export const BACKUP_PREFIX = "app-";
const BACKUP_NAME = /^app-\d{8}T\d{6}(\d{3})?Z\.db$/;

/** <data>/backups: where daily backups and replaced databases go. */
export function backupsDir(dataDir: string): string {
  return path.join(dataDir, "backups");
}

/** app-20261201T231500123Z.db — sorts by time, safe on every file system. */
export function backupFileName(now: Date): string {
  return `${BACKUP_PREFIX}${now.toISOString().replace(/[-:]/g, "").replace(".", "")}.db`;
}

/** Copies the live database to `dest` (a complete file appears only once the copy is whole). */
export async function backupDatabase(
  databaseFile: string,
  dest: string,
): Promise<{ file: string; bytes: number }> {
  mkdirSync(path.dirname(dest), { recursive: true });
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

/** Deletes all but the newest `keep` daily backups; returns the deleted files. */
export function pruneBackups(dir: string, keep: number): string[] {
  const all = listBackups(dir);
  const old = all.slice(0, Math.max(0, all.length - keep));
  for (const file of old) rmSync(file, { force: true });
  return old;
}

/** One scheduled backup: into <data>/backups, then keep the newest `keep`. */
export async function dailyBackup(input: {
  databaseFile: string;
  dataDir: string;
  keep: number;
  now: Date;
}): Promise<{ file: string; bytes: number; pruned: string[] }> {
  const dir = backupsDir(input.dataDir);
  const made = await backupDatabase(input.databaseFile, path.join(dir, backupFileName(input.now)));
  return { ...made, pruned: pruneBackups(dir, input.keep) };
}

/** Whether the newest backup is older than `intervalMs` (or there is none): a backup is due. */
export function backupDue(dataDir: string, intervalMs: number, now: Date): boolean {
  const latest = latestBackup(backupsDir(dataDir));
  if (!latest) return true;
  return now.getTime() - statSync(latest).mtimeMs >= intervalMs;
}
