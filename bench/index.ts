// `./run bench [names...] [--scale N | --full] [--list]`: runs the named benchmarks (all by
// default) one after another, prints each figure as it is measured, then a summary table, and
// writes the run to data/bench/latest.json.
import "@/bench/support/quiet";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { z } from "zod";
import { benchmarks } from "@/bench/registry";
import { figureLine, machineInfo, summaryTable, writeRunFile } from "@/bench/report";
import { ROOT } from "@/bench/support/server";
import type { BenchContext, BenchResult, Benchmark } from "@/bench/types";

const RESULTS_FILE = path.join(ROOT, "data", "bench", "latest.json");

const argsSchema = z.object({
  names: z.array(z.string()),
  scale: z.number().positive().max(16).nullable(),
  list: z.boolean(),
});
type Args = z.infer<typeof argsSchema>;

function parseArgs(argv: string[], env: NodeJS.ProcessEnv): Args {
  const names: string[] = [];
  let scale: number | null = env.BENCH_SCALE ? Number(env.BENCH_SCALE) : null;
  let list = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--full") scale = 1;
    else if (arg === "--list") list = true;
    else if (arg === "--scale") scale = Number(argv[++i]);
    else if (arg.startsWith("--scale=")) scale = Number(arg.slice("--scale=".length));
    else if (arg.startsWith("-"))
      throw new Error(`Unknown option ${arg}. Use: [names...] [--scale N | --full] [--list]`);
    else names.push(arg);
  }
  const parsed = argsSchema.safeParse({ names, scale, list });
  if (!parsed.success)
    throw new Error("--scale (or BENCH_SCALE) must be a number in (0, 16]; 1 = the full sizes.");
  return parsed.data;
}

function select(names: string[]): Benchmark[] {
  if (names.length === 0) return benchmarks;
  return names.map((name) => {
    const found = benchmarks.find((b) => b.name === name);
    if (!found) throw new Error(`No benchmark "${name}". Known: ${benchmarks.map((b) => b.name).join(", ")}`);
    return found;
  });
}

async function runOne(bench: Benchmark, ctx: BenchContext): Promise<BenchResult> {
  const start = performance.now();
  process.stdout.write(`\n${bench.name} — ${bench.description}\n`);
  try {
    const out = await bench.run(ctx);
    const result: BenchResult = {
      name: bench.name,
      sizes: out.sizes,
      scale: out.scale,
      figures: out.figures,
      checks: out.checks ?? [],
      notes: out.notes ?? [],
      durationMs: Math.round(performance.now() - start),
    };
    for (const f of result.figures) process.stdout.write(`${figureLine(f)}\n`);
    for (const c of result.checks)
      process.stdout.write(`  check ${c.ok ? "ok" : "FAILED"}: ${c.label} — ${c.detail}\n`);
    for (const note of result.notes) process.stdout.write(`  note: ${note}\n`);
    return result;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stdout.write(`  FAILED: ${message}\n`);
    return {
      name: bench.name,
      sizes: {},
      scale: ctx.scale ?? bench.defaultScale,
      figures: [],
      checks: [],
      notes: [],
      durationMs: Math.round(performance.now() - start),
      error: message,
    };
  }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), process.env);
  if (args.list) {
    for (const b of benchmarks)
      process.stdout.write(`${b.name.padEnd(10)} ${b.description} (default scale ${b.defaultScale})\n`);
    return 0;
  }
  const selected = select(args.names);
  const root = mkdtempSync(path.join(tmpdir(), "bookings-bench-"));
  let dirs = 0;
  const ctx: BenchContext = {
    scale: args.scale,
    tempDir: (label) => mkdtempSync(path.join(root, `${label}-${(dirs += 1)}-`)),
    progress: (line) => process.stderr.write(`  … ${line}\n`),
    now: new Date(),
  };
  const machine = machineInfo();
  const startedAt = new Date().toISOString();
  process.stdout.write(
    `Benchmarks on ${machine.cpus} CPU(s) (${machine.cpuModel}), ${machine.memoryGb} GB, Node ${machine.node}; ` +
      `scale ${args.scale ?? "default per benchmark"} (1 = full sizes)\n`,
  );
  const results: BenchResult[] = [];
  try {
    for (const bench of selected) results.push(await runOne(bench, ctx));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  process.stdout.write(`\n${summaryTable(results)}\n`);
  writeRunFile(RESULTS_FILE, {
    startedAt,
    finishedAt: new Date().toISOString(),
    machine,
    argv: process.argv.slice(2),
    results,
  });
  process.stdout.write(`\nWritten to ${path.relative(process.cwd(), RESULTS_FILE)}\n`);
  const failed = results.some((r) => r.error !== undefined || r.checks.some((c) => !c.ok));
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
