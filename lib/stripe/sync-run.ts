// SyncRun bookkeeping: the per-type resume cursors and counts of one sync, stored with every
// committed page so a crash or Ctrl-C loses nothing.
import type { Statement } from "better-sqlite3";
import { z } from "zod";
import type { Sqlite } from "@/lib/db/sqlite";
import { mirroredKinds } from "@/lib/stripe/schemas";

export const EVENTS_WINDOW_MS = 29 * 24 * 3600 * 1000; // Stripe keeps events for 30 days.
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * One `created` slice of a type's history, [gte, lt) in epoch seconds (open-ended when absent),
 * listed newest first; `startingAfter` is its last committed object. `newest`, `last` and
 * `fetched` describe what it has listed so far (for splitting it and for the estimate of time left).
 */
export const rangeCursorSchema = z.object({
  gte: z.number().optional(),
  lt: z.number().optional(),
  startingAfter: z.string().optional(),
  newest: z.number().optional(),
  last: z.number().optional(),
  fetched: z.number().default(0),
  hasMore: z.boolean().default(true),
});
export type RangeCursor = z.infer<typeof rangeCursorSchema>;

/** A type is done when `done`; until then its unfinished ranges cover what is left to list. */
const typeCursorSchema = z.object({
  /** Resume cursor of runs written before ranges existed (one range, no bounds). */
  startingAfter: z.string().optional(),
  done: z.boolean().default(false),
  ranges: z.array(rangeCursorSchema).optional(),
});
export const cursorSchema = z.object({
  mode: z.enum(["full", "incremental"]),
  /** Epoch ms: objects created before this were listed; events since it are the next run's work. */
  scanStartedAt: z.number(),
  /** Incremental runs: list objects created and events since this (epoch ms). */
  since: z.number().optional(),
  types: z.record(z.string(), typeCursorSchema).default({}),
  events: z.object({ startingAfter: z.string().optional(), done: z.boolean().default(false) }).default({
    done: false,
  }),
  vanishedMarked: z.boolean().default(false),
  /**
   * The first full sync into a mirror without subscriptions or invoices: pages are written
   * without deriving bookings, and every source is derived once at the end (`derived`), which
   * is several times cheaper than deriving page by page (issue 14: sync speed).
   */
  deriveAtEnd: z.boolean().default(false),
  derived: z.boolean().default(false),
});
export type SyncCursor = z.infer<typeof cursorSchema>;

export const countsSchema = z.record(
  z.string(),
  z.object({
    fetched: z.number(),
    applied: z.number(),
    unchanged: z.number(),
    stale: z.number(),
    invalid: z.number(),
  }),
);
export type SyncCounts = z.infer<typeof countsSchema>;
export type TypeCounts = SyncCounts[string];

export const emptyCounts = (): TypeCounts => ({ fetched: 0, applied: 0, unchanged: 0, stale: 0, invalid: 0 });

export interface SyncRunRow {
  id: number;
  mode: "full" | "incremental";
  cursor: SyncCursor;
  counts: SyncCounts;
}

const rowSchema = z.object({
  id: z.number(),
  mode: z.enum(["full", "incremental"]),
  cursorJson: z.string(),
  countsJson: z.string(),
});

function toRun(row: unknown): SyncRunRow {
  const r = rowSchema.parse(row);
  return {
    id: r.id,
    mode: r.mode,
    cursor: cursorSchema.parse(JSON.parse(r.cursorJson)),
    counts: countsSchema.parse(JSON.parse(r.countsJson)),
  };
}

/** Whether any subscription or invoice is mirrored (bookings are derived from them). */
function hasSources(db: Sqlite): boolean {
  return (
    (
      db
        .prepare(`SELECT EXISTS(SELECT 1 FROM SubscriptionMap) OR EXISTS(SELECT 1 FROM InvoiceMap) AS found`)
        .get() as {
        found: number;
      }
    ).found === 1
  );
}

/** Resumes the newest unfinished run, or starts a new one (full when needed, else incremental). */
export function beginSyncRun(db: Sqlite, options: { now: Date; full?: boolean }): SyncRunRow {
  return db
    .transaction(() => {
      const unfinished = db
        .prepare(
          `SELECT * FROM SyncRun WHERE status IN ('running', 'failed') AND id > coalesce(
        (SELECT max(id) FROM SyncRun WHERE status = 'succeeded'), 0) ORDER BY id DESC LIMIT 1`,
        )
        .get();
      if (unfinished && !options.full) {
        db.prepare(`UPDATE SyncRun SET status = 'running', error = NULL WHERE id = ?`).run(
          rowSchema.parse(unfinished).id,
        );
        return toRun(unfinished);
      }
      const last = db
        .prepare<[], { startedAt: number }>(
          `SELECT startedAt FROM SyncRun WHERE status = 'succeeded' ORDER BY id DESC LIMIT 1`,
        )
        .get();
      const now = options.now.getTime();
      const incremental = !options.full && last !== undefined && now - last.startedAt < EVENTS_WINDOW_MS;
      const cursor: SyncCursor = {
        mode: incremental ? "incremental" : "full",
        scanStartedAt: now,
        ...(incremental ? { since: last.startedAt - CLOCK_SKEW_MS } : {}),
        types: Object.fromEntries(mirroredKinds.map((kind) => [kind, { done: false }])),
        events: { done: !incremental },
        vanishedMarked: incremental,
        deriveAtEnd: !incremental && !hasSources(db),
        derived: false,
      };
      const counts: SyncCounts = Object.fromEntries(
        [...mirroredKinds, "events"].map((k) => [k, emptyCounts()]),
      );
      const info = db
        .prepare(
          `INSERT INTO SyncRun (mode, startedAt, status, countsJson, cursorJson) VALUES (?, ?, 'running', ?, ?)`,
        )
        .run(cursor.mode, now, JSON.stringify(counts), JSON.stringify(cursor));
      return { id: Number(info.lastInsertRowid), mode: cursor.mode, cursor, counts };
    })
    .immediate();
}

const progressUpdates = new WeakMap<Sqlite, Statement>();

/** Stores the cursors and counts (with every committed page: compiled once per connection). */
export function saveProgress(db: Sqlite, run: SyncRunRow): void {
  let update = progressUpdates.get(db);
  if (!update) {
    update = db.prepare(`UPDATE SyncRun SET cursorJson = ?, countsJson = ? WHERE id = ?`);
    progressUpdates.set(db, update);
  }
  update.run(JSON.stringify(run.cursor), JSON.stringify(run.counts), run.id);
}

export function finishSyncRun(db: Sqlite, runId: number, now: Date, error?: string): void {
  db.prepare(`UPDATE SyncRun SET status = ?, finishedAt = ?, error = ? WHERE id = ?`).run(
    error ? "failed" : "succeeded",
    now.getTime(),
    error ?? null,
    runId,
  );
}

/** The newest runs, for the sync screen and `./run sync --status`. */
export function recentSyncRuns(db: Sqlite, limit = 10) {
  return db
    .prepare(
      `SELECT id, mode, status, startedAt, finishedAt, countsJson, error FROM SyncRun ORDER BY id DESC LIMIT ?`,
    )
    .all(limit);
}
