// The background checkpointer (lib/db/checkpointer.ts): what the server's connections commit
// reaches the database file itself without any of them checkpointing, and it stops cleanly.
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { startCheckpointer, withCheckpointThread, type Checkpointer } from "@/lib/db/checkpointer";
import { enableBackgroundCheckpoints, openSqlite, type Sqlite } from "@/lib/db/sqlite";

let dir = "";
let writer: Sqlite | undefined;
let checkpointer: Checkpointer | undefined;
afterEach(async () => {
  await checkpointer?.stop();
  writer?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Rows in the database file alone, as if the WAL were lost: only checkpointed pages count. */
function rowsInMainFile(file: string): number {
  // A copy taken while the checkpointer is writing the file can be torn (a page half old, half
  // new): SQLite calls it malformed. Copy again then; a whole copy shows what the file holds.
  for (let attempt = 1; ; attempt += 1) {
    const copy = path.join(dir, "copy.db");
    copyFileSync(file, copy);
    const db = new Database(copy, { readonly: true });
    try {
      const table = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 't'").get();
      return table ? (db.prepare("SELECT count(*) AS n FROM t").get() as { n: number }).n : 0;
    } catch (error) {
      if (attempt >= 20 || (error as { code?: string }).code !== "SQLITE_CORRUPT") throw error;
    } finally {
      db.close();
    }
  }
}

function writeRows(db: Sqlite, count: number): void {
  const insert = db.prepare("INSERT INTO t (body) VALUES (?)");
  for (let i = 0; i < count; i += 100)
    db.transaction(() => {
      for (let j = i; j < Math.min(count, i + 100); j += 1) insert.run(`row ${j} `.padEnd(1000, "x"));
    })();
}

async function until(done: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("background checkpointer", () => {
  it("copies committed pages into the database file while the writer never checkpoints", async () => {
    dir = mkdtempSync(path.join(tmpdir(), "checkpointer-"));
    const file = path.join(dir, "app.db");
    writer = openSqlite(file);
    writer.pragma("wal_autocheckpoint = 0");
    writer.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)");
    writeRows(writer, 2000);
    // Nothing checkpointed yet: the database file alone has none of the rows.
    expect(rowsInMainFile(file)).toBe(0);

    const results: { log: number; checkpointed: number }[] = [];
    checkpointer = startCheckpointer(file, { intervalMs: 20, onCheckpoint: (r) => results.push(r) });
    await until(() => results.some((r) => r.log > 0 && r.checkpointed === r.log));
    expect(rowsInMainFile(file)).toBe(2000);

    // Later commits too, with the writer still never checkpointing itself.
    results.length = 0;
    writeRows(writer, 500);
    await until(() => rowsInMainFile(file) === 2500);
    expect(results.length).toBeGreaterThan(0);
  });

  it("stops, and the writer goes on with its own checkpoints", async () => {
    dir = mkdtempSync(path.join(tmpdir(), "checkpointer-"));
    const file = path.join(dir, "app.db");
    writer = openSqlite(file);
    writer.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)");
    checkpointer = startCheckpointer(file, { intervalMs: 20 });
    await checkpointer.stop();
    checkpointer = undefined;
    writeRows(writer, 300);
    writer.pragma("wal_checkpoint(TRUNCATE)");
    expect(rowsInMainFile(file)).toBe(300);
  });

  it("gives a run of writes (a CLI sync) its own thread, stopped when the run ends, even by a failure", async () => {
    dir = mkdtempSync(path.join(tmpdir(), "checkpointer-"));
    const file = path.join(dir, "app.db");
    const db = openSqlite(file);
    writer = db;
    db.pragma("wal_autocheckpoint = 0");
    db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)");
    const results: { log: number; checkpointed: number }[] = [];
    const options = {
      intervalMs: 20,
      onCheckpoint: (r: { log: number; checkpointed: number }) => results.push(r),
    };
    const value = await withCheckpointThread(
      db,
      async () => {
        writeRows(db, 2000);
        await until(() => results.some((r) => r.log > 0 && r.checkpointed === r.log));
        return "synced";
      },
      options,
    );
    expect(value).toBe("synced");
    expect(rowsInMainFile(file)).toBe(2000);

    // Stopped with the run: what is committed afterwards stays in the WAL.
    results.length = 0;
    writeRows(db, 500);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(results).toHaveLength(0);
    expect(rowsInMainFile(file)).toBe(2000);

    // A failing run gets its thread too, and it is stopped when the run throws.
    await expect(
      withCheckpointThread(
        db,
        async () => {
          await until(() => rowsInMainFile(file) === 2500);
          throw new Error("the sync failed");
        },
        options,
      ),
    ).rejects.toThrow("the sync failed");
    results.length = 0;
    writeRows(db, 100);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(results).toHaveLength(0);
    expect(rowsInMainFile(file)).toBe(2500);
  });

  it("leaves the connections opened afterwards checkpointing only as a safety net", () => {
    dir = mkdtempSync(path.join(tmpdir(), "checkpointer-"));
    const before = openSqlite(path.join(dir, "before.db"));
    expect(before.pragma("wal_autocheckpoint", { simple: true })).toBe(1000);
    before.close();
    enableBackgroundCheckpoints();
    writer = openSqlite(path.join(dir, "after.db"));
    expect(writer.pragma("wal_autocheckpoint", { simple: true })).toBe(10_000);
  });
});
