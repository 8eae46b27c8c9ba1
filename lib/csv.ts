// The one CSV writer of every export (reports, reconciliation). RFC 4180 by csv-stringify
// (fields with commas, quotes or line breaks quoted, quotes doubled, CRLF between records),
// plus the OWASP guard against CSV injection: names come from Stripe and from staff, and a
// spreadsheet runs a cell starting with = + - @ (or TAB/CR before one) as a formula. Such a
// cell is written with a leading `'`, which spreadsheets show as text and never evaluate.
import { stringify } from "csv-stringify/sync";

export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
// "-12.50" (a refund's amount) is a number to every spreadsheet, never a formula: left as is.
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/** The text a cell is written with: empty for null, a `'` before anything a spreadsheet would run. */
export function csvCellText(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** Header row, then one record per row; always ends with CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return stringify([header.map(csvCellText), ...rows.map((row) => row.map(csvCellText))], {
    record_delimiter: "\r\n",
    // A guarded cell is quoted too, as OWASP recommends: no reader can take it for two cells.
    quoted_match: /^'[=+\-@\t\r]/,
  });
}
