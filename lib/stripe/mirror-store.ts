// Prepared statements that write mirror tables. One instance per connection; statements are
// compiled once and reused, which is what makes bulk ingest fast.
import type { Statement } from "better-sqlite3";
import type { Sqlite } from "@/lib/db/sqlite";
import type { MirroredKind } from "@/lib/stripe/schemas";
import type { Row } from "@/lib/stripe/rows";

export const mirrorTables: Record<MirroredKind, string> = {
  customer: "Client",
  product: "Product",
  price: "Price",
  subscription: "SubscriptionMap",
  invoice: "InvoiceMap",
  invoiceitem: "InvoiceItem",
};

/** The stored state of one object, as ingest compares it (lib/stripe/lifecycle.ts). */
export interface MirrorState {
  sourceAt: number;
  contentHash: string;
  status: string | null;
  deleted: boolean;
}

interface StateRow {
  sourceAt: number;
  contentHash: string;
  status: string | null;
  deleted: number;
}

/** Tables whose rows carry a lifecycle status. */
const withStatus = new Set(["SubscriptionMap", "InvoiceMap"]);

export class MirrorStore {
  private readonly upserts = new Map<string, Statement>();
  private readonly selectState: Record<MirroredKind, Statement<[string], StateRow>>;
  private readonly selectStates: Record<MirroredKind, Statement<[string], StateRow & { stripeId: string }>>;
  private readonly markDeletedState: Record<MirroredKind, Statement>;
  private readonly touchState: Record<MirroredKind, Statement>;
  private readonly markSeen: Record<MirroredKind, Statement>;
  private readonly markSeenMany: Record<MirroredKind, Statement>;
  private readonly dedup: Statement;
  private readonly dedupSelect: Statement<[string, string], { contentHash: string }>;
  private readonly deleteItems: Statement;
  private readonly deleteLines: Statement;

  constructor(private readonly db: Sqlite) {
    const each = <T>(make: (table: string) => T) =>
      Object.fromEntries(Object.entries(mirrorTables).map(([kind, table]) => [kind, make(table)])) as Record<
        MirroredKind,
        T
      >;
    this.selectState = each((t) =>
      db.prepare<[string], StateRow>(
        `SELECT sourceAt, contentHash, deleted, ${withStatus.has(t) ? "status" : "NULL AS status"} FROM ${t} WHERE stripeId = ?`,
      ),
    );
    // One lookup per page and type instead of one per object (ingest reads every state first).
    this.selectStates = each((t) =>
      db.prepare<[string], StateRow & { stripeId: string }>(
        `SELECT stripeId, sourceAt, contentHash, deleted, ${withStatus.has(t) ? "status" : "NULL AS status"} FROM ${t}
         WHERE stripeId IN (SELECT value FROM json_each(?))`,
      ),
    );
    this.markDeletedState = each((t) =>
      db.prepare(
        `UPDATE ${t} SET deleted = 1, sourceAt = ?, appliedAt = ? WHERE stripeId = ? AND deleted = 0`,
      ),
    );
    this.touchState = each((t) =>
      db.prepare(`UPDATE ${t} SET sourceAt = @sourceAt, appliedAt = @appliedAt WHERE stripeId = @stripeId`),
    );
    this.markSeen = each((t) =>
      db.prepare(`UPDATE ${t} SET seenSyncRunId = @runId WHERE stripeId = @stripeId`),
    );
    this.markSeenMany = each((t) =>
      db.prepare(
        `UPDATE ${t} SET seenSyncRunId = ? WHERE stripeId IN (SELECT value FROM json_each(?)) AND seenSyncRunId IS NOT ?`,
      ),
    );
    this.dedup = db.prepare(
      `INSERT INTO DedupEvent (externalId, kind, contentHash, processedAt) VALUES (@externalId, @kind, @contentHash, @processedAt)
       ON CONFLICT(kind, externalId) DO UPDATE SET contentHash = excluded.contentHash, processedAt = excluded.processedAt`,
    );
    this.dedupSelect = db.prepare(`SELECT contentHash FROM DedupEvent WHERE kind = ? AND externalId = ?`);
    // Children are upserted in place and only the vanished ones deleted, so row ids stay put.
    this.deleteItems = db.prepare(
      `DELETE FROM SubscriptionItemMap WHERE subscriptionStripeId = ? AND stripeId NOT IN (SELECT value FROM json_each(?))`,
    );
    this.deleteLines = db.prepare(
      `DELETE FROM InvoiceLineMap WHERE invoiceStripeId = ? AND stripeId NOT IN (SELECT value FROM json_each(?))`,
    );
  }

