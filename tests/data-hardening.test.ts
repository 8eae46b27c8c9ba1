// Issue 22 (data): the data folder is private (0700 folders, 0600 files, an older folder
// tightened at start); a backup is one checked, self-contained file and a damaged copy never
// counts or costs a good one; an empty or unreadable database is refused, naming the backup and
// a restore command that works as printed; cli.log holds every command.
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
  closeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import {
  BackupError,
  backupDatabase,
  backupFileName,
  backupsDir,
  dailyBackup,
  listBackups,
  pruneBackups,
} from "@/lib/backup/backup";
import {
  damagedDatabaseMessage,
  latestGoodBackup,
  openCheck,
  quickCheck,
  restoreCommand,
} from "@/lib/backup/integrity";
import { loadDotEnv } from "@/lib/env-file";
import { freePort } from "@/tests/support/faults/processes";
import { notPrivate } from "@/tests/support/modes";

const ROOT = path.resolve(import.meta.dirname, "..");
const NODE_FLAGS = ["--experimental-wasm-modules", "--no-warnings=ExperimentalWarning", "--import", "tsx"];
const tmp = mkdtempSync(path.join(tmpdir(), "bookings-hardening-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { TZ: "UTC", NODE_ENV: "production" };
  for (const key of ["PATH", "HOME", "TMPDIR", "LANG"]) if (process.env[key]) env[key] = process.env[key];
  return { ...env, ...extra };
}

function run(entry: string, args: string[], env: Record<string, string>, input = ""): Result {
  const result = spawnSync(process.execPath, [...NODE_FLAGS, entry, ...args], {
    cwd: ROOT,
    env: childEnv(env),
    input,
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
const cli = (args: string[], dataDir: string, input = "") =>
  run("cli/index.ts", args, { DATA_DIR: dataDir }, input);

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).map((name) => path.join(dir, name));
}

/** A database whose header and schema are sound but one of its table pages is garbage. */
function damagedDatabase(file: string): void {
  const db = new Database(file);
  db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT); CREATE INDEX t_v ON t (v)");
  const insert = db.prepare("INSERT INTO t (v) VALUES (?)");
  db.transaction(() => {
    for (let i = 0; i < 3000; i++) insert.run(`row ${i} ${"x".repeat(40)}`);
  })();
  const pageSize = db.pragma("page_size", { simple: true }) as number;
  const pages = db.pragma("page_count", { simple: true }) as number;
  db.close();
  const fd = openSync(file, "r+");
  writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, Math.floor(pages / 2) * pageSize);
  closeSync(fd);
}

function soundDatabase(file: string, rows: number): void {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
  for (let i = 0; i < rows; i++) db.prepare("INSERT INTO t (v) VALUES (?)").run(`row ${i}`);
  db.close();
}

describe.skipIf(process.platform === "win32")("the data folder is private", () => {
  it(
    "after start-up, a write, a backup and a restore every file is 0600 and every folder 0700; an older folder is tightened; cli.log has every command",
    { timeout: 600_000 },
    () => {
      const parent = path.join(tmp, "private");
      mkdirSync(parent, { mode: 0o755 });
      chmodSync(parent, 0o755);
      const dir = path.join(parent, "data");
      const created = cli(
        ["user:create", "--email", "owner@example.com", "--role", "owner", "--password-stdin"],
        dir,
        "a long enough password\n",
      );
      expect(created.code, created.stderr).toBe(0);
      const made = cli(["backup"], dir);
      expect(made.code, made.stderr).toBe(0);
      const backup = made.stdout.trim();
      expect(path.dirname(backup)).toBe(backupsDir(dir));
      // Restored from a copy kept elsewhere with the usual 0644: the database is still private.
      const outside = path.join(tmp, "kept-elsewhere.db");
      copyFileSync(backup, outside);
      chmodSync(outside, 0o644);
      const restored = cli(["restore", outside], dir);
      expect(restored.code, restored.stderr).toBe(0);
      expect(cli(["no-such-command"], dir).code).toBe(2);
      expect(cli(["backup", "one", "two"], dir).code).toBe(2);

      expect(notPrivate(dir)).toEqual([]);
      const names = allFiles(dir).map((file) => path.relative(dir, file));
      expect(names).toEqual(expect.arrayContaining(["app.db", "logs/cli.log", path.relative(dir, backup)]));
      // A backup is one self-contained file: rollback journal (header byte 18 = 1, not 2 for WAL),
      // and nothing beside it even after it was read by restore.
      expect(readFileSync(backup)[18]).toBe(1);
      expect(readdirSync(backupsDir(dir)).filter((name) => /-(wal|shm|journal)$/.test(name))).toEqual([]);

      const lines = readFileSync(path.join(dir, "logs", "cli.log"), "utf8")
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines.map(({ command, exitCode }) => ({ command, exitCode }))).toEqual([
        { command: "user:create", exitCode: 0 },
        { command: "backup", exitCode: 0 },
        { command: "restore", exitCode: 0 },
        { command: "no-such-command", exitCode: 2 },
        { command: "backup", exitCode: 2 },
      ]);

      // A folder an older version left readable by others is tightened at the next start.
      for (const file of [dir, ...allFiles(dir)])
        chmodSync(file, statSync(file).isDirectory() ? 0o755 : 0o644);
      const listed = cli(["user:list"], dir);
      expect(listed.code, listed.stderr).toBe(0);
      expect(listed.stderr).toContain("now only yours");
      expect(notPrivate(dir)).toEqual([]);
      expect(cli(["user:list"], dir).stderr).not.toContain("now only yours");
    },
  );
});

