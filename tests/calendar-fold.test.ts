// Our line folding must give exactly ical-generator's output, for any text.
import fc from "fast-check";
import { foldLines as libraryFold } from "ical-generator";
import { describe, expect, it } from "vitest";
import { foldLines } from "@/lib/calendar/fold";

const line = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc
    .array(fc.constantFrom("a", "é", "€", "😀", "\ud800", "\udc00", " ", ";"), { maxLength: 300 })
    .map((c) => c.join("")),
);

describe("foldLines", () => {
  it("folds exactly as ical-generator does (property)", () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 4 }), (lines) => {
        const text = lines.join("\r\n");
        expect(foldLines(text)).toBe(libraryFold(text));
      }),
      { numRuns: 500 },
    );
  });
});
