// The one CSV writer (lib/csv.ts) and every export written with it: read back by an independent
// parser (csv-parse), a cell never starts with a character a spreadsheet runs as a formula
// unless it carries the `'` guard, and everything else round-trips exactly.
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toCsv, type CsvCell } from "@/lib/csv";
import { reconciliationCsv } from "@/lib/reconciliation/csv";
import type { ReconciliationRow } from "@/lib/reconciliation/types";
import { toCsv as reportCsv } from "@/lib/reports/csv";

const readBack = (text: string): string[][] => parse(text, { relax_column_count: false }) as string[][];
const FORMULA = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/** What a spreadsheet must show for a cell: the text, guarded when it would start a formula. */
function shown(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return String(cell);
  return FORMULA.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

const text = fc.string({
  unit: fc.constantFrom("=", "+", "-", "@", "\t", "\r", "\n", ",", '"', "'", " ", "a", "é", "1", ".", ";"),
  maxLength: 12,
});
const cell: fc.Arbitrary<CsvCell> = fc.oneof(
  text,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constant(null),
);

describe("lib/csv", () => {
  it("any cell: never read back starting with a formula character unless guarded, else unchanged (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 8 }), (rows) => {
        const back = readBack(toCsv(["a", "b", "c"], rows));
        expect(back[0]).toEqual(["a", "b", "c"]);
        rows.forEach((row, r) => {
          row.forEach((value, c) => {
            const read = back[r + 1]?.[c];
            expect(read).toBe(shown(value));
            if (read !== undefined && FORMULA.test(read)) expect(PLAIN_NUMBER.test(read)).toBe(true);
            if (typeof value === "string" && read !== value) expect(read).toBe(`'${value}`);
          });
        });
      }),
      { numRuns: 300 },
    );
  });

  it("guards = + - @ TAB CR, quotes the guarded cell, and leaves numbers (negative ones too) alone", () => {
    const out = toCsv(
      ["name", "amount"],
      [
        ['=HYPERLINK("http://evil")', "-12.50"],
        ["+1+1", -3],
        ["-2+3", "1"],
        ["@SUM(A1)", null],
        ["\t=1", "x"],
        ["\r=1", "y"],
      ],
    );
    expect(out.split("\r\n")[1]).toBe(`"'=HYPERLINK(""http://evil"")",-12.50`);
    expect(readBack(out).map((row) => row[0])).toEqual([
      "name",
      '\'=HYPERLINK("http://evil")',
      "'+1+1",
      "'-2+3",
      "'@SUM(A1)",
      "'\t=1",
      "'\r=1",
    ]);
    expect(readBack(out).map((row) => row[1])).toEqual(["amount", "-12.50", "-3", "1", "", "x", "y"]);
  });
});

describe("every export uses it", () => {
  it("report CSVs guard Stripe-sourced names", () => {
    const out = reportCsv({
      columns: ["month", "service", "amount"],
      rows: [
        ["2026-11", "=cmd|'/C calc'!A0", "-4.00"],
        ["2026-11", "@Walk", "12.00"],
      ],
    });
    expect(readBack(out).slice(1)).toEqual([
      ["2026-11", "'=cmd|'/C calc'!A0", "-4.00"],
      ["2026-11", "'@Walk", "12.00"],
    ]);
  });

  it("the reconciliation CSV guards TAB and CR too", () => {
    const row: ReconciliationRow = {
      key: "k",
      category: "paidUnscheduled",
      clientName: "\t=1+1",
      clientStripeId: "cus_1",
      what: "\r@SUM(1)",
      sourceKind: "invoice",
      sourceId: "in_1",
      lineId: null,
      bookingId: null,
      startAt: null,
      reason: "-x",
      detail: "plain",
      booked: null,
      paid: null,
      links: [],
    };
    const [, record] = readBack(reconciliationCsv([row], "UTC"));
    expect(record?.slice(0, 3)).toEqual(["'\t=1+1", "cus_1", "'\r@SUM(1)"]);
    expect(record?.[8]).toBe("'-x");
  });
});
