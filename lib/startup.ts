// Work done before anything else touches the data: the data directory (created, checked), then
// once the database is open the settings row, and demo data in demo mode (or its removal once
// a real Stripe key is set). Idempotent: safe at every start and before every CLI command.
import { accessSync, constants, mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Config } from "@/lib/config";
import { sqlite } from "@/lib/db/sqlite";
import { loadDemoData, wipeDemoData } from "@/lib/demo";
import { log } from "@/lib/log";
import { loadSettings } from "@/lib/settings";

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

/** Creates the folder the database lives in (as `./run start` always did) and proves a file can be written there. */
export function prepareDataDir(cfg: Pick<Config, "dataDir" | "databaseFile">): void {
  for (const dir of new Set([cfg.dataDir, path.dirname(cfg.databaseFile)])) {
    try {
      mkdirSync(dir, { recursive: true });
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
}

export async function prepareDatabase(cfg: Config, now: Date): Promise<void> {
  const db = sqlite();
  const settings = loadSettings(db);
  if (cfg.demoMode) {
    loadDemoData(db, now);
  } else if (settings.demoData) {
    log.info("a Stripe key is set: removing the demo data before the first sync");
    wipeDemoData(db);
  }
}
