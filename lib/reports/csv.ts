// CSV for every report table: RFC 4180 (quotes doubled, fields with commas, quotes or line
// breaks quoted, CRLF between records) by csv-stringify, the stringifier of the well-kept `csv`
// project; a formula-looking text cell is not rewritten (the data is ours, read by the owner).
import { stringify } from "csv-stringify/sync";

export type Cell = string | number | null;

export interface Table {
  columns: string[];
  rows: Cell[][];
}

/** Header row, then one record per row; null cells are empty; always ends with CRLF. */
export function toCsv(table: Table): string {
  return stringify(
    [table.columns, ...table.rows.map((row) => row.map((cell) => (cell === null ? "" : cell)))],
    {
      record_delimiter: "\r\n",
    },
  );
}
