// Server start on a built checkout: spawn server/serve.ts (as `./run start` does once the
// build is fresh) on a migrated data directory and time until /api/health answers 200.
// Baseline: `node -e` with a bare HTTP server, timed the same way.
import path from "node:path";
import { figure } from "@/bench/report";
import { migratedDataDir } from "@/bench/support/db";
import { freePort, spawnBareServer, startServe, waitFor200 } from "@/bench/support/server";
import { median } from "@/bench/support/stats";
import type { BenchContext, BenchOutput, Benchmark } from "@/bench/types";

const RUNS = 3;

async function timeServe(dataDir: string): Promise<number> {
  const { child, ms } = await startServe({
    dataDir,
    port: await freePort(),
    logFile: path.join(dataDir, "server.log"),
  });
  await child.stop();
  return ms;
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

async function run(ctx: BenchContext): Promise<BenchOutput> {
  const first: number[] = [];
  const restart: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    ctx.progress(`start: run ${i + 1} of ${RUNS}`);
    bare.push(await timeBare());
    // A fresh migrated directory: this start creates the settings row and loads the demo business.
    const dataDir = await migratedDataDir(ctx, "start");
    first.push(await timeServe(dataDir));
    // The same directory again: the everyday start (nothing to migrate, demo already there).
    restart.push(await timeServe(dataDir));
  }
  const baseline = { label: "bare node -e HTTP server", value: median(bare), unit: "ms" };
  const goal = { on: "value" as const, op: "<" as const, target: 2000 };
  return {
    scale: 1,
    sizes: { runs: RUNS, statistic: "median" },
    figures: [
      figure({
        id: "start.restart",
        label: "start → healthy (existing data)",
        value: median(restart),
        unit: "ms",
        baseline,
        goal,
      }),
      figure({
        id: "start.first",
        label: "first start → healthy (loads demo data)",
        value: median(first),
        unit: "ms",
        baseline,
        goal,
      }),
    ],
    notes: [
      `Every run (ms): existing data ${restart.map(Math.round).join(", ")}; first start ${first.map(Math.round).join(", ")}; bare ${bare.map(Math.round).join(", ")}.`,
      "Wall time from spawn to the first 200 of GET /api/health (polled every 20 ms), tsx loading included.",
    ],
  };
}

export const start: Benchmark = {
  name: "start",
  description: "server/serve.ts spawn → 200 from /api/health (median of 3) vs a bare node HTTP server",
  defaultScale: 1,
  run,
};
