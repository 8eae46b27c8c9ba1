// docs/RULES.md stays true: its field reference is what the schema generates today, and every
// example rule in it is a valid rule.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { withReference } from "@/lib/rules/reference";
import { parseRule } from "@/lib/rules/schema";

const file = path.resolve(import.meta.dirname, "..", "docs", "RULES.md");
const doc = readFileSync(file, "utf8");

describe("docs/RULES.md", () => {
  it("holds the field reference generated from the schema (./run rules:reference --write)", async () => {
    expect(await withReference(doc, file)).toBe(doc);
  });

  it("documents every schedule kind with an example, and every example is a valid rule", () => {
    const examples = [...doc.matchAll(/```json rule\n([\s\S]*?)```/g)].map((match) =>
      JSON.parse(match[1] ?? ""),
    );
    expect(examples.length).toBeGreaterThanOrEqual(5);
    for (const example of examples) expect(parseRule(example)).toMatchObject({ ok: true });
    const kinds = new Set(examples.map((rule) => rule.allocation.schedule.kind));
    expect([...kinds].sort()).toEqual(["consecutiveDays", "once", "perPeriod", "rrule", "weekly"]);
  });
});
