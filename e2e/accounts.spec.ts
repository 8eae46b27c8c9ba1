// Signing in and out in the browser, a wrong password, a staff member's narrower view, and
// screenshots of the sign-in page at desktop and phone widths.
import { expect, test } from "@playwright/test";
import { ensureStaffAccount, OWNER, STAFF } from "./fixtures";

test("sign in returns to the page asked for; sign out ends the session", async ({ page }) => {
  await page.goto("/rules");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Frules/);
  await page.getByLabel("Email").fill(OWNER.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");
  await expect(page.getByLabel("Password")).toHaveValue("");

  await page.getByLabel("Password").fill(OWNER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/rules$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/bookings");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fbookings/);
});

test("a staff member sees schedule screens but not the owner's", async ({ page }) => {
  ensureStaffAccount();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(STAFF.email);
  await page.getByLabel("Password").fill(STAFF.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // A walker's home is My day (the owner's is Today).
  await expect(page).toHaveURL(/\/my-day$/);
  await expect(page.getByRole("heading", { name: "My day", exact: true })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "My day", exact: true })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Bookings", exact: true })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Rules", exact: true })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Security", exact: true })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Sync now" })).toHaveCount(0);
  await page.goto("/bookings");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const rules = await page.goto("/rules");
  expect(rules?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "No permission" })).toBeVisible();
});

test("the owner sees sessions, tokens and the audit log on the security page", async ({ page }) => {
  await page.goto("/sign-in?next=/settings/security");
  await page.getByLabel("Email").fill(OWNER.email);
  await page.getByLabel("Password").fill(OWNER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Security" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Sessions" })).toContainText("(this browser)");
  await expect(page.getByRole("region", { name: "Audit log" })).toContainText("sign-in-failed");
});

for (const width of [1400, 390]) {
  test(`the sign-in page at ${width} px`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width, height: width > 800 ? 900 : 844 });
    await page.goto("/sign-in");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
    const file = testInfo.outputPath(`sign-in-${width}.png`);
    await page.screenshot({ path: file, fullPage: true });
    await testInfo.attach(`sign-in-${width}`, { path: file, contentType: "image/png" });
  });
}
