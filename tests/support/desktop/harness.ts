// Shared set-up for the desktop launcher tests: a temp folder per test, the environment that
// points the launcher at the stand-in server and window, and small process/file helpers.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { main } from "@/desktop/launcher";

export const FAKE_SERVER = path.join(import.meta.dirname, "fake-server.mjs");
export const FAKE_NEUTRALINO = path.join(import.meta.dirname, "fake-neutralino.mjs");
export const REPO_ROOT = path.resolve(import.meta.dirname, "..", "..", "..");

/** The stand-in window is run as a real executable, as Neutralino would be. */
export function makeFakeWindowExecutable(): void {
  chmodSync(FAKE_NEUTRALINO, 0o755);
}

export const windowRecordSchema = z.object({
  argv: z.array(z.string()),
  pid: z.number(),
  /** Opened on the launcher's start page (rather than straight on the app). */
  startPage: z.boolean(),
  /** The app URL it ended on, or null. */
  url: z.string().nullable(),
  healthStatus: z.union([z.number(), z.string(), z.null()]),
  /** The start-up error the start page showed, or null. */
  error: z.string().nullable(),
  /** The umask the window was started with. */
  umask: z.number(),
});
export const serverInfoSchema = z.object({
  pid: z.number(),
  port: z.number(),
  host: z.string(),
  dataDir: z.string().optional(),
  /** BOOKINGS_PARENT_PID as the launcher passed it. */
  parentPid: z.string().optional(),
});

export interface Sandbox {
  dir: string;
  dataDir: string;
  /** Where the stand-in window writes its argv. */
  windowRecord: string;
  /** Where the stand-in server writes its pid and port. */
  serverInfo: string;
  cleanup: () => void;
}

export function sandbox(): Sandbox {
  const dir = mkdtempSync(path.join(tmpdir(), "desktop-launcher-"));
  return {
    dir,
    dataDir: path.join(dir, "data"),
    windowRecord: path.join(dir, "window.json"),
    serverInfo: path.join(dir, "server.json"),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Environment for a launch against the stand-ins; `serverFlags` go to fake-server.mjs. */
export function fakeEnv(
  box: Sandbox,
  port: number,
  options: {
    serverFlags?: string[];
    windowExitAfterMs?: number;
    windowExitCode?: number;
    /** Close the window while it still shows the start page. */
    windowExitFromStart?: boolean;
    /** Close the window (exit 0) once this file exists. */
    windowExitWhen?: string;
  } = {},
): Record<string, string | undefined> {
  const { PORT: _port, APP_ROOT: _root, ...inherited } = process.env;
  return {
    ...inherited,
    HOST: "127.0.0.1",
    PORT: String(port),
    DATA_DIR: box.dataDir,
    NEU_BINARY: FAKE_NEUTRALINO,
    FAKE_NEU_RECORD: box.windowRecord,
    FAKE_NEU_EXIT_AFTER_MS: options.windowExitAfterMs?.toString(),
    FAKE_NEU_EXIT_CODE: options.windowExitCode?.toString(),
    FAKE_NEU_EXIT_FROM: options.windowExitFromStart ? "start" : undefined,
    FAKE_NEU_EXIT_WHEN: options.windowExitWhen,
    DESKTOP_SERVER_COMMAND: JSON.stringify([
      process.execPath,
      FAKE_SERVER,
      `--info=${box.serverInfo}`,
      ...(options.serverFlags ?? []),
    ]),
  };
}

/** Runs the launcher in-process; `messages` is everything it told the user. */
export async function runLauncher(
  env: Record<string, string | undefined>,
  argv: string[] = [],
): Promise<{ code: number; messages: string }> {
  const lines: string[] = [];
  const code = await main(argv, env, { say: (text) => lines.push(text) });
  return { code, messages: lines.join("\n") };
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error instanceof Error && "code" in error && error.code === "EPERM";
  }
}

export async function waitForFile(file: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`${file} did not appear within ${timeoutMs} ms`);
    await sleep(25);
  }
}

export function readJson<T>(file: string, schema: z.ZodType<T>): T {
  return schema.parse(JSON.parse(readFileSync(file, "utf8")));
}
