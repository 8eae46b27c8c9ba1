// The contract every benchmark follows: a named entry in the registry that returns figures,
// each paired with a baseline measured in the same run on the same machine. Absolute numbers
// differ between machines; the ratio to a same-run baseline is what can be compared.
import { z } from "zod";

/** A target: on the figure's absolute value, or on its ratio to the baseline. */
export const goalSchema = z.object({
  on: z.enum(["value", "ratio"]),
  op: z.enum(["<", "<=", ">=", ">"]),
  target: z.number(),
  /** Said when the measured size is smaller than the size the goal was written for. */
  note: z.string().optional(),
});
export type Goal = z.infer<typeof goalSchema>;

export const measureSchema = z.object({
  label: z.string(),
  value: z.number(),
  unit: z.string(),
});
export type Measure = z.infer<typeof measureSchema>;

export const figureSchema = z.object({
  /** Stable key, `<benchmark>.<figure>`, for comparing JSON files between runs. */
  id: z.string(),
  label: z.string(),
  value: z.number(),
  unit: z.string(),
  baseline: measureSchema,
  /** value / baseline.value. */
  ratio: z.number(),
  goal: goalSchema.optional(),
  /** Whether the goal is met; absent when the figure has no goal. */
  met: z.boolean().optional(),
});
export type Figure = z.infer<typeof figureSchema>;

/** A correctness check made after a load test (nothing lost, nothing doubled, …). */
export const checkSchema = z.object({ label: z.string(), ok: z.boolean(), detail: z.string() });
export type Check = z.infer<typeof checkSchema>;

export const benchResultSchema = z.object({
  name: z.string(),
  /** The sizes actually used, e.g. `{ customers: 2000, invoices: 20000 }`. */
  sizes: z.record(z.string(), z.union([z.number(), z.string()])),
  /** Fraction of the full size that was run (1 = the sizes the goals were written for). */
  scale: z.number(),
  figures: z.array(figureSchema),
  checks: z.array(checkSchema),
  notes: z.array(z.string()),
  durationMs: z.number(),
  error: z.string().optional(),
});
export type BenchResult = z.infer<typeof benchResultSchema>;

export interface BenchContext {
  /** Fraction of the full sizes; null = the benchmark's own default (fits the time budget). */
  scale: number | null;
  /** A fresh temporary directory, removed when the run ends. */
  tempDir(label: string): string;
  /** Progress line (stderr), so stdout holds only the figures. */
  progress(line: string): void;
  /** The reference time every domain call gets (domain code never reads the clock). */
  now: Date;
}

/** What a benchmark returns; index.ts adds the name, duration and scale bookkeeping. */
export interface BenchOutput {
  sizes: BenchResult["sizes"];
  scale: number;
  figures: Figure[];
  checks?: Check[];
  notes?: string[];
}

export interface Benchmark {
  name: string;
  /** One line for `--list`. */
  description: string;
  /** Scale used when none is given: small enough for the ~10 min budget of `./run bench`. */
  defaultScale: number;
  run(ctx: BenchContext): Promise<BenchOutput>;
}
