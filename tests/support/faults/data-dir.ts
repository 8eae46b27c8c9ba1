// Data directories for child processes: a copy of the migrated template database with the
// demo catalog's rules, so synced or delivered objects turn into bookings.
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { openSqlite, type Sqlite } from "@/lib/db/sqlite";
import { seedDefaultRules } from "@/lib/rules/defaults";
import { loadSettings } from "@/lib/settings";

export interface DataDir {
  dir: string;
  file: string;
  cleanup(): void;
}

const made: DataDir[] = [];

/** A fresh data directory holding a migrated app.db with the settings row and the default rules. */
export function preparedDataDir(now: Date = new Date()): DataDir {
  const dir = mkdtempSync(path.join(tmpdir(), "bookings-fault-"));
  const file = path.join(dir, "app.db");
  copyFileSync(inject("templateDb"), file);
  const db = openSqlite(file);
  try {
    loadSettings(db);
    seedDefaultRules(db, now);
  } finally {
    db.close();
  }
  const dataDir = { dir, file, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
  made.push(dataDir);
  return dataDir;
}

/** Removes every directory made by this file's tests (call in afterEach, after the children are dead). */
export function removeDataDirs(): void {
  for (const dataDir of made.splice(0)) dataDir.cleanup();
}

/** Runs `read` on a short-lived connection; the file stays free for the processes under test. */
export function withDb<T>(file: string, read: (db: Sqlite) => T): T {
  const db = openSqlite(file);
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** `withDb` for async work. */
export async function withDbAsync<T>(file: string, work: (db: Sqlite) => Promise<T>): Promise<T> {
  const db = openSqlite(file);
  try {
    return await work(db);
  } finally {
    db.close();
  }
}
