// CSV for every report table, written by the app's one CSV writer (lib/csv.ts: RFC 4180 and
// the formula guard: a product or staff name from Stripe may start with = + - @).
import { toCsv as writeCsv } from "@/lib/csv";

export type Cell = string | number | null;

export interface Table {
  columns: string[];
  rows: Cell[][];
}

/** Header row, then one record per row; null cells are empty; always ends with CRLF. */
export function toCsv(table: Table): string {
  return writeCsv(table.columns, table.rows);
}
