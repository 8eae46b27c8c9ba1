// Work done before anything else touches the data: the data directory (created, checked), then
// once the database is open the settings row, and demo data in demo mode (or its removal once
// a real Stripe key is set). Idempotent: safe at every start and before every CLI command.
import { accessSync, constants, mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { damagedDatabaseMessage, openCheck } from "@/lib/backup/integrity";
import type { Config } from "@/lib/config";
import { sqlite } from "@/lib/db/sqlite";
import { loadDemoData, wipeDemoData } from "@/lib/demo";
import { backfillClientPhones } from "@/lib/client-phones";
import { appAccessKey } from "@/lib/clients/access";
import { log } from "@/lib/log";
import { makePrivate, PRIVATE_DIR_MODE, tightenDataFolder } from "@/lib/private-files";
import { loadSettings } from "@/lib/settings";

/** The database file exists but is empty, unreadable or not a database: never a first start. */
export class UnusableDatabaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnusableDatabaseError";
  }
}

/** The data directory (or the database file's folder) cannot be used; the message names it and why. */
export class DataDirError extends Error {
  constructor(
    public readonly dir: string,
    public readonly reason: string,
  ) {
    super(`The data directory ${dir} is not writable: ${reason}. Set DATA_DIR to a writable folder.`);
    this.name = "DataDirError";
  }
}

function firstExisting(dir: string): string {
  let at = dir;
  for (;;) {
    try {
      statSync(at);
      return at;
    } catch {
      const parent = path.dirname(at);
      if (parent === at) return at;
      at = parent;
    }
  }
}

function causeOf(error: unknown, dir: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOTDIR" || code === "EEXIST") {
    const blocker = firstExisting(dir);
    return blocker === dir ? "it is a file, not a folder" : `${blocker} is a file, not a folder`;
  }
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EROFS") return "the file system is read-only";
  if (code === "ENOSPC" || code === "EDQUOT") return "the disk is full";
  return error instanceof Error ? error.message : String(error);
}

/**
 * Creates the folder the database lives in (as `./run start` always did), private to this
 * account, and proves a file can be written there. A folder an older version left readable by
 * others is tightened, with one log line. An existing database that is empty or unreadable is
 * refused (UnusableDatabaseError, naming the backups): only a missing file is a first start.
 */
export function prepareDataDir(cfg: Pick<Config, "dataDir" | "databaseFile" | "appRoot" | "PACKAGED">): void {
  for (const dir of new Set([cfg.dataDir, path.dirname(cfg.databaseFile)])) {
    try {
      mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
      if (!statSync(dir).isDirectory()) throw Object.assign(new Error("not a folder"), { code: "ENOTDIR" });
      accessSync(dir, constants.W_OK);
      // A write, not just a permission check: a full disk passes access() and fails here.
      const probe = path.join(dir, `.write-test-${process.pid}`);
      writeFileSync(probe, "ok\n");
      rmSync(probe, { force: true });
    } catch (error) {
      throw new DataDirError(dir, causeOf(error, dir));
    }
  }
  const tightened = tightenDataFolder(cfg.dataDir);
  for (const suffix of ["", "-wal", "-shm"])
    if (makePrivate(`${cfg.databaseFile}${suffix}`)) tightened.push(`${cfg.databaseFile}${suffix}`);
  if (tightened.length > 0) {
    log.warn(
      { dataDir: cfg.dataDir, tightened: tightened.length },
      "the data folder was readable by other accounts: now only yours (folders 0700, files 0600)",
    );
  }
  // Before any migration could write a new schema into an empty file.
  const usable = openCheck(cfg.databaseFile);
  if (!usable.ok) {
    throw new UnusableDatabaseError(
      damagedDatabaseMessage({ ...cfg, packaged: cfg.PACKAGED, problem: usable.problem }),
    );
  }
}

export async function prepareDatabase(cfg: Config, now: Date): Promise<void> {
  const db = sqlite();
  const settings = loadSettings(db);
  if (cfg.demoMode) {
    loadDemoData(db, now, { accessKey: appAccessKey() });
  } else if (settings.demoData) {
    log.info("a Stripe key is set: removing the demo data before the first sync");
    wipeDemoData(db);
  }
  // Clients mirrored before phone numbers were stored in E.164 (a no-op read once done).
  const filled = backfillClientPhones(db);
  if (filled > 0) log.info({ clients: filled }, "phone numbers stored for search");
}
