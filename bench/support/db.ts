// Fresh, fully migrated SQLite files: the real migrations run once per process into a template,
// and every benchmark database or server data directory starts as a copy of it.
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { BenchContext } from "@/bench/types";
import { applyPendingMigrations } from "@/lib/db/migrations";
import { openSqlite, type Sqlite } from "@/lib/db/sqlite";

let template: Promise<string> | undefined;

function migratedTemplate(ctx: BenchContext): Promise<string> {
  template ??= (async () => {
    const file = path.join(ctx.tempDir("template"), "template.db");
    await applyPendingMigrations(file);
    return file;
  })();
  return template;
}

export interface BenchDb {
  file: string;
  db: Sqlite;
}

/** A migrated database in its own temporary directory, opened with the app's pragmas. */
export async function freshDb(ctx: BenchContext, label: string): Promise<BenchDb> {
  const file = path.join(ctx.tempDir(label), "app.db");
  copyFileSync(await migratedTemplate(ctx), file);
  return { file, db: openSqlite(file) };
}

/** A data directory holding a migrated `app.db`, as the server expects (`DATA_DIR`). */
export async function migratedDataDir(ctx: BenchContext, label: string): Promise<string> {
  const dir = ctx.tempDir(label);
  mkdirSync(dir, { recursive: true });
  copyFileSync(await migratedTemplate(ctx), path.join(dir, "app.db"));
  return dir;
}

/** `SELECT count(*)` of a table (names are ours, never user input). */
export function countRows(db: Sqlite, table: string, where = "1"): number {
  const row = db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get() as { n: number };
  return row.n;
}