describe("an empty or unreadable database is refused, never a fresh start", () => {
  it(
    "the CLI and the server refuse a 0-byte app.db naming the backup, and the printed command restores it",
    { timeout: 600_000 },
    async () => {
      const source = path.join(tmp, "empty-source");
      const created = cli(
        ["user:create", "--email", "owner@example.com", "--role", "owner", "--password-stdin"],
        source,
        "a long enough password\n",
      );
      expect(created.code, created.stderr).toBe(0);
      const made = cli(["backup"], source);
      expect(made.code, made.stderr).toBe(0);

      const dir = path.join(tmp, "empty");
      mkdirSync(backupsDir(dir), { recursive: true });
      const backup = path.join(backupsDir(dir), path.basename(made.stdout.trim()));
      copyFileSync(made.stdout.trim(), backup);
      const file = path.join(dir, "app.db");
      writeFileSync(file, "");

      const refused = cli(["user:list"], dir);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`The database ${file} cannot be used (the file is empty (0 bytes))`);
      expect(refused.stderr).toContain(`The latest sound backup is ${backup}`);
      expect(statSync(file).size).toBe(0);
      const server = run("server/serve.ts", [], { DATA_DIR: dir, PORT: String(await freePort()) });
      expect(server.code).toBe(65);
      expect(server.stderr).toContain(`The database ${file} cannot be used`);
      expect(statSync(file).size).toBe(0);
      expect(cli(["backup"], dir).code).toBe(1);
      expect(listBackups(backupsDir(dir))).toEqual([backup]);

      // The command as printed, pasted into a shell in another folder.
      const printed = refused.stderr
        .split("\n")
        .find((line) => line.includes(" restore "))!
        .trim();
      expect(printed).toContain(`restore '${backup}'`);
      const pasted = spawnSync("sh", ["-c", printed], {
        cwd: tmp,
        env: childEnv({}),
        encoding: "utf8",
        timeout: 300_000,
      });
      expect(pasted.status, `${printed}\n${pasted.stderr}`).toBe(0);
      const listed = cli(["user:list"], dir);
      expect(listed.code, listed.stderr).toBe(0);
      expect(listed.stdout).toMatch(/owner@example\.com\towner/);
    },
  );

  it("tells empty, garbage and missing files apart", () => {
    const dir = mkdtempSync(path.join(tmp, "checks-"));
    const empty = path.join(dir, "empty.db");
    writeFileSync(empty, "");
    const garbage = path.join(dir, "garbage.db");
    writeFileSync(garbage, Buffer.alloc(8192, 0x5a));
    for (const check of [openCheck, quickCheck]) {
      expect(check(path.join(dir, "missing.db"))).toEqual({ ok: true });
      expect(check(empty)).toEqual({ ok: false, problem: "the file is empty (0 bytes)" });
      expect(check(garbage).ok).toBe(false);
    }
  });

  it("prints a restore command with the settings it needs, quoted for a shell", () => {
    expect(
      restoreCommand(
        { file: "/d/backups/it's.db", appRoot: "/opt/sb/app", packaged: true },
        { DATA_DIR: "/d" },
        "linux",
      ),
    ).toBe(`DATA_DIR='/d' '/opt/sb/stripe-bookings' cli restore '/d/backups/it'\\''s.db'`);
    expect(restoreCommand({ file: "/d/b.db", appRoot: "/repo", packaged: false }, {}, "linux")).toBe(
      `'/repo/run' restore '/d/b.db'`,
    );
  });
});

