// Child processes on 127.0.0.1: the production server (server/serve.ts, as `./run start` runs
// it) and a bare Node HTTP server as the start-up baseline. Each is stopped by its own pid.
import { spawn, type ChildProcess } from "node:child_process";
import { openSync, closeSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { sleep } from "@/bench/support/stats";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");
const NODE_FLAGS = ["--experimental-wasm-modules", "--no-warnings=ExperimentalWarning", "--import", "tsx"];

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
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

export interface Child {
  url: string;
  process: ChildProcess;
  /** Resolves once the process has exited (SIGTERM, then SIGKILL after 5 s). */
  stop(): Promise<void>;
}

function stopper(child: ChildProcess): () => Promise<void> {
  return async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  };
}

export interface ServeOptions {
  dataDir: string;
  port: number;
  /** Server output goes here (kept in the temporary directory for post-mortems). */
  logFile: string;
  env?: Record<string, string>;
  /** Extra node flags, e.g. `--cpu-prof` (not allowed in NODE_OPTIONS) for profiling the server. */
  nodeFlags?: string[];
}

/** Spawns server/serve.ts; does not wait for it to answer. */
export function spawnServe(options: ServeOptions): Child {
  const log = openSync(options.logFile, "a");
  const child = spawn(process.execPath, [...(options.nodeFlags ?? []), ...NODE_FLAGS, "server/serve.ts"], {
    cwd: ROOT,
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      PORT: String(options.port),
      HOST: "127.0.0.1",
      DATA_DIR: options.dataDir,
      DATABASE_URL: "",
      STRIPE_SECRET_KEY: "",
      STRIPE_WEBHOOK_SECRET: "whsec_bench",
      // Production's default: the per-request log line is part of the cost measured.
      LOG_LEVEL: "info",
      ...options.env,
    },
  });
  closeSync(log);
  return { url: `http://127.0.0.1:${options.port}`, process: child, stop: stopper(child) };
}

/** Spawns `node -e` with a bare HTTP server answering 200 to everything. */
export function spawnBareServer(port: number): Child {
  const script = `require("node:http").createServer((q, s) => s.end("ok")).listen(${port}, "127.0.0.1")`;
  const child = spawn(process.execPath, ["-e", script], { stdio: "ignore" });
  return { url: `http://127.0.0.1:${port}`, process: child, stop: stopper(child) };
}

/** Polls `url` every `intervalMs` until it answers 200; throws if the child exits or time runs out. */
export async function waitFor200(
  url: string,
  child: ChildProcess,
  options: { timeoutMs: number; intervalMs?: number },
): Promise<void> {
  const deadline = performance.now() + options.timeoutMs;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await sleep(options.intervalMs ?? 20);
  }
  throw new Error(`${url} did not answer 200 within ${options.timeoutMs} ms`);
}

/** Starts the production server and waits until /api/health is 200; returns it and the wall time taken. */
export async function startServe(
  options: ServeOptions,
  timeoutMs = 90_000,
): Promise<{ child: Child; ms: number }> {
  const start = performance.now();
  const child = spawnServe(options);
  try {
    await waitFor200(`${child.url}/api/health`, child.process, { timeoutMs });
  } catch (error) {
    await child.stop();
    throw new Error(
      `${error instanceof Error ? error.message : String(error)} (server log: ${options.logFile})`,
    );
  }
  return { child, ms: performance.now() - start };
}
