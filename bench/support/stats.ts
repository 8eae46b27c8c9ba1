// Small statistics and timing helpers shared by the benchmarks.
import { cpus } from "node:os";

/** The q-quantile (0..1) of the values, nearest-rank; NaN for no values. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export const median = (values: readonly number[]) => quantile(values, 0.5);
export const p95 = (values: readonly number[]) => quantile(values, 0.95);

/** Milliseconds a synchronous call takes, with its result. */
export function timed<T>(work: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = work();
  return { ms: performance.now() - start, value };
}

/** Milliseconds an asynchronous call takes, with its result. */
export async function timedAsync<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

/** What every core of the machine did while some work ran (all processes, not only this one). */
export interface MachineCpu {
  /** CPU time spent by any process, summed over the cores. */
  busyMs: number;
  /** Share of the cores' time that was busy, 0..1. */
  busyShare: number;
  cores: number;
}

function coreTimes(): { busy: number; idle: number } {
  let busy = 0;
  let idle = 0;
  for (const { times } of cpus()) {
    busy += times.user + times.nice + times.sys + times.irq;
    idle += times.idle;
  }
  return { busy, idle };
}

/** Like `timedAsync`, plus the machine's CPU time meanwhile: shows whether the cores, not the code, set the pace. */
export async function timedOnMachine<T>(
  work: () => Promise<T>,
): Promise<{ ms: number; value: T; cpu: MachineCpu }> {
  const before = coreTimes();
  const { ms, value } = await timedAsync(work);
  const after = coreTimes();
  const busyMs = after.busy - before.busy;
  const total = busyMs + after.idle - before.idle;
  return { ms, value, cpu: { busyMs, busyShare: total > 0 ? busyMs / total : 0, cores: cpus().length } };
}

/** Runs `work` `runs` times and returns each duration in ms. */
export function sample(runs: number, work: () => void): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(timed(work).ms);
  return times;
}

/** A size scaled from its full value, never below `min`. */
export function scaled(full: number, scale: number, min = 1): number {
  return Math.max(min, Math.round(full * scale));
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
