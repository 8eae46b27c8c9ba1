// The command-line shell: `./run <command>`. Every command is a `defineCommand` spec
// (cli/spec.ts) listed in `specs`; this file loads `.env`, validates the settings, parses the
// arguments strictly, prepares the data directory, opens the database and logs one line per
// command. Exit codes: 0 ok, 1 failure, 2 bad input (arguments, settings, an unusable DATA_DIR).
import { existsSync } from "node:fs";
import path from "node:path";
import { BackupError } from "@/lib/backup/backup";
import { ConfigError, config, type Config } from "@/lib/config";
import { migrateIfNeeded } from "@/lib/db/migrations";
import { closeSqlite, sqlite } from "@/lib/db/sqlite";
import { loadDotEnv } from "@/lib/env-file";
import { elapsedMs, log } from "@/lib/log";
import { appendCommandLog } from "@/lib/logs/command-log";
import { makeNewFilesPrivate } from "@/lib/private-files";
import { DataDirError, prepareDataDir, UnusableDatabaseError } from "@/lib/startup";
import { clientsList, staffList } from "@/cli/commands/people";
import { demoLoad, demoWipe } from "@/cli/commands/demo";
import { exportIcsCommand, feedCreate, feedList, feedRevoke } from "@/cli/commands/feeds";
import {
  bookingsRebuild,
  rulesActivate,
  rulesCreate,
  rulesDeactivate,
  rulesList,
  rulesPreview,
  rulesReference,
  rulesSeedDefaults,
  rulesUpdate,
} from "@/cli/commands/rules";
import { migrate, migrateNew } from "@/cli/commands/migrate";
import { quarantineList, quarantineRetry } from "@/cli/commands/quarantine";
import { syncCommand } from "@/cli/commands/sync";
import { backup, restore } from "@/cli/commands/backup";
import { webhooksRetry, webhooksStatus } from "@/cli/commands/webhooks";
import { tokenCommands } from "@/cli/commands/tokens";
import { userCommands } from "@/cli/commands/users";
import { UsageError } from "@/cli/context";
import { commandLine, parseCommandArgs, usageOf, type CommandSpec } from "@/cli/spec";

/** Every command. Add a new one by importing its `defineCommand` spec and listing it here. */
const specs: CommandSpec[] = [
  migrate,
  migrateNew,
  syncCommand,
  demoLoad,
  demoWipe,
  webhooksStatus,
  webhooksRetry,
  rulesList,
  rulesCreate,
  rulesUpdate,
  rulesActivate,
  rulesDeactivate,
  rulesPreview,
  rulesSeedDefaults,
  rulesReference,
  bookingsRebuild,
  staffList,
  clientsList,
  feedCreate,
  feedRevoke,
  feedList,
  exportIcsCommand,
  ...userCommands,
  ...tokenCommands,
  quarantineList,
  quarantineRetry,
  backup,
  restore,
];

function helpText(): string {
  const lines = specs.map((spec) => [`${spec.name}${spec.usage ? ` ${spec.usage}` : ""}`, spec.summary]);
  const width = 36;
  return lines
    .map(([left = "", right = ""]) =>
      left.length > width
        ? `  ${left}\n  ${"".padEnd(width)}  ${right}`
        : `  ${left.padEnd(width)}  ${right}`,
    )
    .join("\n");
}

const appRoot = path.resolve(import.meta.dirname, "..");

export async function main(argv: string[]): Promise<number> {
  const [name = "help", ...args] = argv;
  const start = performance.now();
  // Before anything is created: the database, backups and logs are this account's only.
  makeNewFilesPrivate();
  // The per-command JSON line is for the log, not the terminal: warnings and errors only,
  // unless LOG_LEVEL asks for more.
  log.level = "warn";
  let code = 1;
  let failure: unknown;
  let dataDir: string | undefined;
  try {
    process.env.APP_ROOT ??= appRoot;
    loadDotEnv(process.env.APP_ROOT);
    // Help and an unknown command need no settings; a command's settings error is reported
    // when it asks for them.
    let cfg: Config | undefined;
    let configError: unknown;
    try {
      cfg = config();
      dataDir = cfg.dataDir;
      if (process.env.LOG_LEVEL) log.level = cfg.LOG_LEVEL;
    } catch (error) {
      configError = error;
    }
    code = await dispatch(name, args, () => {
      if (!cfg) throw configError;
      return cfg;
    });
  } catch (error) {
    failure = error;
    code = reportError(error);
  } finally {
    closeSqlite();
  }
  // One line per command — unknown ones, usage errors and failures included (with the stack at
  // LOG_LEVEL=debug): the person already read the message on stderr.
  const line = {
    command: name,
    outcome: code === 0 ? "ok" : "failed",
    exitCode: code,
    ms: elapsedMs(start),
  };
  log.info(
    {
      ...line,
      ...(failure === undefined ? {} : { err: log.isLevelEnabled("debug") ? failure : String(failure) }),
    },
    "command",
  );
  // Settings that do not parse leave no data folder to write to; the terminal said why. A
  // folder that does not exist is not created for a command refused before it ran.
  if (dataDir !== undefined && existsSync(dataDir))
    await appendCommandLog(dataDir, failure === undefined ? line : { ...line, err: String(failure) });
  return code;
}

async function dispatch(name: string, args: string[], settings: () => Config): Promise<number> {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  if (name === "help" || name === "--help" || name === "-h") {
    out(`Usage: ${commandLine("<command> [options]")}\n\nCommands:\n${helpText()}`);
    return 0;
  }
  const spec = specs.find((candidate) => candidate.name === name);
  if (!spec) throw new UsageError(`Unknown command "${name}". Commands:\n${helpText()}`);
  if (args.includes("--help") && !spec.options?.help) {
    out(`${usageOf(spec)}\n${spec.summary}`);
    return 0;
  }
  const cfg = settings();
  const parsed = parseCommandArgs(spec, args); // bad input exits 2 before anything is touched
  if (spec.needsDatabase !== false) {
    prepareDataDir(cfg);
    await migrateIfNeeded(cfg.databaseFile);
  }
  // Opened on first use: the migration engine must not find another connection open.
  const ctx = {
    get db() {
      return sqlite();
    },
    now: new Date(),
    out,
    publicUrl: cfg.publicUrl,
  };
  return spec.run(parsed, ctx);
}

function reportError(error: unknown): number {
  if (error instanceof UsageError || error instanceof ConfigError || error instanceof DataDirError) {
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  // A state to fix first (restore a backup): the message says which and how.
  if (error instanceof UnusableDatabaseError || error instanceof BackupError) {
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Failed: ${message}\n`);
  return 1;
}

main(process.argv.slice(2)).then((code) => process.exit(code));
