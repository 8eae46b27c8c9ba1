// Sync runs as the Stripe screen lists them, and the running sync's progress per object type,
// read from the SyncRun row the sync commits with every page (so any process can show it).
import { z } from "zod";
import type { Db } from "@/lib/db/prisma";
import { mirroredKinds } from "@/lib/stripe/schemas";
import { remainingEstimate } from "@/lib/stripe/sync-ranges";
import { countsSchema, cursorSchema, type TypeCounts } from "@/lib/stripe/sync-run";

export interface SyncRunSummary {
  id: number;
  mode: string;
  status: string;
  startedAt: number;
  finishedAt: number | null;
  durationMs: number | null;
  /** Per object type (and `events`): fetched, applied, unchanged, stale, invalid. */
  counts: Record<string, TypeCounts>;
  fetched: number;
  applied: number;
  invalid: number;
  error: string | null;
}

function parseCounts(text: string): Record<string, TypeCounts> {
  try {
    const parsed = countsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

const sum = (counts: Record<string, TypeCounts>, field: keyof TypeCounts) =>
  Object.values(counts).reduce((total, c) => total + c[field], 0);

/** The newest sync runs, newest first; `before` pages back by id. */
export async function listSyncRuns(
  db: Db,
  options: { limit?: number; before?: number } = {},
): Promise<SyncRunSummary[]> {
  const rows = await db.syncRun.findMany({
    where: options.before ? { id: { lt: options.before } } : {},
    orderBy: { id: "desc" },
    take: options.limit ?? 10,
    select: {
      id: true,
      mode: true,
      status: true,
      startedAt: true,
      finishedAt: true,
      countsJson: true,
      error: true,
    },
  });
  return rows.map((row) => {
    const counts = parseCounts(row.countsJson);
    return {
      id: row.id,
      mode: row.mode,
      status: row.status,
      startedAt: row.startedAt.getTime(),
      finishedAt: row.finishedAt?.getTime() ?? null,
      durationMs: row.finishedAt ? row.finishedAt.getTime() - row.startedAt.getTime() : null,
      counts,
      fetched: sum(counts, "fetched"),
      applied: sum(counts, "applied"),
      invalid: sum(counts, "invalid"),
      error: row.error,
    };
  });
}

export interface TypeProgress {
  kind: string;
  fetched: number;
  done: boolean;
  /** Estimated objects still to list; null while unknown. */
  remaining: number | null;
  /** 0–100, or null while the total is unknown (an indeterminate bar). */
  percent: number | null;
}

export interface RunProgress {
  runId: number;
  mode: string;
  startedAt: number;
  types: TypeProgress[];
}

const runRow = z.object({
  id: z.number(),
  mode: z.string(),
  startedAt: z.date(),
  countsJson: z.string(),
  cursorJson: z.string(),
});

/** Per-type progress of the newest running sync, or null when none runs. */
export async function runningSyncProgress(db: Db): Promise<RunProgress | null> {
  const row = await db.syncRun.findFirst({
    where: { status: "running" },
    orderBy: { id: "desc" },
    select: { id: true, mode: true, startedAt: true, countsJson: true, cursorJson: true },
  });
  if (!row) return null;
  const run = runRow.parse(row);
  const counts = parseCounts(run.countsJson);
  let cursor: z.infer<typeof cursorSchema> | null = null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(run.cursorJson));
    cursor = parsed.success ? parsed.data : null;
  } catch {
    cursor = null;
  }
  const ranges = mirroredKinds.flatMap((kind) => cursor?.types[kind]?.ranges ?? []);
  const lasts = ranges.flatMap((r) => (r.last === undefined ? [] : [r.last]));
  // Children are younger than their parents: the oldest `created` seen bounds open ranges.
  const hint = lasts.length ? Math.min(...lasts) : undefined;
  const types = mirroredKinds.map((kind): TypeProgress => {
    const fetched = counts[kind]?.fetched ?? 0;
    const type = cursor?.types[kind];
    if (type?.done) return { kind, fetched, done: true, remaining: 0, percent: 100 };
    const own = type?.ranges ?? [];
    const left = own.length ? own.reduce((total, r) => total + remainingEstimate(r, hint), 0) : Infinity;
    const remaining = Number.isFinite(left) ? Math.round(left) : null;
    const percent =
      remaining === null
        ? null
        : Math.min(99, Math.floor((100 * fetched) / Math.max(1, fetched + remaining)));
    return { kind, fetched, done: false, remaining, percent };
  });
  return { runId: run.id, mode: run.mode, startedAt: run.startedAt.getTime(), types };
}
