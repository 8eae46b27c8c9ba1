// Child processes whose output goes to a log file, and stopping them politely then firmly.
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, mkdirSync, openSync, readSync, fstatSync, statSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the program could not be started at all (missing, not executable). */
  error?: Error;
}

export interface Running {
  child: ChildProcess;
  exited: Promise<ExitInfo>;
  logFile: string;
  /** Size of the log before this process wrote to it: where its own lines start. */
  logOffset: number;
}

/** Starts `command` with stdout and stderr appended to `logFile`; `exited` never rejects. */
export function spawnLogged(
  command: string[],
  options: { cwd: string; env: Record<string, string | undefined>; logFile: string },
): Running {
  const [program, ...args] = command;
  if (program === undefined) throw new Error("Empty command.");
  mkdirSync(path.dirname(options.logFile), { recursive: true });
  const fd = openSync(options.logFile, "a");
  const logOffset = fstatSync(fd).size;
  let child: ChildProcess;
  try {
    // The child writes straight into the file, so its log survives even if the launcher dies.
    child = spawn(program, args, {
      cwd: options.cwd,
      // Next's types make NODE_ENV required on ProcessEnv; a child may be started without it.
      env: options.env as NodeJS.ProcessEnv,
      stdio: ["ignore", fd, fd],
      windowsHide: true,
    });
  } finally {
    closeSync(fd);
  }
  const exited = new Promise<ExitInfo>((resolve) => {
    child.once("error", (error) => resolve({ code: null, signal: null, error }));
    child.once("exit", (code, signal) => resolve({ code, signal }));
  });
  return { child, exited, logFile: options.logFile, logOffset };
}

/** Whether the process has already exited (or never started). */
export function hasExited(running: Running): boolean {
  return (
    running.child.exitCode !== null || running.child.signalCode !== null || running.child.pid === undefined
  );
}

/** SIGTERM, then SIGKILL if it is still there after `graceMs`; resolves once it has exited. */
export async function stopProcess(running: Running, graceMs: number): Promise<ExitInfo> {
  if (!hasExited(running)) {
    running.child.kill("SIGTERM");
    const timer = new AbortController();
    const outcome = await Promise.race([
      running.exited.then(() => "exited" as const),
      sleep(graceMs, "late" as const, { signal: timer.signal }).catch(() => "exited" as const),
    ]);
    timer.abort();
    if (outcome === "late") running.child.kill("SIGKILL");
  }
  return running.exited;
}

const TAIL_BYTES = 64 * 1024;

/** The text this process appended to its log (its last 64 KiB at most); "" if unreadable. */
export function readOwnLog(running: Running): string {
  try {
    const size = statSync(running.logFile).size;
    const start = Math.max(running.logOffset, size - TAIL_BYTES);
    const length = size - start;
    if (length <= 0) return "";
    const buffer = Buffer.alloc(length);
    const fd = openSync(running.logFile, "r");
    try {
      readSync(fd, buffer, 0, length, start);
    } finally {
      closeSync(fd);
    }
    return buffer.toString("utf8");
  } catch {
    return "";
  }
}

/** "exit code 3", "signal SIGKILL" or the start-up error, for messages. */
export function describeExit(exit: ExitInfo): string {
  if (exit.error) return exit.error.message;
  if (exit.signal) return `signal ${exit.signal}`;
  return `exit code ${exit.code ?? "unknown"}`;
}
