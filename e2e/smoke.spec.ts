import { expect, test } from "./fixtures";

test("the app shell loads with navigation and the demo label", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Today", exact: true })).toBeVisible();
  // The page also holds the (empty) live region the offline banner is announced in.
  await expect(page.getByRole("status").filter({ hasText: "Demo data" })).toBeVisible();
});

test("health reports a reachable, fully migrated database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body).toMatchObject({ status: "ok", database: { reachable: true }, migrations: { upToDate: true } });
});

test("a booking links to its provenance: rule, Stripe object and line item", async ({ page }) => {
  // A service only rules book: the list's first row is then derived, whatever time it is and
  // whatever manual bookings other tests made (one at 14:00 today sorts first in the morning).
  await page.goto("/bookings?service=WALK60_3X");
  const first = page.getByRole("link", { name: /—/ }).first();
  const title = await first.textContent();
  await first.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title ?? "");
  const provenance = page.getByLabel("Provenance");
  await expect(provenance).toContainText(/(sub|in)_\d+/);
  await expect(provenance).toContainText(/Rule\s*#\d+/);
});

test("the rules screen lists rules and the line items no rule matches", async ({ page }) => {
  await page.goto("/rules");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText("Weekly Walk", { exact: false }).first()).toBeVisible();
  await expect(page.getByText("Gift Card", { exact: false }).first()).toBeVisible();
});
