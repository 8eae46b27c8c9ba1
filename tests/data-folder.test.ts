// Settings → Data reads the data folder: the database, backups newest first (only real backup
// names), log files newest first, and nothing when a folder is missing.
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { dataFolderSummary, formatBytes } from "@/lib/data-folder";

describe("the data folder summary", () => {
  it("lists the database, backups and logs, newest first", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "data-folder-"));
    writeFileSync(path.join(dir, "app.db"), Buffer.alloc(2048));
    mkdirSync(path.join(dir, "backups"));
    mkdirSync(path.join(dir, "logs"));
    writeFileSync(path.join(dir, "backups", "app-20261130T010000Z.db"), "a");
    writeFileSync(path.join(dir, "backups", "app-20261201T010000Z.db"), "bb");
    writeFileSync(path.join(dir, "backups", "notes.txt"), "not a backup");
    writeFileSync(path.join(dir, "logs", "server.log"), "x");
    writeFileSync(path.join(dir, "logs", "window.log"), "y");
    utimesSync(path.join(dir, "logs", "server.log"), new Date("2026-12-01"), new Date("2026-12-01"));
    utimesSync(path.join(dir, "logs", "window.log"), new Date("2026-11-01"), new Date("2026-11-01"));

    const summary = dataFolderSummary(dir, path.join(dir, "app.db"));
    expect(summary.database).toMatchObject({ name: "app.db", bytes: 2048 });
    expect(summary.backups.files.map((f) => f.name)).toEqual([
      "app-20261201T010000Z.db",
      "app-20261130T010000Z.db",
    ]);
    expect(summary.logs.files.map((f) => f.name)).toEqual(["server.log", "window.log"]);
  });

  it("shows a fresh folder as empty rather than failing", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "data-folder-empty-"));
    const summary = dataFolderSummary(dir, path.join(dir, "app.db"));
    expect(summary).toMatchObject({ database: null, backups: { files: [] }, logs: { files: [] } });
  });

  it("formats sizes as people read them", () => {
    expect([0, 1023, 1536, 10 * 1024 * 1024, 3 * 1024 ** 3].map(formatBytes)).toEqual([
      "0 bytes",
      "1023 bytes",
      "1.5 KB",
      "10 MB",
      "3.0 GB",
    ]);
  });
});
