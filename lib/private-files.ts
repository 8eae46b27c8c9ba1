// Secrets at rest: the data folder holds the database (customers, sessions, token hashes), its
// backups, logs with names and e-mail addresses, and the auth secret. Only the account that
// runs the app may read any of it: folders 0700, files 0600. POSIX modes only (Windows keeps
// the per-user ACL of %LOCALAPPDATA%).
import { chmodSync, lstatSync, readdirSync } from "node:fs";
import path from "node:path";

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

const posix = process.platform !== "win32";

/**
 * Everything this process creates from now on is private. A umask, not a chmod after the fact:
 * SQLite creates the database (through the migration engine), its -wal/-shm and backup copies
 * itself, and gives -wal/-shm the database file's mode, so there is no moment to chmod in.
 */
export function makeNewFilesPrivate(): void {
  if (posix) process.umask(0o077);
}

/** Sets `file` to 0600 (0700 for a folder) if it is wider; returns whether it changed anything. */
export function makePrivate(file: string): boolean {
  if (!posix) return false;
  let stat;
  try {
    stat = lstatSync(file);
  } catch {
    return false; // gone (a -shm removed at close) or never made
  }
  if (stat.isSymbolicLink()) return false; // its target is not ours to change
  const want = stat.isDirectory() ? PRIVATE_DIR_MODE : PRIVATE_FILE_MODE;
  if ((stat.mode & 0o777) === want) return false;
  try {
    chmodSync(file, want);
    return true;
  } catch {
    return false; // another user's file (EPERM): nothing this process can do about it
  }
}

/**
 * Tightens a data folder made by an older version (0755 folders, 0644 files): the folder, the
 * files in it, and the folders and files of its `backups/` and `logs/`. Not deeper and not
 * elsewhere: DATA_DIR may point at a folder that holds other things. Returns what changed.
 */
export function tightenDataFolder(dataDir: string): string[] {
  const changed: string[] = [];
  const visit = (dir: string, depth: number) => {
    if (makePrivate(dir)) changed.push(dir);
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const entry = path.join(dir, name);
      let isDir = false;
      try {
        isDir = lstatSync(entry).isDirectory();
      } catch {
        continue;
      }
      if (isDir) {
        if (depth === 0 && (name === "backups" || name === "logs")) visit(entry, depth + 1);
      } else if (makePrivate(entry)) changed.push(entry);
    }
  };
  if (posix) visit(dataDir, 0);
  return changed;
}
