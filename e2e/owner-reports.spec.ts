// The owner's reports (issue 12, part C): each report opens on the demo business with a chart
// and a table, its CSV downloads with the table's figures, a bad range is named at the field,
// an empty range says what to do, and staff get "no permission" (page) and 403 (CSV). Axe on
// every screen; screenshots at 1400 and 390 px in test-results/screens/.
import { readFileSync } from "node:fs";
import { ensureStaffAccount, expect, signInAs, STAFF, test } from "./fixtures";
import { noSeriousAxeViolations } from "./axe";

const REPORTS = [
  {
    name: "visits",
    chart: "Chart: Visits per week by status",
    header: "week_starting,staff,completed,cancelled,no_show,scheduled,total",
    file: /^visits-by-staff-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/,
  },
  {
    name: "revenue",
    chart: /^Chart: Revenue per month in [A-Z]{3}$/,
    header: "month,currency,service,attributed_by,amount,amount_minor,lines",
    file: /^revenue-by-month-.*\.csv$/,
  },
  {
    name: "subscriptions",
    chart: "Chart: Active subscriptions and churn",
    header: "period_starting,active_at_start,started,cancelled,active_at_end,churn_rate",
    file: /^subscriptions-by-month-.*\.csv$/,
  },
] as const;

for (const report of REPORTS) {
  test(`the ${report.name} report: chart, table, CSV download, screenshots`, async ({ page }) => {
    test.setTimeout(90_000);
    for (const width of [1400, 390]) {
      await page.setViewportSize({ width, height: width > 800 ? 900 : 844 });
      await page.goto(`/reports/${report.name}`);
      await expect(page.getByRole("heading", { level: 1, name: "Reports" })).toBeVisible();
      await expect(
        page.getByRole("link", { name: report.name[0]!.toUpperCase() + report.name.slice(1) }),
      ).toHaveAttribute("aria-current", "page");
      await expect(page.getByTestId("time-zone")).toContainText("Times in Europe/London");
      const chart = page.getByRole("img", { name: report.chart }).first();
      await expect(chart).toBeVisible();
      // Drawn in the browser: bars or a line inside the chart's SVG.
      await expect(chart.locator(".recharts-bar-rectangle, .recharts-line-curve").first()).toBeAttached();
      const rows = page.locator("table tbody tr");
      expect(await rows.count()).toBeGreaterThan(0);
      if (width === 390)
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await noSeriousAxeViolations(page, `${report.name} at ${width}`);
      await page.screenshot({
        path: `test-results/screens/report-${report.name}-${width}.png`,
        fullPage: true,
      });
    }

    // The CSV is the detail table (the revenue report also has a table of monthly totals above it).
    const tableRows = await page.locator("table").last().locator("tbody tr").count();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(report.file);
    const text = readFileSync((await download.path())!, "utf8");
    const lines = text.trimEnd().split("\r\n");
    expect(lines[0]).toBe(report.header);
    // One record per table row (the demo's names hold no line breaks).
    expect(lines.length - 1).toBe(tableRows);
    expect(lines.slice(1).every((line) => /^\d{4}-\d{2}-\d{2},/.test(line))).toBe(true);
  });
}

test("the range form: keyboard use, a bad range named at the field, an empty range", async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto("/reports/visits");
  await page.getByLabel("From").fill("2026-11-10");
  await page.getByLabel("To").fill("2026-11-01");
  await page.getByLabel("Group by").selectOption("service");
  await page.getByLabel("To").press("Enter");
  await expect(page).toHaveURL(/by=service/);
  await expect(page.locator("#report-to-error")).toHaveText("must be on or after From");
  await expect(page.getByLabel("To")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("link", { name: "Download CSV" })).toHaveCount(0);
  await page.screenshot({ path: "test-results/screens/report-range-error-1400.png", fullPage: true });

  await page.goto("/reports/revenue?from=2001-01-01&to=2001-03-31");
  await expect(page.getByText("No paid invoices in these months")).toBeVisible();
  await noSeriousAxeViolations(page, "revenue empty");
  await page.screenshot({ path: "test-results/screens/report-empty-1400.png", fullPage: true });

  // The visits table grouped by service, reached by keyboard from the tabs.
  await page.goto("/reports/visits?by=service");
  await expect(page.locator("thead")).toContainText("Service");
});

test("staff get no permission: the page and the CSV route", async ({ browser }) => {
  ensureStaffAccount();
  const context = await browser.newContext({ baseURL: `http://127.0.0.1:${process.env.E2E_PORT}` });
  const page = await context.newPage();
  await signInAs(page, STAFF);
  await page.goto("/reports/revenue");
  await expect(page.getByRole("heading", { name: "No permission" })).toBeVisible();
  const csv = await page.request.get("/api/owner/reports/revenue/csv");
  expect(csv.status()).toBe(403);
  expect(csv.headers()["content-type"]).toContain("application/problem+json");
  await context.close();
});
