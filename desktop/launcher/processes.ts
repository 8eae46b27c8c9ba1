// Child processes whose output goes to a rotating log file (lib/logs), and stopping them
// politely then firmly. The last 64 KiB of each child's output is also kept in memory, so a
// failure message can quote it even when the file has just rotated.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { rotatingLog } from "@/lib/logs/rotating";

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
  /** What this process wrote (its last 64 KiB). */
  tail: () => string;
}

const TAIL_BYTES = 64 * 1024;

/** Starts `command` with stdout and stderr appended to `logFile` (rotated); `exited` never rejects. */
export function spawnLogged(
  command: string[],
  options: { cwd: string; env: Record<string, string | undefined>; logFile: string; argv0?: string },
): Running {
  const [program, ...args] = command;
  if (program === undefined) throw new Error("Empty command.");
  mkdirSync(path.dirname(options.logFile), { recursive: true });
  const child = spawn(program, args, {
    cwd: options.cwd,
    argv0: options.argv0,
    // Next's types make NODE_ENV required on ProcessEnv; a child may be started without it.
    env: options.env as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
    windowsHide: true,
  });
  const log = rotatingLog(options.logFile);
  log.on("error", () => undefined); // a full disk must not take the launcher down
  let tail = Buffer.alloc(0);
  for (const output of [child.stdout, child.stderr]) {
    output.on("data", (chunk: Buffer) => {
      log.write(chunk);
      tail = Buffer.concat([tail, chunk]);
      if (tail.length > TAIL_BYTES) tail = tail.subarray(tail.length - TAIL_BYTES);
    });
  }
  // Once both pipes are closed nothing more can be written.
  child.once("close", () => log.end());
  child.once("error", () => log.end());
  // A grandchild (WebKit's web and network processes) may hold the pipes after the child
  // itself has gone; the launcher must not wait for it to exit, so the pipes are let go soon.
  child.once("exit", () => {
    setTimeout(() => {
      child.stdout?.destroy();
      child.stderr?.destroy();
      if (!log.writableEnded) log.end();
    }, 1_000).unref();
  });
  const exited = new Promise<ExitInfo>((resolve) => {
    child.once("error", (error) => resolve({ code: null, signal: null, error }));
    child.once("exit", (code, signal) => resolve({ code, signal }));
  });
  return { child, exited, logFile: options.logFile, tail: () => tail.toString("utf8") };
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

/** The text this process wrote (its last 64 KiB at most). */
export function readOwnLog(running: Running): string {
  return running.tail();
}

/** "exit code 3", "signal SIGKILL" or the start-up error, for messages. */
export function describeExit(exit: ExitInfo): string {
  if (exit.error) return exit.error.message;
  if (exit.signal) return `signal ${exit.signal}`;
  return `exit code ${exit.code ?? "unknown"}`;
}
