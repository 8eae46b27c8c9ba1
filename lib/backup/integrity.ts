// The quick integrity check at start: `PRAGMA quick_check` reads every page of the database in
// a fraction of a full check's time. A damaged, empty or unreadable file stops start-up with a
// message naming the latest sound backup and the command that restores it, as it can be run.
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { backupsDir, listBackups } from "@/lib/backup/backup";

export type Integrity = { ok: true } | { ok: false; problem: string };

/**
 * Only a missing file is a first start (a start creates it). An empty file is not: SQLite
 * would take it for a new database, and the owner's data would silently become a demo.
 */
function check(databaseFile: string, pragma: "quick_check" | undefined): Integrity {
  if (!existsSync(databaseFile)) return { ok: true };
  let db: Database.Database | undefined;
  try {
    if (statSync(databaseFile).size === 0) return { ok: false, problem: "the file is empty (0 bytes)" };
    db = new Database(databaseFile, { readonly: true, fileMustExist: true });
    if (pragma === undefined) {
      // Reading the schema proves the file is a database this account can read.
      db.prepare("SELECT count(*) FROM sqlite_master").get();
      return { ok: true };
    }
    const rows = db.pragma(pragma) as { quick_check: string }[];
    const problems = rows.map((row) => row.quick_check).filter((line) => line !== "ok");
    return problems.length === 0 ? { ok: true } : { ok: false, problem: problems.slice(0, 3).join("; ") };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  } finally {
    db?.close();
  }
}

/** Every page read (`PRAGMA quick_check`): at server start and on a file to restore. */
export function quickCheck(databaseFile: string): Integrity {
  return check(databaseFile, "quick_check");
}

/** Cheap enough for every CLI command: the file, if there, is a readable, non-empty database. */
export function openCheck(databaseFile: string): Integrity {
  return check(databaseFile, undefined);
}

/** The newest backup in <data>/backups that passes the quick check (one made before checks may not). */
export function latestGoodBackup(dataDir: string): string | undefined {
  return listBackups(backupsDir(dataDir))
    .reverse()
    .find((file) => quickCheck(file).ok);
}

/** DATA_DIR and DATABASE_URL as set, made absolute (the command may run from another folder). */
function settingsOf(appRoot: string, env: Record<string, string | undefined>): [string, string][] {
  const set: [string, string][] = [];
  if (env.DATA_DIR) set.push(["DATA_DIR", path.resolve(appRoot, env.DATA_DIR)]);
  if (env.DATABASE_URL)
    set.push(["DATABASE_URL", `file:${path.resolve(appRoot, env.DATABASE_URL.replace(/^file:/, ""))}`]);
  return set;
}

const posixQuote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/**
 * The restore command for `file`, as it runs when pasted into a terminal anywhere: the start
 * script by its full path (`./run` or the package's `stripe-bookings cli`), with DATA_DIR and
 * DATABASE_URL when they were set, so it restores this database and not the default one.
 */
export function restoreCommand(
  input: { file: string; appRoot: string; packaged: boolean },
  env: Record<string, string | undefined> = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (platform === "win32") {
    const script = input.packaged
      ? `"${path.join(path.dirname(input.appRoot), "stripe-bookings.cmd")}" cli restore`
      : `"${path.join(input.appRoot, "run")}" restore`;
    const sets = settingsOf(input.appRoot, env).map(([key, value]) => `set "${key}=${value}" && `);
    return `${sets.join("")}${script} "${input.file}"`;
  }
  const script = input.packaged
    ? `${posixQuote(path.join(path.dirname(input.appRoot), "stripe-bookings"))} cli restore`
    : `${posixQuote(path.join(input.appRoot, "run"))} restore`;
  const sets = settingsOf(input.appRoot, env).map(([key, value]) => `${key}=${posixQuote(value)} `);
  return `${sets.join("")}${script} ${posixQuote(input.file)}`;
}

/** What to tell the person whose database is damaged, empty or unreadable: which backup, and the command. */
export function damagedDatabaseMessage(input: {
  databaseFile: string;
  dataDir: string;
  appRoot: string;
  packaged: boolean;
  problem: string;
}): string {
  const latest = latestGoodBackup(input.dataDir);
  const lines = [
    `The database ${input.databaseFile} cannot be used (${input.problem}).`,
    "Nothing was changed: it was not replaced by a new, empty database.",
  ];
  if (latest) {
    lines.push(
      `The latest sound backup is ${latest}. Restore it with:`,
      `  ${restoreCommand({ file: latest, appRoot: input.appRoot, packaged: input.packaged })}`,
    );
  } else {
    lines.push(
      `No usable backup was found in ${backupsDir(input.dataDir)}.`,
      `Restore a copy you have with: ${restoreCommand({ file: "FILE", appRoot: input.appRoot, packaged: input.packaged })}`,
    );
  }
  return lines.join("\n");
}