  state(kind: MirroredKind, stripeId: string): MirrorState | undefined {
    const row = this.selectState[kind].get(stripeId);
    return row && { ...row, deleted: row.deleted === 1 };
  }

  /** The stored states of several objects of one type, by Stripe id (absent: not mirrored). */
  states(kind: MirroredKind, stripeIds: readonly string[]): Map<string, MirrorState> {
    const found = new Map<string, MirrorState>();
    if (stripeIds.length === 0) return found;
    for (const row of this.selectStates[kind].all(JSON.stringify(stripeIds)))
      found.set(row.stripeId, {
        sourceAt: row.sourceAt,
        contentHash: row.contentHash,
        status: row.status,
        deleted: row.deleted === 1,
      });
    return found;
  }

  /** Marks several objects of one type as seen by a sync run, in one statement. */
  seenMany(kind: MirroredKind, stripeIds: readonly string[], runId: number): void {
    if (stripeIds.length > 0) this.markSeenMany[kind].run(runId, JSON.stringify(stripeIds), runId);
  }

  /** Same content seen again at a later Stripe time: remember the time, change nothing else. */
  touch(kind: MirroredKind, stripeId: string, sourceAt: number, appliedAt: number): void {
    this.touchState[kind].run({ stripeId, sourceAt, appliedAt });
  }

  markDeleted(kind: MirroredKind, stripeId: string, sourceAt: number, appliedAt: number): void {
    this.markDeletedState[kind].run(sourceAt, appliedAt, stripeId);
  }

  seen(kind: MirroredKind, stripeId: string, runId: number): void {
    this.markSeen[kind].run({ stripeId, runId });
  }

  upsert(table: string, row: Row, conflictKey = "stripeId"): void {
    this.statementFor(table, row, conflictKey).run(row);
  }

  /** `existed` false: a new subscription has no items to delete (saves a statement per new object). */
  replaceSubscriptionItems(subscriptionId: string, items: Row[], existed = true): void {
    if (existed) this.deleteItems.run(subscriptionId, JSON.stringify(items.map((item) => item.stripeId)));
    for (const item of items) this.upsert("SubscriptionItemMap", item);
  }

  replaceInvoiceLines(invoiceId: string, lines: Row[], existed = true): void {
    if (existed) this.deleteLines.run(invoiceId, JSON.stringify(lines.map((line) => line.stripeId)));
    for (const line of lines) this.upsert("InvoiceLineMap", line, "invoiceStripeId, stripeId");
  }

  recordDedup(kind: string, externalId: string, contentHash: string, processedAt: number): void {
    this.dedup.run({ kind, externalId, contentHash, processedAt });
  }

  dedupHash(kind: string, externalId: string): string | undefined {
    return this.dedupSelect.get(kind, externalId)?.contentHash;
  }

  /**
   * Keyed by table, conflict key and whether the row names its sync run: rows.ts builds every
   * row of a table with the same columns, ingest adds `seenSyncRunId` during a sync.
   */
  private statementFor(table: string, row: Row, conflictKey: string): Statement {
    const key = `${table}|${conflictKey}|${"seenSyncRunId" in row}`;
    let statement = this.upserts.get(key);
    if (!statement) {
      const columns = Object.keys(row);
      const keys = new Set(conflictKey.split(",").map((c) => c.trim()));
      const updates = columns.filter((c) => !keys.has(c)).map((c) => `${c} = excluded.${c}`);
      statement = this.db.prepare(
        `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map((c) => `@${c}`).join(", ")})
         ON CONFLICT(${conflictKey}) DO UPDATE SET ${updates.join(", ")}`,
      );
      this.upserts.set(key, statement);
    }
    return statement;
  }
}

const stores = new WeakMap<Sqlite, MirrorStore>();

/** The store of a connection, created on first use. */
export function mirrorStore(db: Sqlite): MirrorStore {
  let store = stores.get(db);
  if (!store) {
    store = new MirrorStore(db);
    stores.set(db, store);
  }
  return store;
}
