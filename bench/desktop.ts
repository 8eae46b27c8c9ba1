// Desktop: "double-click to window shown" — the launcher's start (node desktop/launcher.ts, as
// `./run desktop` execs it once the build is fresh) to the window's first page load, seen by the
// server as the window redeeming its one-time sign-in link (the audit log's desktop-sign-in,
// timed by the server's clock), median of several launches on a private Xvfb screen with the
// real Neutralino binary. Baseline: a bare `node -e` HTTP server's spawn → first 200, same run.
// Also the package's size (`./run package`), against the Node binary it must contain.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { figure } from "@/bench/report";
import { freePort, ROOT, spawnBareServer, waitFor200 } from "@/bench/support/server";
import { median } from "@/bench/support/stats";
import type { BenchContext, BenchOutput, Benchmark } from "@/bench/types";
import { packageName } from "@/desktop/package/files";
import { neutralinoBinary, startXvfb, windowTestBlocker } from "@/tests/support/desktop/real-window";

const RUNS = 5;
const NODE_FLAGS = ["--experimental-wasm-modules", "--no-warnings=ExperimentalWarning", "--import", "tsx"];

function lastSignIn(dbFile: string): number {
  if (!existsSync(dbFile)) return 0;
  const db = new Database(dbFile, { readonly: true });
  try {
    const row = db.prepare("SELECT max(at) AS at FROM AuditEvent WHERE type = 'desktop-sign-in'").get() as {
      at: number | null;
    };
    return row.at ?? 0;
  } finally {
    db.close();
  }
}

async function timeLaunch(env: NodeJS.ProcessEnv, dbFile: string): Promise<number> {
  const before = lastSignIn(dbFile);
  const started = Date.now();
  const launcher = spawn(
    process.execPath,
    [...NODE_FLAGS, "desktop/launcher.ts", "--port", String(await freePort())],
    {
      cwd: ROOT,
      env,
      stdio: "ignore",
    },
  );
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const at = lastSignIn(dbFile);
      if (at > before) return at - started;
      if (launcher.exitCode !== null)
        throw new Error(`the launcher exited (${launcher.exitCode}) before the window loaded`);
      if (Date.now() > deadline) throw new Error("no window page load within 60 s");
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  } finally {
    // SIGTERM: the launcher closes the window and stops the server it started.
    launcher.kill("SIGTERM");
    await new Promise((resolve) =>
      launcher.exitCode !== null ? resolve(null) : launcher.once("exit", resolve),
    );
  }
}

async function timeBare(): Promise<number> {
  const start = performance.now();
  const child = spawnBareServer(await freePort());
  try {
    await waitFor200(child.url, child.process, { timeoutMs: 30_000 });
    return performance.now() - start;
  } finally {
    await child.stop();
  }
}

function packageSize(ctx: BenchContext): number {
  const version = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string })
    .version;
  const archive = path.join(ROOT, "dist", `${packageName(version, process.platform, process.arch)}.tar.gz`);
  ctx.progress("desktop: building the package");
  const made = spawnSync(process.execPath, [...NODE_FLAGS, "desktop/package/build.ts"], {
    cwd: ROOT,
    env: { ...process.env, NEU_BINARY: neutralinoBinary() },
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (made.status !== 0) throw new Error("./run package failed");
  return statSync(archive).size / 1024 / 1024;
}

async function run(ctx: BenchContext): Promise<BenchOutput> {
  const blocker = windowTestBlocker();
  if (blocker) throw new Error(`the desktop benchmark needs a real window: ${blocker}`);
  const display = await startXvfb();
  const dataDir = ctx.tempDir("desktop");
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: ctx.tempDir("desktop-home"),
    LANG: "C.UTF-8",
    DISPLAY: display.name,
    DATA_DIR: dataDir,
    NEU_BINARY: neutralinoBinary(),
    LIBGL_ALWAYS_SOFTWARE: "1",
    WEBKIT_DISABLE_DMABUF_RENDERER: "1",
    LOG_LEVEL: "warn",
    NODE_ENV: "production",
  };
  const launches: number[] = [];
  const bare: number[] = [];
  try {
    const owner = spawnSync(
      process.execPath,
      [
        ...NODE_FLAGS,
        "cli/index.ts",
        "user:create",
        "--email",
        "owner@example.com",
        "--role",
        "owner",
        "--password-stdin",
      ],
      { cwd: ROOT, env, input: "bench password 123\n" },
    );
    if (owner.status !== 0) throw new Error(`creating the owner failed: ${owner.stderr.toString()}`);
    const dbFile = path.join(dataDir, "app.db");
    for (let i = 0; i < RUNS; i++) {
      ctx.progress(`desktop: launch ${i + 1} of ${RUNS}`);
      bare.push(await timeBare());
      launches.push(await timeLaunch(env, dbFile));
    }
  } finally {
    await display.stop();
  }
  const sizeMb = packageSize(ctx);
  const nodeMb = statSync(process.execPath).size / 1024 / 1024;
  return {
    scale: 1,
    sizes: { runs: RUNS, statistic: "median" },
    figures: [
      figure({
        id: "desktop.launch",
        label: "launcher start → window's first page load",
        value: median(launches),
        unit: "ms",
        baseline: { label: "bare node -e HTTP server", value: median(bare), unit: "ms" },
        goal: { on: "value", op: "<", target: 2500 },
      }),
      figure({
        id: "desktop.package",
        label: "package size (.tar.gz)",
        value: sizeMb,
        unit: "MB",
        baseline: { label: "the Node.js binary it contains", value: nodeMb, unit: "MB" },
      }),
    ],
    checks: [],
    notes: [
      `Every launch (ms): ${launches.map(Math.round).join(", ")}; bare ${bare.map(Math.round).join(", ")}.`,
      "Existing data directory with an owner (the everyday launch); Xvfb with software rendering.",
    ],
  };
}

export const desktop: Benchmark = {
  name: "desktop",
  description: "launcher start → window's first page load (median of 5, real Neutralino) and package size",
  defaultScale: 1,
  run,
};
