// Mirror rows built straight from Stripe objects with lib/stripe/rows.ts, and plain INSERTs of
// them: the physical limit ingest is compared with, and a fast way to fill a database.
import type { Statement } from "better-sqlite3";
import type { Sqlite } from "@/lib/db/sqlite";
import { contentHash } from "@/lib/stripe/ingest";
import { objectRows, type ObjectRows, type Provenance, type Row } from "@/lib/stripe/rows";
import { mirroredKindOf } from "@/lib/stripe/schemas";

export type { ObjectRows };

/** The rows ingest would write for a newly seen object; null for objects we do not mirror. */
export function newObjectRows(object: unknown, sourceAt: number, appliedAt: number): ObjectRows | null {
  const kind = mirroredKindOf(object);
  if (!kind) return null;
  const raw = JSON.stringify(object);
  const p: Provenance = { raw, contentHash: contentHash(raw, false), sourceAt, appliedAt, deleted: false };
  return objectRows(kind, object, p);
}

/** Every object's rows, in order; unmirrored objects are left out. */
export function allObjectRows(
  objects: readonly unknown[],
  sourceAt: number,
  appliedAt: number,
): ObjectRows[] {
  return objects.map((object) => newObjectRows(object, sourceAt, appliedAt)).filter((rows) => rows !== null);
}

/** Inserts rows with plain prepared INSERTs (one statement per table and column set). */
export function rawInserter(db: Sqlite): (rows: ObjectRows) => void {
  const statements = new Map<string, Statement>();
  const insert = (table: string, row: Row) => {
    const columns = Object.keys(row);
    const key = `${table}|${columns.join(",")}`;
    let statement = statements.get(key);
    if (!statement) {
      statement = db.prepare(
        `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map((c) => `@${c}`).join(", ")})`,
      );
      statements.set(key, statement);
    }
    statement.run(row);
  };
  return (rows) => {
    insert(rows.table, rows.row);
    if (rows.childTable) for (const child of rows.children) insert(rows.childTable, child);
  };
}

/** Inserts all rows in transactions of `batch` objects (each with its children). */
export function insertRaw(db: Sqlite, all: readonly ObjectRows[], batch: number): void {
  const insert = rawInserter(db);
  const page = db.transaction((objects: readonly ObjectRows[]) => {
    for (const rows of objects) insert(rows);
  });
  for (let i = 0; i < all.length; i += batch) page(all.slice(i, i + batch));
}
