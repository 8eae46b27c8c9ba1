// Backups against the real processes: `restore` is refused while the server runs on the data
// directory and works once it has stopped (keeping the database it replaced); a damaged
// database stops the server's start-up with a message naming the latest backup and the command;
// the data folder ends private (0700/0600).
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { backupsDir } from "@/lib/backup/backup";
import { serverRecordFile } from "@/lib/backup/server-record";
import { childEnv, standaloneBuilt, startAppServer } from "@/tests/support/faults/app-server";
import { preparedDataDir, removeDataDirs, withDb } from "@/tests/support/faults/data-dir";
import { freePort, killAll, spawnEntry, withTimeout } from "@/tests/support/faults/processes";
import { notPrivate } from "@/tests/support/modes";

afterEach(async () => {
  await killAll();
  removeDataDirs();
});

async function cli(dataDir: string, args: string[]) {
  const child = spawnEntry("cli/index.ts", args, childEnv(dataDir));
  const exit = await withTimeout(child.exited, 60_000, `cli ${args.join(" ")}`);
  return { code: exit.code, stdout: child.stdout(), stderr: child.stderr() };
}

const businessName = (file: string) =>
  withDb(
    file,
    (db) => (db.prepare("SELECT businessName FROM Setting").get() as { businessName: string }).businessName,
  );
const rename = (file: string, name: string) =>
  withDb(file, (db) => db.prepare("UPDATE Setting SET businessName = ?").run(name));

describe.skipIf(!standaloneBuilt())("backups with the real server", () => {
  // Bounded generously: two CLI runs and a server start take 45 s on a machine at load 20.
  it(
    "refuses a restore while the server runs, and restores (keeping the old database) once it stopped",
    { timeout: 120_000 },
    async () => {
      const data = preparedDataDir();
      rename(data.file, "Before");
      const made = await cli(data.dir, ["backup"]);
      expect(made.code, made.stderr).toBe(0);
      const backupFile = made.stdout.trim();
      expect(path.dirname(backupFile)).toBe(backupsDir(data.dir));
      rename(data.file, "After");

      const server = await startAppServer(data.dir);
      expect(existsSync(serverRecordFile(data.dir))).toBe(true);
      const refused = await cli(data.dir, ["restore", backupFile]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/server .* is running on/);
      expect(businessName(data.file)).toBe("After");

      process.kill(server.child.pid, "SIGTERM");
      await withTimeout(server.child.exited, 20_000, "the server to stop");
      const restored = await cli(data.dir, ["restore", backupFile]);
      expect(restored.code, restored.stderr).toBe(0);
      expect(businessName(data.file)).toBe("Before");
      const kept = readdirSync(backupsDir(data.dir)).filter((name) => name.startsWith("replaced-"));
      expect(kept).toHaveLength(1);
      expect(businessName(path.join(backupsDir(data.dir), kept[0]!))).toBe("After");
      // The data folder began 0644 (the template's copy): the server's start tightened it, and
      // everything made since (-wal/-shm, server.log, backups, cli.log) is private too.
      expect(notPrivate(data.dir)).toEqual([]);
    },
  );

  it("stops start-up on a damaged database, naming the latest backup and the restore command", async () => {
    const data = preparedDataDir();
    const made = await cli(data.dir, ["backup"]);
    expect(made.code, made.stderr).toBe(0);
    // Garbage over the file's header and first pages: SQLite no longer recognises it.
    writeFileSync(data.file, Buffer.alloc(64 * 1024, 0x5a));
    const server = spawnEntry(
      "server/serve.ts",
      [],
      childEnv(data.dir, undefined, { PORT: String(await freePort()) }),
    );
    const exit = await withTimeout(server.exited, 60_000, "the server to refuse");
    expect(exit.code).toBe(65);
    expect(server.stderr()).toContain(`The database ${data.file} cannot be used`);
    expect(server.stderr()).toContain(`restore '${made.stdout.trim()}'`);
  });
});
