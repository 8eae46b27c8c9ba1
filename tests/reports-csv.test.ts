// CSV of the report tables: RFC 4180 quoting (commas, quotes, line breaks) read back by an
// independent parser (csv-parse) gives exactly the cells written (formula-looking ones guarded).
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toCsv, type Table } from "@/lib/reports/csv";
import { csvFilename } from "@/lib/reports/tables";

const readBack = (text: string): string[][] => parse(text, { relax_column_count: false }) as string[][];

describe("report CSV", () => {
  it("quotes commas, quotes and line breaks, and separates records with CRLF", () => {
    const table: Table = {
      columns: ["week_starting", "staff", "total"],
      rows: [
        ["2026-11-02", 'Alex "Lex" Morgan', 3],
        ["2026-11-02", "Lee, Jordan", 0],
        ["2026-11-09", "two\nlines", null],
        ["2026-11-09", "crlf\r\ninside", 12],
      ],
    };
    const text = toCsv(table);
    expect(text.split("\r\n")[0]).toBe("week_starting,staff,total");
    expect(text).toContain('"Alex ""Lex"" Morgan"');
    expect(text).toContain('"Lee, Jordan"');
    expect(text.endsWith("\r\n")).toBe(true);
    expect(readBack(text)).toEqual([
      ["week_starting", "staff", "total"],
      ["2026-11-02", 'Alex "Lex" Morgan', "3"],
      ["2026-11-02", "Lee, Jordan", "0"],
      ["2026-11-09", "two\nlines", ""],
      ["2026-11-09", "crlf\r\ninside", "12"],
    ]);
  });

  it("round-trips any text and numbers", () => {
    const cell = fc.oneof(
      fc.string({ unit: fc.constantFrom("a", "é", ",", '"', "\n", "\r", " ", ";", "1") }),
      fc.integer(),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.array(cell, { minLength: 5, maxLength: 5 })),
        (width, rows) => {
          const table: Table = {
            columns: Array.from({ length: width }, (_, i) => `c${i}`),
            rows: rows.map((r) => r.slice(0, width)),
          };
          // A cell starting with CR gets the formula guard (tests/csv.test.ts); the rest is unchanged.
          const shown = (value: string | number | null) =>
            typeof value === "string" && value.startsWith("\r") ? `'${value}` : String(value);
          expect(readBack(toCsv(table))).toEqual([table.columns, ...table.rows.map((r) => r.map(shown))]);
        },
      ),
    );
  });

  it("names the file after the report and its range", () => {
    const range = { from: "2026-09-07", to: "2026-11-29" };
    expect(csvFilename({ report: "visits", by: "staff", range })).toBe(
      "visits-by-staff-2026-09-07-to-2026-11-29.csv",
    );
    expect(csvFilename({ report: "revenue", range })).toBe("revenue-by-month-2026-09-07-to-2026-11-29.csv");
    expect(csvFilename({ report: "subscriptions", period: "week", range })).toBe(
      "subscriptions-by-week-2026-09-07-to-2026-11-29.csv",
    );
  });
});
