// Prepared statements of ingest's own bookkeeping: the quarantine of objects that failed
// validation, and the objects to fetch again from Stripe after a same-second tie. Written in
// the same transaction as the mirror rows they are about.
import type { Statement } from "better-sqlite3";
import type { Sqlite } from "@/lib/db/sqlite";
import type { MirroredKind } from "@/lib/stripe/schemas";

export interface QuarantineEntry {
  kind: MirroredKind;
  stripeId: string;
  raw: string;
  error: string;
  sourceAt: number;
  deleted: boolean;
}

export class IngestBookkeeping {
  private readonly anyQuarantined: Statement<[], { one: number }>;
  private readonly quarantineUpsert: Statement;
  private readonly quarantineClear: Statement;
  private readonly webhookRelease: Statement;
  private readonly refetchUpsert: Statement;

  constructor(db: Sqlite) {
    this.anyQuarantined = db.prepare<[], { one: number }>(`SELECT 1 AS one FROM QuarantinedObject LIMIT 1`);
    // The newest failing state of an object is kept; every delivery counts as an attempt.
    this.quarantineUpsert = db.prepare(
      `INSERT INTO QuarantinedObject (kind, stripeId, raw, error, sourceAt, deleted, firstSeenAt, lastTriedAt, attempts)
       VALUES (@kind, @stripeId, @raw, @error, @sourceAt, @deleted, @now, @now, 1)
       ON CONFLICT(kind, stripeId) DO UPDATE SET
         raw = CASE WHEN excluded.sourceAt >= sourceAt THEN excluded.raw ELSE raw END,
         error = CASE WHEN excluded.sourceAt >= sourceAt THEN excluded.error ELSE error END,
         deleted = CASE WHEN excluded.sourceAt >= sourceAt THEN excluded.deleted ELSE deleted END,
         sourceAt = max(sourceAt, excluded.sourceAt),
         lastTriedAt = excluded.lastTriedAt,
         attempts = attempts + 1`,
    );
    this.quarantineClear = db.prepare(
      `DELETE FROM QuarantinedObject WHERE kind = ? AND stripeId = ? AND sourceAt <= ?`,
    );
    // A webhook held back by the quarantine is done once its object's state is in the mirror.
    this.webhookRelease = db.prepare(
      `UPDATE WebhookEvent SET status = 'processed', error = NULL, processedAt = ? WHERE status = 'quarantined' AND objectId = ?`,
    );
    this.refetchUpsert = db.prepare(
      `INSERT INTO RefetchRequest (kind, stripeId, tieAt, requestedAt, attempts) VALUES (?, ?, ?, ?, 0)
       ON CONFLICT(kind, stripeId) DO UPDATE SET tieAt = max(tieAt, excluded.tieAt)`,
    );
  }

  /** Cheap check done once per ingest call, so the common case (empty quarantine) costs nothing per object. */
  hasQuarantine(): boolean {
    return this.anyQuarantined.get() !== undefined;
  }

  quarantine(entry: QuarantineEntry, now: number): void {
    this.quarantineUpsert.run({ ...entry, deleted: entry.deleted ? 1 : 0, now });
  }

  /** A valid state at least as new as the quarantined one exists: the quarantined one is superseded. */
  release(kind: MirroredKind, stripeId: string, sourceAt: number, now: number): void {
    if (this.quarantineClear.run(kind, stripeId, sourceAt).changes > 0)
      this.webhookRelease.run(now, stripeId);
  }

  requestRefetch(kind: MirroredKind, stripeId: string, tieAt: number, now: number): void {
    this.refetchUpsert.run(kind, stripeId, tieAt, now);
  }
}

const stores = new WeakMap<Sqlite, IngestBookkeeping>();

export function ingestBookkeeping(db: Sqlite): IngestBookkeeping {
  let store = stores.get(db);
  if (!store) {
    store = new IngestBookkeeping(db);
    stores.set(db, store);
  }
  return store;
}
