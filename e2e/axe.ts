// The accessibility check every screen spec runs: no serious or critical axe violation, named
// with the first nodes of each so a failure says where to look.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** The serious and critical violations on the page, each with its first nodes. */
export async function seriousAxeViolations(page: Page, skipRules: string[] = []): Promise<string[]> {
  const results = await new AxeBuilder({ page }).disableRules(skipRules).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(" | ")}`,
    );
}

export async function noSeriousAxeViolations(page: Page, name: string) {
  expect(await seriousAxeViolations(page), `axe on ${name}`).toEqual([]);
}
