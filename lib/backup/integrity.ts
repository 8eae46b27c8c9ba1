// The quick integrity check at start: `PRAGMA quick_check` reads every page of the database in
// a fraction of a full check's time. A damaged file stops start-up with a message naming the
// latest backup and the command that restores it.
import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import { backupsDir, latestBackup } from "@/lib/backup/backup";

export type Integrity = { ok: true } | { ok: false; problem: string };

/** A missing file is fine (a first start creates it); anything SQLite rejects is not. */
export function quickCheck(databaseFile: string): Integrity {
  if (!existsSync(databaseFile)) return { ok: true };
  let db: Database.Database | undefined;
  try {
    db = new Database(databaseFile, { readonly: true, fileMustExist: true });
    const rows = db.pragma("quick_check") as { quick_check: string }[];
    const problems = rows.map((row) => row.quick_check).filter((line) => line !== "ok");
    return problems.length === 0 ? { ok: true } : { ok: false, problem: problems.slice(0, 3).join("; ") };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  } finally {
    db?.close();
  }
}

/** What to tell the person whose database is damaged: which backup, and the command. */
export function damagedDatabaseMessage(input: {
  databaseFile: string;
  dataDir: string;
  problem: string;
  restoreCommand?: string;
}): string {
  const latest = latestBackup(backupsDir(input.dataDir));
  const command = input.restoreCommand ?? "./run restore";
  const lines = [`The database ${input.databaseFile} is damaged (${input.problem}).`];
  if (latest) {
    lines.push(`The latest backup is ${latest}. Restore it with:`, `  ${command} "${latest}"`);
  } else {
    lines.push(
      `No backup was found in ${backupsDir(input.dataDir)}.`,
      `Restore a copy you have with: ${command} FILE`,
    );
  }
  return lines.join("\n");
}
