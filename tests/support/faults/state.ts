// What "the same state" means in the fault tests: every mirror row and booking, without
// surrogate ids and without bookkeeping that records when or by which run a row was written.
import type { Sqlite } from "@/lib/db/sqlite";
import { dumpState } from "@/tests/support/stripe-objects";

export const MIRROR_TABLES = [
  "Client",
  "Product",
  "Price",
  "SubscriptionMap",
  "SubscriptionItemMap",
  "InvoiceMap",
  "InvoiceLineMap",
  "InvoiceItem",
] as const;
export const STATE_TABLES = [...MIRROR_TABLES, "Booking"] as const;
export const BOOKKEEPING = ["seenSyncRunId", "appliedAt", "createdAt", "updatedAt", "sourceAt"];
/**
 * For runs that saw the same objects in a different order: Booking.sequence counts the changes a
 * calendar app was shown (a title fixed when the customer arrived after its invoice is one more),
 * so it legitimately depends on arrival order; everything else must not.
 */
export const ORDER_DEPENDENT = [...BOOKKEEPING, "sequence"];
const ALL_TABLES = [...STATE_TABLES, "DedupEvent", "WebhookEvent", "SyncRun", "Rule", "Setting"] as const;
export type CountedTable = (typeof ALL_TABLES)[number];

/** Mirror rows and bookings, comparable between two databases. */
export function appState(db: Sqlite, ignore: string[] = BOOKKEEPING): Record<string, unknown[]> {
  return dumpState(db, [...STATE_TABLES], ignore);
}

/** Rows per table, bookkeeping tables included. */
export function rowCounts(db: Sqlite): Record<CountedTable, number> {
  const count = (table: CountedTable) =>
    (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return Object.fromEntries(ALL_TABLES.map((table) => [table, count(table)])) as Record<CountedTable, number>;
}

/** `PRAGMA integrity_check` and foreign keys: "ok" when the file is sound. */
export function integrity(db: Sqlite): string {
  const rows = db.pragma("integrity_check") as { integrity_check: string }[];
  const broken = db.pragma("foreign_key_check") as unknown[];
  const result = rows.map((row) => row.integrity_check).join("; ");
  return broken.length ? `${result}; ${broken.length} foreign key violation(s)` : result;
}

/** Keys that occur more than once (mirror stripeIds, booking keys); UNIQUE should keep this empty. */
export function duplicateKeys(db: Sqlite): string[] {
  const keyed: [string, string][] = [
    ...MIRROR_TABLES.filter((table) => table !== "InvoiceLineMap").map((table): [string, string] => [
      table,
      "stripeId",
    ]),
    ["InvoiceLineMap", "invoiceStripeId || '/' || stripeId"],
    ["Booking", "bookingKey"],
  ];
  return keyed.flatMap(([table, key]) =>
    (
      db.prepare(`SELECT ${key} AS k FROM ${table} GROUP BY k HAVING count(*) > 1`).all() as { k: string }[]
    ).map((row) => `${table}:${row.k}`),
  );
}
