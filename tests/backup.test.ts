// Backups in-process: the copy is whole and consistent, old daily backups are pruned to the
// newest N, the integrity check tells a sound file from a damaged one, and restore checks the
// file it is given before touching anything.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { backupDatabase, backupDue, backupFileName, dailyBackup, listBackups } from "@/lib/backup/backup";
import { damagedDatabaseMessage, quickCheck } from "@/lib/backup/integrity";
import { RestoreError, restoreDatabase } from "@/lib/backup/restore";
import { runningServer, writeServerRecord } from "@/lib/backup/server-record";

function dbWithRows(file: string, rows: number): void {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
  const insert = db.prepare("INSERT INTO t (v) VALUES (?)");
  db.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run(`row ${i}`);
  })();
  db.close();
}
const count = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare("SELECT count(*) AS n FROM t").get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe("backups", () => {
  it("copies the live database whole, and keeps only the newest daily backups", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "backup-"));
    const file = path.join(dir, "app.db");
    dbWithRows(file, 500);
    const writer = new Database(file);
    writer.prepare("INSERT INTO t (v) VALUES ('open writer')").run();
    const copy = await backupDatabase(file, path.join(dir, "copy.db"));
    writer.close();
    expect(count(copy.file)).toBe(501);
    expect(quickCheck(copy.file)).toEqual({ ok: true });

    const start = Date.UTC(2026, 0, 1);
    for (let day = 0; day < 20; day++) {
      await dailyBackup({
        databaseFile: file,
        dataDir: dir,
        keep: 14,
        now: new Date(start + day * 86_400_000),
      });
    }
    const kept = listBackups(path.join(dir, "backups"));
    expect(kept).toHaveLength(14);
    expect(path.basename(kept[0]!)).toBe(backupFileName(new Date(start + 6 * 86_400_000)));
    expect(backupDue(dir, 3_600_000, new Date())).toBe(false);
    expect(backupDue(dir, 3_600_000, new Date(Date.now() + 2 * 3_600_000))).toBe(true);
  });

  it("tells a damaged file from a sound one and names the latest backup", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "backup-"));
    const file = path.join(dir, "app.db");
    dbWithRows(file, 10);
    expect(quickCheck(file)).toEqual({ ok: true });
    expect(quickCheck(path.join(dir, "missing.db"))).toEqual({ ok: true });
    const made = await dailyBackup({ databaseFile: file, dataDir: dir, keep: 14, now: new Date() });
    writeFileSync(file, Buffer.alloc(8192, 1));
    const check = quickCheck(file);
    expect(check.ok).toBe(false);
    const message = damagedDatabaseMessage({
      databaseFile: file,
      dataDir: dir,
      appRoot: "/app",
      packaged: false,
      problem: "x",
    });
    expect(message).toContain(`'/app/run' restore '${made.file}'`);
  });

  it("restore refuses a damaged backup or a live server, and then changes nothing", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "backup-"));
    const file = path.join(dir, "app.db");
    dbWithRows(file, 3);
    const bad = path.join(dir, "bad.db");
    writeFileSync(
      bad,
      "not a database at all, not even close................................................",
    );
    await expect(
      restoreDatabase({ from: bad, databaseFile: file, dataDir: dir, now: new Date() }),
    ).rejects.toThrow(RestoreError);
    const good = path.join(dir, "good.db");
    dbWithRows(good, 7);
    const sleeper = spawn("sleep", ["30"]);
    try {
      writeServerRecord(dir, {
        pid: sleeper.pid!,
        host: "127.0.0.1",
        port: 9,
        startedAt: new Date().toISOString(),
      });
      expect((await runningServer(dir))?.pid).toBe(sleeper.pid);
      await expect(
        restoreDatabase({ from: good, databaseFile: file, dataDir: dir, now: new Date() }),
      ).rejects.toThrow(/is running on/);
      expect(count(file)).toBe(3);
    } finally {
      sleeper.kill("SIGKILL");
      await new Promise((resolve) => sleeper.once("exit", resolve));
    }
    // The record's process is gone: a stale record does not block.
    expect(await runningServer(dir)).toBeUndefined();
    const result = await restoreDatabase({ from: good, databaseFile: file, dataDir: dir, now: new Date() });
    expect(count(file)).toBe(7);
    expect(count(result.replacedCopy!)).toBe(3);
  });
});
