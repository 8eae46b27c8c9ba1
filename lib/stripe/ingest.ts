// The one ingest path. Sync and webhooks both hand Stripe objects here; each call validates
// them, writes their mirror rows and re-derives the affected bookings in ONE transaction.
// An object that fails validation is quarantined whole (never dropped); two different states
// at the same Stripe time are ordered by lifecycle and the object is queued for a re-fetch.
import { hash } from "node:crypto";
import type { Sqlite } from "@/lib/db/sqlite";
import { log } from "@/lib/log";
import { reconcileSources } from "@/lib/bookings/reconcile";
import type { ReconcileSummary, SourceRef } from "@/lib/bookings/types";
import type { ChangeOrigin } from "@/lib/bookings/history";
import { affectedSources, type ChangedObject } from "@/lib/stripe/affected-sources";
import { ingestBookkeeping, type IngestBookkeeping } from "@/lib/stripe/ingest-bookkeeping";
import type { RawText } from "@/lib/stripe/fetch";
import { compareStates, type ComparableState } from "@/lib/stripe/lifecycle";
import { mirrorStore, type MirrorState, type MirrorStore } from "@/lib/stripe/mirror-store";
import { parseObject, parsedObjectRows, type ParsedObject, type Provenance } from "@/lib/stripe/rows";
import { deletedStubSchema, mirroredKindOf, mirroredKinds, type MirroredKind } from "@/lib/stripe/schemas";
import { normalisePhone, phoneCountryOf, type CountryCode } from "@/lib/phone";
import { loadSettings } from "@/lib/settings";

export interface IngestItem {
  /** A Stripe object as the API or an event delivered it. */
  object: unknown;
  /** Stripe time of this state: the event's `created`, or when the object was fetched. */
  sourceAt: Date;
  /** The object was deleted in Stripe (a `*.deleted` event). */
  deleted?: boolean;
  /** `JSON.stringify(object)` and its hash, already made by the sync's fetch thread. */
  raw?: RawText;
}

export type ItemOutcome = "applied" | "unchanged" | "stale" | "invalid" | "ignored";

/** An object given two different states at the same Stripe time. */
export interface TiedObject {
  kind: MirroredKind;
  stripeId: string;
  /** The tied Stripe time, epoch ms. */
  sourceAt: number;
}