describe("a package reads no .env", () => {
  it("loadDotEnv leaves a packaged process's environment alone", () => {
    const dir = mkdtempSync(path.join(tmp, "dotenv-"));
    writeFileSync(path.join(dir, ".env"), `STRIPE_SECRET_KEY=sk_test_${"D".repeat(24)}\n`);
    const packaged: Record<string, string | undefined> = { PACKAGED: "1" };
    expect(loadDotEnv(dir, packaged)).toEqual([]);
    expect(packaged.STRIPE_SECRET_KEY).toBeUndefined();
    expect(loadDotEnv(dir, {})).toEqual(["STRIPE_SECRET_KEY"]);
  });
});

describe("backups are checked before they count", () => {
  it("a damaged database gives no backup, keeps the good ones, and `cli backup` exits 1 saying why", async () => {
    const dir = mkdtempSync(path.join(tmp, "damaged-"));
    const good = path.join(dir, "good.db");
    soundDatabase(good, 20);
    const first = await dailyBackup({
      databaseFile: good,
      dataDir: dir,
      keep: 1,
      now: new Date(Date.UTC(2026, 0, 1)),
    });
    const file = path.join(dir, "app.db");
    damagedDatabase(file);
    expect(openCheck(file)).toEqual({ ok: true }); // its header and schema still read
    await expect(
      dailyBackup({ databaseFile: file, dataDir: dir, keep: 1, now: new Date(Date.UTC(2026, 0, 2)) }),
    ).rejects.toThrow(BackupError);
    // Pruning never ran: the one good backup is still there, and nothing half-made is left.
    expect(readdirSync(backupsDir(dir))).toEqual([path.basename(first.file)]);
    await expect(backupDatabase(file, path.join(dir, "copy.db"))).rejects.toThrow(
      /failed its integrity check/,
    );
    expect(existsSync(path.join(dir, "copy.db"))).toBe(false);

    const made = cli(["backup"], dir);
    expect(made.code).toBe(1);
    expect(made.stderr).toContain("failed its integrity check");
    expect(made.stdout).toBe("");
    expect(readdirSync(backupsDir(dir))).toEqual([path.basename(first.file)]);
  }, 180_000);

  it("the start-up message names the newest sound backup, not a damaged one an older version made", async () => {
    const dir = mkdtempSync(path.join(tmp, "latest-good-"));
    const good = path.join(dir, "good.db");
    soundDatabase(good, 5);
    const made = await dailyBackup({
      databaseFile: good,
      dataDir: dir,
      keep: 5,
      now: new Date(Date.UTC(2026, 0, 1)),
    });
    const newer = path.join(backupsDir(dir), backupFileName(new Date(Date.UTC(2026, 0, 2))));
    writeFileSync(newer, Buffer.alloc(8192, 0x5a));
    expect(latestGoodBackup(dir)).toBe(made.file);
    const message = damagedDatabaseMessage({
      databaseFile: path.join(dir, "app.db"),
      dataDir: dir,
      appRoot: ROOT,
      packaged: false,
      problem: "x",
    });
    expect(message).toContain(`restore '${made.file}'`);
    expect(message).not.toContain(newer);
  });

  it("pruning keeps the newest N and never the backup just checked, even when a clock set back names it oldest", () => {
    const dir = mkdtempSync(path.join(tmp, "prune-"));
    const names = [1, 2, 3, 4].map((day) => path.join(dir, backupFileName(new Date(Date.UTC(2026, 0, day)))));
    for (const file of names) writeFileSync(file, "x");
    expect(pruneBackups(dir, 2, names[3]!)).toEqual([names[0], names[1]]);
    for (const file of names.slice(0, 2)) writeFileSync(file, "x");
    expect(pruneBackups(dir, 2, names[0]!)).toEqual([names[1], names[2]]);
    expect(listBackups(dir)).toEqual([names[0], names[3]]);
    // Not among the backups (it failed, or was written elsewhere): nothing is deleted.
    expect(pruneBackups(dir, 1, path.join(dir, "elsewhere.db"))).toEqual([]);
  });
});
