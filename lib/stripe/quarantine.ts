// The quarantine: Stripe objects that failed validation, kept whole with their error so none
// is dropped silently. Ingest puts them there (lib/stripe/ingest.ts); they leave when a valid
// state at least as new is applied — by a later delivery, or by a retry here after an upgrade
// made the schemas accept them. Every sync and `./run quarantine:retry` retry them.
import { z } from "zod";
import type { Sqlite } from "@/lib/db/sqlite";
import { ingestObjects } from "@/lib/stripe/ingest";

const rowSchema = z.object({
  id: z.number(),
  kind: z.string(),
  stripeId: z.string(),
  raw: z.string(),
  error: z.string(),
  sourceAt: z.number(),
  deleted: z.number(),
  firstSeenAt: z.number(),
  lastTriedAt: z.number(),
  attempts: z.number(),
});

export interface QuarantinedObject {
  kind: string;
  stripeId: string;
  error: string;
  sourceAt: Date;
  firstSeenAt: Date;
  lastTriedAt: Date;
  attempts: number;
}

export interface QuarantineSummary {
  total: number;
  byKind: Record<string, number>;
  /** When the oldest quarantined object first arrived; null when the quarantine is empty. */
  oldest: Date | null;
}

/** Counts for the home and sync screens. */
export function quarantineSummary(db: Sqlite): QuarantineSummary {
  const rows = z
    .array(z.object({ kind: z.string(), n: z.number(), oldest: z.number() }))
    .parse(
      db
        .prepare(
          `SELECT kind, count(*) AS n, min(firstSeenAt) AS oldest FROM QuarantinedObject GROUP BY kind`,
        )
        .all(),
    );
  const total = rows.reduce((sum, row) => sum + row.n, 0);
  const oldest = rows.length ? Math.min(...rows.map((row) => row.oldest)) : null;
  return {
    total,
    byKind: Object.fromEntries(rows.map((row) => [row.kind, row.n])),
    oldest: oldest === null ? null : new Date(oldest),
  };
}

/** Quarantined objects, oldest first, without their payloads. */
export function listQuarantine(db: Sqlite, limit = 100): QuarantinedObject[] {
  return db
    .prepare(`SELECT * FROM QuarantinedObject ORDER BY firstSeenAt, id LIMIT ?`)
    .all(limit)
    .map((row) => {
      const r = rowSchema.parse(row);
      return {
        kind: r.kind,
        stripeId: r.stripeId,
        error: r.error,
        sourceAt: new Date(r.sourceAt),
        firstSeenAt: new Date(r.firstSeenAt),
        lastTriedAt: new Date(r.lastTriedAt),
        attempts: r.attempts,
      };
    });
}

export interface RetrySummary {
  tried: number;
  /** Now mirrored (or superseded by a newer mirrored state): removed from the quarantine. */
  released: number;
  /** Still invalid: kept, with the new error. */
  invalid: number;
}

/**
 * Validates and ingests every quarantined object again, in one transaction per page; the
 * ones that pass leave the quarantine (ingest removes them), the others stay with their
 * latest error. Idempotent.
 */
export function retryQuarantine(db: Sqlite, options: { now: Date; pageSize?: number }): RetrySummary {
  const summary: RetrySummary = { tried: 0, released: 0, invalid: 0 };
  const select = db.prepare(`SELECT * FROM QuarantinedObject WHERE id > ? ORDER BY id LIMIT ?`);
  let after = 0;
  for (;;) {
    const rows = select.all(after, options.pageSize ?? 100).map((row) => rowSchema.parse(row));
    if (rows.length === 0) return summary;
    after = rows.at(-1)?.id ?? after;
    const items = rows.map((row) => ({
      object: parseRaw(row.raw),
      sourceAt: new Date(row.sourceAt),
      deleted: row.deleted === 1,
    }));
    const clear = db.prepare(`DELETE FROM QuarantinedObject WHERE id = ?`);
    const releaseWebhooks = db.prepare(
      `UPDATE WebhookEvent SET status = 'processed', error = NULL, processedAt = ? WHERE status = 'quarantined' AND objectId = ?`,
    );
    db.transaction(() => {
      const result = ingestObjects(db, items, { now: options.now });
      summary.tried += rows.length;
      summary.invalid += result.counts.invalid;
      // Applied, unchanged, stale (a newer state is mirrored) or ignored: nothing is left to keep.
      result.outcomes.forEach((outcome, index) => {
        const row = rows[index];
        if (outcome === "invalid" || !row) return;
        clear.run(row.id);
        releaseWebhooks.run(options.now.getTime(), row.stripeId);
        summary.released += 1;
      });
    }).immediate();
  }
}

function parseRaw(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}
