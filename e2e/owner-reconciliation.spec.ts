// The reconciliation report on the demo business: one subscription is made to end (in the
// mirror only, as if its cancellation arrived while derivation was behind), so its upcoming
// visits are "cancelled but still booked". Open the report, follow a row to the booking,
// download the category's CSV; the home screen counts it. Screenshots at 1400 and 390 px.
import { readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { readServerRecord } from "@/lib/backup/server-record";
import { openSqlite } from "@/lib/db/sqlite";
import { expect, test } from "./fixtures";

const dbFile = () => path.join(process.env.E2E_DATA_DIR ?? "", "app.db");
let tampered: { stripeId: string; cancelAt: number | null } | null = null;
let expectedRows = 0;

async function shoot(page: Page, name: string): Promise<void> {
  for (const width of [1400, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/screens/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1400, height: 900 });
}

/**
 * The server re-derives every schedule 30 s after it starts (lib/bookings/horizon.ts), which
 * would rightly cancel the visits this spec leaves booked: tamper only after that has run.
 */
async function afterFirstHorizonRun(): Promise<void> {
  const started = Date.parse(readServerRecord(process.env.E2E_DATA_DIR ?? "")?.startedAt ?? "") || Date.now();
  const wait = started + 45_000 - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

test.beforeAll(async () => {
  test.setTimeout(90_000);
  await afterFirstHorizonRun();
  const db = openSqlite(dbFile());
  try {
    const now = Date.now();
    const sub = db
      .prepare(
        `SELECT s.stripeId, s.cancelAt FROM SubscriptionMap s WHERE s.status = 'active' AND s.pauseBehavior IS NULL
           AND (SELECT count(*) FROM Booking b WHERE b.sourceKind = 'subscription' AND b.sourceId = s.stripeId
                AND b.startAt >= ? AND b.status IN ('scheduled', 'held')) >= 2
         ORDER BY s.stripeId LIMIT 1`,
      )
      .get(now + 86_400_000) as { stripeId: string; cancelAt: number | null } | undefined;
    if (!sub) throw new Error("the demo business has no active subscription with upcoming visits");
    tampered = sub;
    // Ends in a day: every visit from then on is no longer paid for.
    // Written as ingest writes a newer state: appliedAt moves (the report cache keys on it).
    db.prepare("UPDATE SubscriptionMap SET cancelAt = ?, appliedAt = ? WHERE stripeId = ?").run(
      now + 86_400_000,
      now,
      sub.stripeId,
    );
    expectedRows = (
      db
        .prepare(
          `SELECT count(*) AS n FROM Booking WHERE sourceKind = 'subscription' AND sourceId = ? AND startAt >= ?
             AND status IN ('scheduled', 'held')`,
        )
        .get(sub.stripeId, now + 86_400_000) as { n: number }
    ).n;
  } finally {
    db.close();
  }
});

test.afterAll(() => {
  if (!tampered) return;
  const db = openSqlite(dbFile());
  try {
    db.prepare("UPDATE SubscriptionMap SET cancelAt = ?, appliedAt = ? WHERE stripeId = ?").run(
      tampered.cancelAt,
      Date.now(),
      tampered.stripeId,
    );
  } finally {
    db.close();
  }
});

test("open the report, follow a row to its booking, download the CSV", async ({ page }) => {
  await page.goto("/reconciliation");
  await expect(page.getByRole("heading", { name: "Reconciliation", level: 1 })).toBeVisible();
  await shoot(page, "reconciliation-paid-unscheduled");
  await page
    .getByRole("navigation", { name: "Reconciliation categories" })
    .getByRole("link", { name: /Refunded, voided or cancelled but still booked/ })
    .click();
  await expect(page).toHaveURL(/category=cancelled-still-booked/);
  const table = page.getByRole("table", { name: "Refunded, voided or cancelled but still booked" });
  const rows = table.getByRole("row").filter({ hasText: tampered?.stripeId ?? "" });
  await expect(rows.first()).toBeVisible();
  await expect(rows).toHaveCount(Math.min(expectedRows, 50));
  await expect(rows.first()).toContainText("Subscription ends before this visit");

  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => v.id);
  expect(bad, "axe on /reconciliation").toEqual([]);
  await shoot(page, "reconciliation-still-booked");

  // The CSV of this category: a header and one line per row, the fix link in it.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(
    /^reconciliation-cancelled-still-booked-\d{4}-\d{2}-\d{2}\.csv$/,
  );
  const csv = readFileSync((await download.path()) ?? "", "utf8")
    .trimEnd()
    .split("\r\n");
  expect(csv[0]).toMatch(/^client,client_id,what,source_kind,source_id,/);
  expect(
    csv.filter((line) => line.includes(tampered?.stripeId ?? "?")),
    csv.slice(0, 3).join("\n"),
  ).toHaveLength(expectedRows);
  expect(csv.find((line) => line.includes(tampered?.stripeId ?? "?"))).toMatch(/\/bookings\/\d+/);

  // Follow the first row to the screen where it is fixed.
  const link = rows.first().getByRole("link", { name: "Open booking" });
  const href = await link.getAttribute("href");
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await shoot(page, "reconciliation-followed-booking");
});

test("the home screen counts each category and links to the report", async ({ page, request }) => {
  const response = await request.get("/api/owner/reconciliation?view=counts");
  expect(response.status()).toBe(200);
  const counts = (await response.json()) as Record<string, number>;
  expect(counts.cancelledStillBooked).toBeGreaterThanOrEqual(expectedRows);
  await page.goto("/");
  const stat = page.getByRole("link", { name: /Refunded, voided or cancelled but still booked/ });
  await expect(stat).toBeVisible();
  await expect(stat).toContainText(String(counts.cancelledStillBooked));
  await expect(page.getByTestId("stripe-connection")).toContainText("no key set");
  await shoot(page, "home-owner-reconciliation");
  await stat.click();
  await expect(page).toHaveURL(/\/reconciliation\?category=cancelled-still-booked/);
});
