// The one ingest path. Sync and webhooks both hand Stripe objects here; each call validates
// them, writes their mirror rows and re-derives the affected bookings in ONE transaction.
import { createHash } from "node:crypto";
import type { Sqlite } from "@/lib/db/sqlite";
import { log } from "@/lib/log";
import { reconcileSources } from "@/lib/bookings/reconcile";
import type { ReconcileSummary, SourceRef } from "@/lib/bookings/types";
import type { ChangeOrigin } from "@/lib/bookings/history";
import { affectedSources, type ChangedObject } from "@/lib/stripe/affected-sources";
import { mirrorStore, mirrorTables, type MirrorState, type MirrorStore } from "@/lib/stripe/mirror-store";
import { objectRows, type Provenance } from "@/lib/stripe/rows";
import { deletedStubSchema, mirroredKindOf, objectSchemas, type MirroredKind } from "@/lib/stripe/schemas";

export interface IngestItem {
  /** A Stripe object as the API or an event delivered it. */
  object: unknown;
  /** Stripe time of this state: the event's `created`, or when the object was fetched. */
  sourceAt: Date;
  /** The object was deleted in Stripe (a `*.deleted` event). */
  deleted?: boolean;
}

export type ItemOutcome = "applied" | "unchanged" | "stale" | "invalid" | "ignored";

export interface IngestResult {
  outcomes: ItemOutcome[];
  counts: Record<ItemOutcome, number>;
  invalid: { id: string | null; error: string }[];
  sources: SourceRef[];
  bookings: ReconcileSummary | null;
}

export interface IngestOptions {
  now: Date;
  /** A full sync run: marks every object it sees, so the ones it does not see can be found. */
  syncRunId?: number;
  /** Re-derive bookings of affected sources (default true). */
  reconcile?: boolean;
  /** What the booking history names as the cause (`stripe:<event id>`, `sync`). */
  origin?: ChangeOrigin;
}

/**
 * Applies Stripe objects to the mirror. Idempotent and order-independent: of all states ever
 * given for one object, the one with the latest (sourceAt, contentHash) wins; giving the same
 * state again changes nothing.
 */
export function ingestObjects(db: Sqlite, items: IngestItem[], options: IngestOptions): IngestResult {
  const store = mirrorStore(db);
  const run = db.transaction(() => {
    const changed: ChangedObject[] = [];
    const invalid: IngestResult["invalid"] = [];
    const outcomes = items.map((item) => ingestOne(store, item, options, changed, invalid));
    const sources = affectedSources(db, changed);
    const bookings =
      options.reconcile === false || sources.length === 0
        ? null
        : reconcileSources(db, sources, { now: options.now, origin: options.origin ?? { actor: "stripe" } });
    return { outcomes, invalid, sources, bookings };
  });
  // IMMEDIATE: take the write lock up front, so a busy database is waited for (busy_timeout)
  // instead of failing at once when a deferred read tries to upgrade to a write.
  const result = run.immediate();
  const counts = { applied: 0, unchanged: 0, stale: 0, invalid: 0, ignored: 0 };
  for (const outcome of result.outcomes) counts[outcome] += 1;
  return { ...result, counts };
}

/** Stable content hash of one object state (the deletion flag is part of the state). */
export function contentHash(raw: string, deleted: boolean): string {
  return createHash("sha256")
    .update(raw)
    .update(deleted ? "|deleted" : "")
    .digest("base64url");
}

function compareStates(a: MirrorState, b: MirrorState): number {
  if (a.sourceAt !== b.sourceAt) return a.sourceAt - b.sourceAt;
  return a.contentHash < b.contentHash ? -1 : a.contentHash > b.contentHash ? 1 : 0;
}

function ingestOne(
  store: MirrorStore,
  item: IngestItem,
  options: IngestOptions,
  changed: ChangedObject[],
  invalid: IngestResult["invalid"],
): ItemOutcome {
  const kind = mirroredKindOf(item.object);
  if (!kind) return "ignored";
  const stub = deletedStubSchema.safeParse(item.object);
  if (stub.success) return markDeleted(store, kind, stub.data.id, item, options, changed);

  const parsed = objectSchemas[kind].safeParse(item.object);
  if (!parsed.success) {
    const id = (item.object as { id?: unknown }).id;
    const error = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    invalid.push({ id: typeof id === "string" ? id : null, error });
    log.warn({ kind, id, error }, "invalid Stripe object skipped");
    return "invalid";
  }
  const deleted = Boolean(item.deleted || (parsed.data as { deleted?: boolean }).deleted);
  const raw = JSON.stringify(item.object);
  const incoming = { sourceAt: item.sourceAt.getTime(), contentHash: contentHash(raw, deleted) };
  const id = parsed.data.id;
  const current = store.state(kind, id);
  if (options.syncRunId !== undefined && current) store.seen(kind, id, options.syncRunId);
  if (current) {
    const order = compareStates(incoming, current);
    if (current.contentHash === incoming.contentHash) {
      if (order > 0) store.touch(kind, id, incoming.sourceAt, options.now.getTime());
      return "unchanged";
    }
    if (order < 0) return "stale";
  }
  const provenance: Provenance = { raw, ...incoming, appliedAt: options.now.getTime(), deleted };
  writeRows(store, kind, parsed.data, provenance);
  if (options.syncRunId !== undefined) store.seen(kind, id, options.syncRunId);
  store.recordDedup(kind, id, incoming.contentHash, options.now.getTime());
  changed.push({ kind, stripeId: id });
  return "applied";
}

function writeRows(store: MirrorStore, kind: MirroredKind, object: unknown, p: Provenance): void {
  const { table, row, childTable, children } = objectRows(kind, object, p);
  store.upsert(table, row);
  if (childTable === "SubscriptionItemMap") store.replaceSubscriptionItems(String(row.stripeId), children);
  if (childTable === "InvoiceLineMap") store.replaceInvoiceLines(String(row.stripeId), children);
}

/** A deletion stub (`{ id, deleted: true }`) carries no state: flag the row we already have. */
function markDeleted(
  store: MirrorStore,
  kind: MirroredKind,
  id: string,
  item: IngestItem,
  options: IngestOptions,
  changed: ChangedObject[],
): ItemOutcome {
  const current = store.state(kind, id);
  if (!current) return "ignored";
  if (current.sourceAt > item.sourceAt.getTime()) return "stale";
  store.markDeleted(mirrorTables[kind], id, item.sourceAt.getTime(), options.now.getTime());
  changed.push({ kind, stripeId: id });
  return "applied";
}
