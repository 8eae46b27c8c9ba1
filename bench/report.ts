// Figures, ratios and the printed tables. Every figure carries its baseline, so a line always
// reads "value (ratio × baseline)" and the ratio stays meaningful on another machine.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BenchResult, Figure, Goal, Measure } from "@/bench/types";

export interface FigureInput {
  id: string;
  label: string;
  value: number;
  unit: string;
  baseline: Measure;
  goal?: Goal;
}

function goalMet(goal: Goal, value: number, ratio: number): boolean {
  const x = goal.on === "value" ? value : ratio;
  switch (goal.op) {
    case "<":
      return x < goal.target;
    case "<=":
      return x <= goal.target;
    case ">=":
      return x >= goal.target;
    case ">":
      return x > goal.target;
  }
}

/** A figure with its ratio to the baseline (NaN when the baseline is 0) and whether its goal is met. */
export function figure(input: FigureInput): Figure {
  const ratio = input.baseline.value === 0 ? Number.NaN : input.value / input.baseline.value;
  return {
    ...input,
    ratio,
    ...(input.goal ? { met: goalMet(input.goal, input.value, ratio) } : {}),
  };
}

/** 1234.5 → "1,235"; 12.345 → "12.3"; 0.01234 → "0.0123". */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

export function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return "n/a";
  const abs = Math.abs(ratio);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 0.1 ? 2 : 3;
  return `${ratio.toFixed(digits)}×`;
}

export function formatGoal(goal: Goal, unit: string): string {
  const target =
    goal.on === "value" ? `${formatNumber(goal.target)} ${unit}` : `${formatNumber(goal.target)}× baseline`;
  return `${goal.op} ${target}`;
}

function mark(met: boolean | undefined): string {
  return met === undefined ? "" : met ? "met" : "MISSED";
}

/** One line per figure, as printed when a benchmark finishes. */
export function figureLine(f: Figure): string {
  const goal = f.goal
    ? `   goal ${formatGoal(f.goal, f.unit)}: ${mark(f.met)}${f.goal.note ? ` (${f.goal.note})` : ""}`
    : "";
  return `  ${f.label}: ${formatNumber(f.value)} ${f.unit}  = ${formatRatio(f.ratio)} ${f.baseline.label} (${formatNumber(f.baseline.value)} ${f.baseline.unit})${goal}`;
}

function pad(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((row) => (row[col] ?? "").length))) ?? [];
  return rows.map((row) =>
    row
      .map((cell, col) =>
        col >= 2 && col <= 4 ? cell.padStart(widths[col] ?? 0) : cell.padEnd(widths[col] ?? 0),
      )
      .join("  ")
      .trimEnd(),
  );
}

/** The final summary: one row per figure, then the checks, then sizes. */
export function summaryTable(results: BenchResult[]): string {
  const rows: string[][] = [["benchmark", "figure", "value", "ratio", "baseline", "goal", ""]];
  for (const result of results) {
    if (result.error) rows.push([result.name, `FAILED: ${result.error}`, "", "", "", "", ""]);
    for (const f of result.figures) {
      rows.push([
        result.name,
        f.label,
        `${formatNumber(f.value)} ${f.unit}`,
        formatRatio(f.ratio),
        `${formatNumber(f.baseline.value)} ${f.baseline.unit} (${f.baseline.label})`,
        f.goal ? formatGoal(f.goal, f.unit) : "",
        mark(f.met),
      ]);
    }
  }
  const lines = pad(rows);
  const rule = "-".repeat(Math.max(...lines.map((line) => line.length)));
  const out = [rule, lines[0] ?? "", rule, ...lines.slice(1), rule];
  const checks = results.flatMap((r) =>
    r.checks.map((c) => `  ${c.ok ? "ok    " : "FAILED"} ${r.name}: ${c.label} — ${c.detail}`),
  );
  if (checks.length) out.push("checks:", ...checks);
  out.push("sizes:");
  for (const r of results) {
    const sizes = Object.entries(r.sizes)
      .map(([key, value]) => `${key}=${typeof value === "number" ? formatNumber(value) : value}`)
      .join(", ");
    out.push(`  ${r.name} (scale ${r.scale}, ${formatNumber(r.durationMs / 1000)} s): ${sizes}`);
  }
  return out.join("\n");
}

export interface RunFile {
  startedAt: string;
  finishedAt: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; platform: string };
  argv: string[];
  results: BenchResult[];
}

/** Describes the machine the figures were measured on. */
export function machineInfo(): RunFile["machine"] {
  const cpus = os.cpus();
  return {
    cpus: os.availableParallelism?.() ?? cpus.length,
    cpuModel: cpus[0]?.model ?? "unknown",
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

/** Writes the run as JSON (data/ is not committed). */
export function writeRunFile(file: string, run: RunFile): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(run, null, 2)}\n`);
}
