// `./run desktop`: opens Stripe Bookings in a native Neutralino window backed by the local
// server. This file is the thin shell — flags and environment in, one log line and an exit
// code out; desktop/launcher/session.ts does the work. Exit codes are listed in docs/DESKTOP.md.
import { realpathSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ConfigError } from "@/lib/config";
import { loadDotEnv } from "@/lib/env-file";
import { elapsedMs, log } from "@/lib/log";
import { teeToLogFile, type LogFile } from "@/lib/logs/tee";
import { makeNewFilesPrivate } from "@/lib/private-files";
import { resolveOptions, usage, UsageError } from "@/desktop/launcher/options";
import { launch, type LaunchResult } from "@/desktop/launcher/session";

const appRoot = path.resolve(import.meta.dirname, "..");
const STOP_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

export interface MainIo {
  /** Human-readable progress and errors; stdout is kept for the structured log. */
  say: (text: string) => void;
  /** Called once the data directory is known, with its logs folder (the script opens desktop.log). */
  logsIn?: (logsDir: string) => void;
}

const defaultIo: MainIo = { say: (text) => process.stderr.write(`${text}\n`) };

/** Runs the desktop app until its window closes; resolves to the process exit code. */
export async function main(
  argv: string[],
  env: Record<string, string | undefined>,
  io: MainIo = defaultIo,
): Promise<number> {
  const start = performance.now();
  let options;
  try {
    options = resolveOptions(argv, env, {
      appRoot,
      execPath: process.execPath,
      platform: process.platform,
      arch: process.arch,
      // Beside this file, in the checkout (desktop/) and in the package (app/desktop/) alike.
      startPageFile: path.join(import.meta.dirname, "resources", "starting.html"),
    });
  } catch (error) {
    if (error instanceof UsageError) {
      io.say(`${error.message}\n\n${usage(env)}`);
      return 64;
    }
    if (error instanceof ConfigError) {
      io.say(error.message);
      return 78;
    }
    throw error;
  }
  if (options === "help") {
    io.say(usage(env));
    return 0;
  }
  io.logsIn?.(options.logsDir);

  const stop = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => stop.abort(signal);
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  let result: LaunchResult | undefined;
  try {
    result = await launch(options, stop.signal, io.say);
    return result.exitCode;
  } catch (error) {
    io.say(`The desktop launcher failed: ${error instanceof Error ? error.message : String(error)}`);
    log.error({ command: "desktop", err: error }, "desktop launcher failed");
    return 1;
  } finally {
    for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
    const line = {
      command: "desktop",
      outcome: result?.outcome ?? "crashed",
      exitCode: result?.exitCode ?? 1,
      port: result?.port,
      reusedServer: result?.reusedServer,
      healthMs: result?.healthMs,
      shownMs: result?.shownMs,
      windowMs: result?.windowMs,
      ms: elapsedMs(start),
    };
    if (result?.exitCode === 0) log.info(line, "desktop launch");
    else log.error(line, "desktop launch");
  }
}

function runDirectly(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (runDirectly()) {
  // Before anything is created: the data folder, desktop.log and the start lock are private
  // from their first byte, not 0755 until the server tightens them.
  makeNewFilesPrivate();
  loadDotEnv(appRoot);
  let logFile: LogFile | undefined;
  const io: MainIo = {
    ...defaultIo,
    logsIn: (dir) => {
      try {
        logFile = teeToLogFile(path.join(dir, "desktop.log"));
      } catch {
        // No log file (an unwritable data directory): the terminal still has everything.
      }
    },
  };
  main(process.argv.slice(2), process.env, io).then(
    async (code) => {
      process.exitCode = code;
      await logFile?.close();
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
