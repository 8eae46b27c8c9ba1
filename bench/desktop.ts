// Desktop: "double-click to window shown", measured from the launcher's start, median of several
// launches on a private Xvfb screen with the real Neutralino binary: the package's
// `./stripe-bookings` (what an owner double-clicks: plain JavaScript) and the checkout's
// `node --import tsx desktop/launcher.ts` (as `./run desktop` execs it once the build is fresh),
// each with two honest ends:
//   - first page: the window has drawn its first page, the launcher's "Starting…" page (the
//     page reports it after its first frame; the launcher logs `start-page-shown`);
//   - Today: the server has sent the window (WebKit's user agent) the Today screen, GET / 200
//     in <data>/logs/server.log (drawing it takes a few more milliseconds, not counted).
// The sign-in link's redemption (audit log), the end the earlier version of this benchmark
// used, is kept in the notes. Baseline: a bare `node -e` HTTP server's spawn → first 200, same
// run. Also the package's size (`./run package`), against the Node binary it must contain.
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

/** Wall-clock time of the first `GET / 200` the server sent a WebKit user agent after `since`. */
function todaySent(serverLog: string, since: number): number | undefined {
  if (!existsSync(serverLog)) return undefined;
  for (const text of readFileSync(serverLog, "utf8").split("\n")) {
    if (!text.startsWith("{") || !text.includes('"msg":"page"')) continue;
    const line = JSON.parse(text) as {
      time?: string;
      status?: number;
      agent?: string;
      aborted?: boolean;
      req?: { path?: string };
    };
    if (line.aborted) continue;
    const at = Date.parse(line.time ?? "");
    if (line.req?.path === "/" && line.status === 200 && /AppleWebKit/.test(line.agent ?? "") && at > since)
      return at;
  }
  return undefined;
}

interface LaunchTimes {
  firstPage: number;
  today: number;
  signIn: number;
}

/** One launch of `command` (plus --port N), timed to its first page and to Today. */
async function timeLaunch(command: string[], env: NodeJS.ProcessEnv, dataDir: string): Promise<LaunchTimes> {
  const dbFile = path.join(dataDir, "app.db");
  const serverLog = path.join(dataDir, "logs", "server.log");
  const before = lastSignIn(dbFile);
  const port = await freePort();
  const started = Date.now();
  const [program, ...args] = command;
  const launcher = spawn(program!, [...args, "--port", String(port)], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let firstPage: number | undefined;
  let said = "";
  launcher.stderr.on("data", (chunk: Buffer) => {
    said += chunk.toString();
    if (firstPage === undefined && said.includes('"event":"start-page-shown"'))
      firstPage = Date.now() - started;
  });
  try {
    const deadline = Date.now() + 90_000;
    for (;;) {
      const today = todaySent(serverLog, started);
      const signIn = lastSignIn(dbFile);
      if (firstPage !== undefined && today !== undefined && signIn > before) {
        return { firstPage, today: today - started, signIn: signIn - started };
      }
      if (launcher.exitCode !== null)
        throw new Error(
          `the launcher exited (${launcher.exitCode}) before the window showed Today:\n${said}`,
        );
      if (Date.now() > deadline) throw new Error(`the window did not show Today within 90 s:\n${said}`);
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

/** Builds the package and unpacks it into a temporary folder; its size and start script. */
function buildPackage(ctx: BenchContext): { sizeMb: number; start: string } {
  const version = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string })
    .version;
  const name = packageName(version, process.platform, process.arch);
  const archive = path.join(ROOT, "dist", `${name}.tar.gz`);
  ctx.progress("desktop: building the package");
  const made = spawnSync(process.execPath, [...NODE_FLAGS, "desktop/package/build.ts"], {
    cwd: ROOT,
    env: { ...process.env, NEU_BINARY: neutralinoBinary() },
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (made.status !== 0) throw new Error("./run package failed");
  const folder = ctx.tempDir("desktop-package");
  const unpacked = spawnSync("tar", ["-xzf", archive, "-C", folder]);
  if (unpacked.status !== 0) throw new Error(`unpacking ${archive} failed`);
  return { sizeMb: statSync(archive).size / 1024 / 1024, start: path.join(folder, name, "stripe-bookings") };
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
    // info: the launcher's start-page-shown line and the server's page lines are what is timed.
    LOG_LEVEL: "info",
    NODE_ENV: "production",
  };
  const launches: LaunchTimes[] = [];
  const packaged: LaunchTimes[] = [];
  const bare: number[] = [];
  const built = buildPackage(ctx);
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
    for (let i = 0; i < RUNS; i++) {
      ctx.progress(`desktop: launch ${i + 1} of ${RUNS}`);
      bare.push(await timeBare());
      launches.push(await timeLaunch([process.execPath, ...NODE_FLAGS, "desktop/launcher.ts"], env, dataDir));
      // The package on the same data directory (DATA_DIR wins over its OS data folder).
      packaged.push(await timeLaunch([built.start], env, dataDir));
    }
  } finally {
    await display.stop();
  }
  const { sizeMb } = built;
  const nodeMb = statSync(process.execPath).size / 1024 / 1024;
  return {
    scale: 1,
    sizes: { runs: RUNS, statistic: "median" },
    figures: [
      figure({
        id: "desktop.package.firstPage",
        label: "package: ./stripe-bookings → window draws its first page (Starting…)",
        value: median(packaged.map((l) => l.firstPage)),
        unit: "ms",
        baseline: { label: "bare node -e HTTP server", value: median(bare), unit: "ms" },
        goal: { on: "value", op: "<", target: 2500 },
      }),
      figure({
        id: "desktop.package.today",
        label: "package: ./stripe-bookings → Today sent to the window (signed in)",
        value: median(packaged.map((l) => l.today)),
        unit: "ms",
        baseline: { label: "bare node -e HTTP server", value: median(bare), unit: "ms" },
      }),
      figure({
        id: "desktop.firstPage",
        label: "checkout: launcher (tsx) start → window draws its first page",
        value: median(launches.map((l) => l.firstPage)),
        unit: "ms",
        baseline: { label: "bare node -e HTTP server", value: median(bare), unit: "ms" },
        goal: { on: "value", op: "<", target: 2500 },
      }),
      figure({
        id: "desktop.today",
        label: "checkout: launcher (tsx) start → Today sent to the window",
        value: median(launches.map((l) => l.today)),
        unit: "ms",
        baseline: { label: "bare node -e HTTP server", value: median(bare), unit: "ms" },
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
      `Every launch (ms), first page / Today: package ${packaged.map((l) => `${l.firstPage}/${l.today}`).join(", ")}; checkout ${launches.map((l) => `${l.firstPage}/${l.today}`).join(", ")}; bare ${bare.map(Math.round).join(", ")}.`,
      `Sign-in link redeemed (the end this benchmark used before): median ${median(packaged.map((l) => l.signIn))} ms packaged, ${median(launches.map((l) => l.signIn))} ms from the checkout.`,
      "Existing data directory with an owner (the everyday launch); Xvfb with software rendering.",
    ],
  };
}

export const desktop: Benchmark = {
  name: "desktop",
  description: "launcher start → first page drawn, and → Today (median of 5, real Neutralino); package size",
  defaultScale: 1,
  run,
};