export interface IngestResult {
  outcomes: ItemOutcome[];
  counts: Record<ItemOutcome, number>;
  /** Objects that failed validation; each is in the quarantine (lib/stripe/quarantine.ts). */
  invalid: { kind: MirroredKind; id: string | null; error: string }[];
  /** Same-second ties: resolved by lifecycle order for now, queued for a re-fetch (lib/stripe/refetch.ts). */
  ties: TiedObject[];
  /** Sources whose bookings were re-derived (empty with `reconcile: false`). */
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

interface Context {
  db: Sqlite;
  store: MirrorStore;
  books: IngestBookkeeping;
  options: IngestOptions;
  now: number;
  /** Whether the quarantine had rows when the call began (or got some during it). */
  quarantine: boolean;
  changed: ChangedObject[];
  invalid: IngestResult["invalid"];
  ties: TiedObject[];
  /** States read for the whole page up front; an entry is dropped once its object is written. */
  states: Record<MirroredKind, Map<string, MirrorState | null>>;
  /** Objects already mirrored that this sync run saw, marked in one statement per type. */
  seen: Record<MirroredKind, string[]>;
  /** The business's phone country, read at the call's first customer write (undefined: not yet). */
  phoneCountry?: CountryCode | null;
}

/**
 * Applies Stripe objects to the mirror. Idempotent and order-independent: of all states ever
 * given for one object, the latest by (sourceAt, lifecycle rank, status, content hash) wins;
 * giving the same state again changes nothing. Invalid objects end in the quarantine.
 */
export function ingestObjects(db: Sqlite, items: IngestItem[], options: IngestOptions): IngestResult {
  const store = mirrorStore(db);
  const books = ingestBookkeeping(db);
  const run = db.transaction(() => {
    const ctx: Context = {
      db,
      store,
      books,
      options,
      now: options.now.getTime(),
      quarantine: books.hasQuarantine(),
      changed: [],
      invalid: [],
      ties: [],
      states: prefetchStates(store, items),
      seen: perKind(() => []),
    };
    const outcomes = items.map((item) => ingestOne(ctx, item));
    if (options.syncRunId !== undefined)
      for (const kind of mirroredKinds) store.seenMany(kind, ctx.seen[kind], options.syncRunId);
    // Without reconcile nobody derives from them: not looked up (a query per changed customer).
    const sources = options.reconcile === false ? [] : affectedSources(db, ctx.changed);
    const bookings =
      sources.length === 0
        ? null
        : reconcileSources(db, sources, { now: options.now, origin: options.origin ?? { actor: "stripe" } });
    return { outcomes, invalid: ctx.invalid, ties: ctx.ties, sources, bookings };
  });
  // IMMEDIATE: take the write lock up front, so a busy database is waited for (busy_timeout)
  // instead of failing at once when a deferred read tries to upgrade to a write.
  const result = run.immediate();
  const counts = { applied: 0, unchanged: 0, stale: 0, invalid: 0, ignored: 0 };
  for (const outcome of result.outcomes) counts[outcome] += 1;
  return { ...result, counts };
}

function perKind<T>(make: () => T): Record<MirroredKind, T> {
  return Object.fromEntries(mirroredKinds.map((kind) => [kind, make()])) as Record<MirroredKind, T>;
}

/**
 * The stored state of every object of the page, read with one statement per type (a page is
 * mostly one type): null for objects not mirrored yet. Objects given more than once are left
 * out, so each of their states is read after the previous one was written.
 */
function prefetchStates(store: MirrorStore, items: IngestItem[]): Context["states"] {
  const ids = perKind((): string[] => []);
  const counted = new Map<string, number>();
  for (const item of items) {
    const kind = mirroredKindOf(item.object);
    const id = (item.object as { id?: unknown }).id;
    if (!kind || typeof id !== "string" || id.length === 0) continue;
    const key = `${kind}:${id}`;
    const n = (counted.get(key) ?? 0) + 1;
    counted.set(key, n);
    if (n === 1) ids[kind].push(id);
  }
  const states = perKind((): Map<string, MirrorState | null> => new Map());
  for (const kind of mirroredKinds) {
    const unique = ids[kind].filter((id) => counted.get(`${kind}:${id}`) === 1);
    const found = store.states(kind, unique);
    for (const id of unique) states[kind].set(id, found.get(id) ?? null);
  }
  return states;
}

/** The stored state of one object: from the page's prefetch while it has not been written, else read now. */
function stateOf(ctx: Context, kind: MirroredKind, id: string): MirrorState | undefined {
  const cached = ctx.states[kind].get(id);
  if (cached !== undefined) return cached ?? undefined;
  return ctx.store.state(kind, id);
}

/** Forgets the prefetched state of an object about to be written. */
function written(ctx: Context, kind: MirroredKind, id: string): void {
  ctx.states[kind].delete(id);
}

/** Stable content hash of one object state (the deletion flag is part of the state). */
export function contentHash(raw: string, deleted: boolean): string {
  // One-shot hash: the same digest as update(raw).update("|deleted"), without a Hash object per call.
  return hash("sha256", deleted ? `${raw}|deleted` : raw, "base64url");
}

function statusOf(parsed: ParsedObject): string | null {
  if (parsed.kind === "subscription") return parsed.data.status;
  if (parsed.kind === "invoice") return parsed.data.status ?? "draft";
  return null;
}

function ingestOne(ctx: Context, item: IngestItem): ItemOutcome {
  const kind = mirroredKindOf(item.object);
  if (!kind) return "ignored";
  // Cheap pre-check: only a payload flagged deleted can be a deletion stub.
  if ((item.object as { deleted?: unknown }).deleted === true) {
    const stub = deletedStubSchema.safeParse(item.object);
    if (stub.success) return markDeleted(ctx, kind, stub.data.id, item);
  }
  const raw = item.raw?.text ?? JSON.stringify(item.object);
  const sourceAt = item.sourceAt.getTime();
  const result = parseObject(kind, item.object);
  if (!result.success) return quarantine(ctx, kind, item, raw, result.error);

  const parsed = result.parsed;
  const id = parsed.data.id;
  const deleted = Boolean(item.deleted || (parsed.data as { deleted?: boolean | null }).deleted);
  const incoming: ComparableState = {
    sourceAt,
    contentHash: item.raw && !deleted ? item.raw.hash : contentHash(raw, deleted),
    status: statusOf(parsed),
    deleted,
  };
  const { store, options } = ctx;
  if (ctx.quarantine) ctx.books.release(kind, id, sourceAt, ctx.now);
  const current = stateOf(ctx, kind, id);
  if (options.syncRunId !== undefined && current) ctx.seen[kind].push(id);
  if (current) {
    if (current.contentHash === incoming.contentHash) {
      if (incoming.sourceAt > current.sourceAt) {
        written(ctx, kind, id);
        store.touch(kind, id, incoming.sourceAt, ctx.now);
      }
      return "unchanged";
    }
    if (current.sourceAt === incoming.sourceAt) {
      // Two different states in one Stripe second: which is current only Stripe knows.
      ctx.books.requestRefetch(kind, id, sourceAt, ctx.now);
      ctx.ties.push({ kind, stripeId: id, sourceAt });
    }
    if (compareStates(kind, incoming, current) < 0) return "stale";
  }
  const provenance: Provenance = {
    raw,
    contentHash: incoming.contentHash,
    sourceAt,
    appliedAt: ctx.now,
    deleted,
  };
  written(ctx, kind, id);
  writeRows(ctx, parsed, provenance, current !== undefined);
  ctx.changed.push({ kind, stripeId: id });
  return "applied";
}

/** Keeps an object that failed validation, whole and with its error, unless a newer state is mirrored. */
function quarantine(
  ctx: Context,
  kind: MirroredKind,
  item: IngestItem,
  raw: string,
  error: string,
): ItemOutcome {
  const rawId = (item.object as { id?: unknown }).id;
  const id = typeof rawId === "string" && rawId.length > 0 ? rawId : null;
  const sourceAt = item.sourceAt.getTime();
  const current = id === null ? undefined : stateOf(ctx, kind, id);
  // A newer valid state is already mirrored: this one could not change anything even if valid.
  if (current && current.sourceAt > sourceAt) return "stale";
  const deleted = Boolean(item.deleted);
  const stripeId = id ?? `?${contentHash(raw, deleted)}`;
  ctx.books.quarantine({ kind, stripeId, raw, error, sourceAt, deleted }, ctx.now);
  ctx.quarantine = true;
  ctx.invalid.push({ kind, id, error });
  log.warn({ kind, id, error }, "invalid Stripe object quarantined");
  return "invalid";
}

/**
 * `existed`: the object had rows before, so children it no longer lists must go. The mirror
 * row's (sourceAt, contentHash) is the object's idempotency record (no separate DedupEvent row).
 */
function writeRows(ctx: Context, parsed: ParsedObject, p: Provenance, existed: boolean): void {
  const { store } = ctx;
  const syncRunId = ctx.options.syncRunId;
  const { table, row, childTable, children } = parsedObjectRows(parsed, p);
  // Marked seen in the same statement that writes the row (a separate UPDATE rewrote the row).
  if (syncRunId !== undefined) row.seenSyncRunId = syncRunId;
  if (parsed.kind === "customer") {
    // Settings read once per call, and only by a call that writes a customer.
    if (ctx.phoneCountry === undefined) ctx.phoneCountry = phoneCountryOf(loadSettings(ctx.db));
    row.phoneE164 = normalisePhone(row.phone as string | null, ctx.phoneCountry);
  }
  store.upsert(table, row);
  const id = String(row.stripeId);
  if (childTable === "SubscriptionItemMap") store.replaceSubscriptionItems(id, children, existed);
  if (childTable === "InvoiceLineMap") store.replaceInvoiceLines(id, children, existed);
}

/** A deletion stub (`{ id, deleted: true }`) carries no state: flag the row we already have. */
function markDeleted(ctx: Context, kind: MirroredKind, id: string, item: IngestItem): ItemOutcome {
  const current = stateOf(ctx, kind, id);
  if (!current) return "ignored";
  if (current.sourceAt > item.sourceAt.getTime()) return "stale";
  written(ctx, kind, id);
  ctx.store.markDeleted(kind, id, item.sourceAt.getTime(), ctx.now);
  ctx.changed.push({ kind, stripeId: id });
  return "applied";
}
