// A fresh, fully migrated SQLite file per test: a copy of the template made in global setup.
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { openSqlite, type Sqlite } from "@/lib/db/sqlite";

export interface TestDb {
  dir: string;
  file: string;
  db: Sqlite;
  cleanup: () => void;
}

export function freshDb(): TestDb {
  const dir = mkdtempSync(path.join(tmpdir(), "bookings-test-"));
  const file = path.join(dir, "app.db");
  copyFileSync(inject("templateDb"), file);
  const db = openSqlite(file);
  return {
    dir,
    file,
    db,
    cleanup: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
