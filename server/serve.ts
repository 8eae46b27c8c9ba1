// The production server process: loads `.env` (not when packaged), validates settings, checks the port, prepares
// the data directory, applies pending migrations, then boots Next's standalone server. `./run start` and the desktop
// launcher both start this file, so a desktop app always runs on an up-to-date schema.
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ConfigError, parseConfig, type Config } from "@/lib/config";
import { migrateIfNeeded } from "@/lib/db/migrations";
import { startCheckpointer } from "@/lib/db/checkpointer";
import { enableBackgroundCheckpoints } from "@/lib/db/sqlite";
import { elapsedMs, log } from "@/lib/log";
import { loadDotEnv } from "@/lib/env-file";
import { busyPortMessage, probePort, waitForListening } from "@/lib/port";
import { DataDirError, prepareDatabase, prepareDataDir, UnusableDatabaseError } from "@/lib/startup";
import { lanStartProblem, lanUrls, isLoopbackBind } from "@/lib/auth/lan";
import { installBodyLimit } from "@/server/body-limit";
import { installPeerHeader } from "@/server/peer-header";
import { makeNewFilesPrivate } from "@/lib/private-files";
import { damagedDatabaseMessage, quickCheck } from "@/lib/backup/integrity";
import { logsDir } from "@/lib/logs/rotating";
import { teeToLogFile, type LogFile } from "@/lib/logs/tee";
import { installAccessLog } from "@/server/access-log";
import { installWebhookFastPath } from "@/server/webhook-fast-path";
import { warmUp } from "@/server/warm-up";
import { watchParent } from "@/lib/desktop/parent-watch";

const root = path.resolve(import.meta.dirname, "..");

class StartupError extends Error {
  constructor(
    message: string,
    public readonly exitCode: number,
  ) {
    super(message);
  }
}

function loadConfig(): Config {
  try {
    loadDotEnv(root);
    const cfg = parseConfig({ ...process.env, APP_ROOT: root });
    log.level = cfg.LOG_LEVEL;
    return cfg;
  } catch (error) {
    if (error instanceof ConfigError) throw new StartupError(error.message, 78);
    throw error;
  }
}

function ensureWritableDataDir(cfg: Config): void {
  try {
    prepareDataDir(cfg);
  } catch (error) {
    if (error instanceof DataDirError) throw new StartupError(error.message, 73);
    if (error instanceof UnusableDatabaseError) {
      openLogFile(cfg); // the folder is fine: server.log keeps why the start was refused
      throw new StartupError(error.message, 65);
    }
    throw error;
  }
}

/** Before anything else (demo data, migrations): a busy port is one line naming who holds it. */
async function ensureFreePort(cfg: Config): Promise<void> {
  const problem = await probePort(cfg.HOST, cfg.PORT);
  if (problem) throw new StartupError(busyPortMessage(cfg.HOST, cfg.PORT, problem), 75);
}

let logFile: LogFile | undefined;

/**
 * <data>/logs/server.log, besides the terminal. Not when the desktop launcher started us: it
 * already writes our output there.
 */
function openLogFile(cfg: Config): void {
  if (process.env.BOOKINGS_OUTPUT_LOGGED === "1") return;
  try {
    logFile = teeToLogFile(path.join(logsDir(cfg.dataDir), "server.log"));
  } catch {
    // An unwritable data directory is reported by ensureWritableDataDir, with its reason.
  }
}

async function main(): Promise<void> {
  const start = performance.now();
  // Before anything is created: the database, its -wal/-shm, backups and logs are this account's only.
  makeNewFilesPrivate();
  // Started by the desktop launcher: stop when it is gone, however it went (issue 22).
  watchParent(process.env, (pid) => {
    log.warn({ command: "serve", launcherPid: pid }, "the desktop launcher is gone; stopping");
    process.kill(process.pid, "SIGTERM");
  });
  const cfg = loadConfig();
  await ensureFreePort(cfg);
  ensureWritableDataDir(cfg);
  // After the checks: a refused start (busy port, unusable folder) creates nothing on disk.
  openLogFile(cfg);
  // Everything that can refuse to start does so before the database is touched.
  const serverFile = path.join(root, ".next", "standalone", "server.js");
  if (!existsSync(serverFile)) {
    throw new StartupError("No production build found. Run `./run start` (it builds first).", 66);
  }
  // A damaged, empty or unreadable database stops here, before migrations write to it (an
  // empty file would become a fresh demo database), naming the backup to restore.
  const integrity = quickCheck(cfg.databaseFile);
  if (!integrity.ok) {
    throw new StartupError(
      damagedDatabaseMessage({ ...cfg, packaged: cfg.PACKAGED, problem: integrity.problem }),
      65,
    );
  }
  const applied = await migrateIfNeeded(cfg.databaseFile);
  await prepareDatabase(cfg, new Date());
  // LAN mode needs an owner account first (exit 2: a setting the user must change).
  const lanProblem = await lanStartProblem(cfg.HOST, cfg.databaseFile, cfg);
  if (lanProblem) throw new StartupError(lanProblem, 2);

  // The standalone server reads these; paths must be absolute because it chdirs to its folder.
  Object.assign(process.env, {
    APP_ROOT: cfg.appRoot,
    DATA_DIR: cfg.dataDir,
    DATABASE_URL: `file:${cfg.databaseFile}`,
    PORT: String(cfg.PORT),
    HOSTNAME: cfg.HOST,
    NODE_ENV: "production",
  });
  log.info(
    { command: "serve", outcome: "starting", migrationsApplied: applied, ms: elapsedMs(start) },
    "server starting",
  );
  // Before the first connection of the server opens: checkpoints leave the request thread.
  enableBackgroundCheckpoints();
  startCheckpointer(cfg.databaseFile);
  // Installed first, so its wrapper is the outermost: a delivery skips the others' work too.
  installWebhookFastPath();
  installBodyLimit();
  installPeerHeader(cfg.TRUST_PROXY);
  installAccessLog();
  // Next's server loads `.env*` from its own folder: a package's settings never come from
  // there (the packager ships none; this keeps one put there later from being read). Next
  // skips its files once the environment is marked as processed.
  if (cfg.PACKAGED) process.env.__NEXT_PROCESSED_ENV = "true";
  await import(pathToFileURL(serverFile).href);
  // The import returns before the server listens: say "running" only once it does.
  const reachable = cfg.HOST === "0.0.0.0" ? "127.0.0.1" : cfg.HOST;
  await waitForListening(reachable, cfg.PORT, 60_000);
  void warmUp(`http://${reachable.includes(":") ? `[${reachable}]` : reachable}:${cfg.PORT}`);
  process.stdout.write(`\nStripe Bookings is running at http://${cfg.HOST}:${cfg.PORT}\n`);
  if (!isLoopbackBind(cfg.HOST)) {
    const urls = lanUrls(cfg.HOST, cfg.PORT);
    process.stdout.write(`On your network (LAN mode): ${urls.join("  ") || "no network address found"}\n`);
  }
}

main().catch(async (error: unknown) => {
  const exitCode = error instanceof StartupError ? error.exitCode : 1;
  const message = error instanceof Error ? error.message : String(error);
  // A StartupError is the person's to fix (settings, port, folder): its message says it all.
  const err = error instanceof StartupError ? undefined : error;
  log.error({ command: "serve", outcome: "failed", exitCode, err }, "server failed to start");
  process.stderr.write(`\nCannot start: ${message}\n`);
  await logFile?.close();
  process.exit(exitCode);
});
