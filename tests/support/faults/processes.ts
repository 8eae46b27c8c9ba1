// Child processes of the fault tests: every one is tracked so `killAll()` (afterEach) leaves
// nothing running, and every wait is bounded so a hung child fails the test instead of the run.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";

export const REPO_ROOT = path.resolve(import.meta.dirname, "..", "..", "..");
const NODE_FLAGS = ["--experimental-wasm-modules", "--no-warnings=ExperimentalWarning", "--import", "tsx"];

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface Child {
  pid: number;
  exited: Promise<Exit>;
  /** Set once the process has exited. */
  exit: Exit | null;
  stdout(): string;
  stderr(): string;
  /** SIGKILLs the child's process group (it and anything it started) and waits for the exit. */
  kill9(): Promise<Exit>;
}

const live = new Set<Child>();

/** Only what a child needs: the test worker's own env (DATABASE_URL set by other tests, …) must not leak in. */
function baseEnv(): Record<string, string> {
  const keep = ["PATH", "HOME", "TMPDIR", "LANG"];
  const env: Record<string, string> = { TZ: "UTC" };
  for (const key of keep) if (process.env[key]) env[key] = process.env[key];
  return env;
}

/** Runs a TypeScript entry point of the repo (`server/serve.ts`, `cli/index.ts`) the way `./run` does. */
export function spawnEntry(entry: string, args: string[], env: Record<string, string>): Child {
  const proc: ChildProcess = spawn(process.execPath, [...NODE_FLAGS, entry, ...args], {
    cwd: REPO_ROOT,
    env: { ...baseEnv(), ...env, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so a kill reaches grandchildren too.
    detached: true,
  });
  let out = "";
  let err = "";
  proc.stdout?.on("data", (chunk: Buffer) => (out += chunk.toString()));
  proc.stderr?.on("data", (chunk: Buffer) => (err += chunk.toString()));
  const child: Child = {
    pid: proc.pid ?? -1,
    exit: null,
    exited: new Promise<Exit>((resolve) => {
      proc.once("exit", (code, signal) => {
        child.exit = { code, signal };
        live.delete(child);
        resolve(child.exit);
      });
    }),
    stdout: () => out,
    stderr: () => err,
    kill9: async () => {
      if (child.exit) return child.exit;
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        proc.kill("SIGKILL");
      }
      return withTimeout(child.exited, 10_000, `process ${child.pid} to die`);
    },
  };
  live.add(child);
  return child;
}

/** SIGKILLs every child still running (call in afterEach). */
export async function killAll(): Promise<void> {
  await Promise.all([...live].map((child) => child.kill9()));
}

export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Polls `probe` until it returns a value other than undefined/false; fails after `timeoutMs`. */
export async function waitFor<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  options: { timeoutMs: number; intervalMs?: number; what: string },
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${options.timeoutMs} ms waiting for ${options.what}`);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 25));
  }
}

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Runs `work` over `items` with at most `size` at a time. */
export async function inParallel<T>(
  items: T[],
  size: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) await work(items[i] as T, i);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}
