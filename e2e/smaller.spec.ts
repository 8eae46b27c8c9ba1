// Issue 24, "Smaller", on the demo business: the bookings list's row menu and paging past the
// end, 404 pages in the app's kit, the reconciliation table's amounts, dates and ids, the
// revenue report's monthly totals and whole-unit ticks, and no CSP violation (zod's `eval`
// probe) on the schedule. Axe on each screen; screenshots at 1400 and 390 px in
// test-results/screens/.
import type { Page } from "@playwright/test";
import { noSeriousAxeViolations } from "./axe";
import { expect, test } from "./fixtures";

// The machine may be busy (axe on a full table takes seconds): room for it.
test.describe.configure({ timeout: 120_000 });

async function shoot(page: Page, name: string): Promise<void> {
  for (const width of [1400, 390]) {
    await page.setViewportSize({ width, height: width > 800 ? 900 : 844 });
    await page.screenshot({ path: `test-results/screens/smaller-${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1400, height: 900 });
}

/** CSP violations the page reports (the browser fires the event even when the code catches the throw). */
async function recordCspViolations(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|unsafe-eval/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener("securitypolicyviolation", (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  return async () => [
    ...console,
    ...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])),
  ];
}

test("bookings: the row menu offers Open, Open client, Show in schedule and Copy link", async ({ page }) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/bookings");
  // A row with a client (other specs add bookings without one, shown with "—").
  const firstRow = page
    .locator("table tbody tr")
    .filter({ hasNot: page.getByRole("cell", { name: "—", exact: true }) })
    .first();
  await expect(firstRow).toBeVisible();
  const serviceLink = firstRow.locator('a[href^="/bookings/"]').first();
  const bookingHref = await serviceLink.getAttribute("href");
  await noSeriousAxeViolations(page, "bookings");
  await shoot(page, "bookings");
  await firstRow.getByRole("button", { name: /^Actions for / }).click();
  const menu = page.getByRole("menu");
  await expect(menu.getByRole("menuitem")).toHaveText([
    "Open",
    "Open client",
    "Show in schedule",
    "Copy link",
  ]);
  // Axe with the menu open is left to the widths sweep: the kit's Radix menu is modal, so it
  // hides the page from assistive technology (aria-hidden-focus) — components/ui/menu.tsx.
  await menu.getByRole("menuitem", { name: "Copy link" }).click();
  await expect(page.getByText("Link copied").first()).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    `http://127.0.0.1:${process.env.E2E_PORT}${bookingHref}`,
  );
  await firstRow.getByRole("button", { name: /^Actions for / }).click();
  await page.getByRole("menuitem", { name: "Open client" }).click();
  await expect(page).toHaveURL(/\/clients\/cus_/);
});

test("bookings: a page past the end says so and leads to the last page", async ({ page }) => {
  await page.goto("/bookings?page=999");
  await expect(page.getByText("No bookings on this page")).toBeVisible();
  await expect(page.getByText("No upcoming bookings")).toHaveCount(0);
  await noSeriousAxeViolations(page, "bookings past the end");
  await page.getByRole("link", { name: /Go to the last page/ }).click();
  await expect(page.locator("table tbody tr").first()).toBeVisible();
  await expect(page.getByText(/page (\d+) of \1$/)).toBeVisible();
});

test("a missing booking shows the app's own 404 page", async ({ page }) => {
  const response = await page.goto("/bookings/99999999");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "No such booking" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await noSeriousAxeViolations(page, "404 booking");
  await page.getByRole("link", { name: "Back to Bookings" }).click();
  await expect(page).toHaveURL(/\/bookings$/);
  const unknown = await page.goto("/no-such-screen");
  expect(unknown?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await shoot(page, "not-found");
});

test("reconciliation: paid but not scheduled rows show amount and date; ids wrap only at separators", async ({
  page,
}) => {
  await page.goto("/reconciliation?category=paid-unscheduled");
  await expect(page.getByRole("heading", { level: 1, name: "Reconciliation" })).toBeVisible();
  const table = page.getByRole("table");
  const rows = table.locator("tbody tr");
  if ((await rows.count()) > 0 && !(await rows.first().getByText("Nothing to reconcile here").count())) {
    await expect(table.getByRole("columnheader", { name: /Amount/ })).toBeVisible();
    await expect(table.getByRole("columnheader", { name: /Date/ })).toBeVisible();
    await expect(rows.first()).toContainText(/[£€$]\d|—/);
    await expect(rows.first()).toContainText(/(Paid|Period) \d{1,2} [A-Z][a-z]{2} \d{4}/);
  }
  // Every id is drawn whole: no word-break: break-all anywhere in the table.
  const breakAll = await table
    .locator("code")
    .evaluateAll((codes) => codes.filter((c) => getComputedStyle(c).wordBreak === "break-all").length);
  expect(breakAll).toBe(0);
  await noSeriousAxeViolations(page, "reconciliation");
  await shoot(page, "reconciliation");
});

test("revenue: a total per month, and axis ticks in whole units of the currency", async ({ page }) => {
  await page.goto("/reports/revenue");
  await expect(page.getByRole("heading", { level: 2, name: "Monthly totals" })).toBeVisible();
  const totals = page.getByRole("table", { name: "Total revenue per month and currency" });
  expect(await totals.locator("tbody tr").count()).toBeGreaterThan(0);
  const ticks = page.locator(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value");
  await expect(ticks.first()).toBeAttached({ timeout: 20_000 });
  const texts = await ticks.allTextContents();
  expect(texts.length).toBeGreaterThan(1);
  for (const text of texts) expect(text).toMatch(/^[^\d\s-]*-?[\d,]+(\.\d+)?$/);
  expect(texts.join(" ")).not.toMatch(/\d[kKM]\b/);
  await noSeriousAxeViolations(page, "revenue report");
  await shoot(page, "revenue");
});

test("the schedule raises no CSP violation (no eval), and the app has a favicon", async ({ page }) => {
  const violations = await recordCspViolations(page);
  await page.goto("/schedule");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.waitForLoadState("networkidle");
  await page.goto("/bookings");
  await page.waitForLoadState("networkidle");
  expect(await violations()).toEqual([]);
  const icon = await page.locator('link[rel="icon"]').getAttribute("href");
  expect(icon).toMatch(/^\/icon\.svg/);
  const response = await page.request.get(icon ?? "");
  expect(response.status()).toBe(200);
});
