// General settings (issue 12): a change that re-derives bookings shows its preview first, then
// applies; one that does not saves at once. The tabs reach Security. Screenshots with axe.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { noSeriousAxeViolations } from "./axe";

const toast = (page: Page, text: string | RegExp) =>
  page.getByText(text, { exact: typeof text === "string" }).first();

test("settings: a name change saves at once; a longer horizon is previewed, then applied", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto("/settings");
  await expect(
    page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "General" }),
  ).toHaveAttribute("aria-current", "page");
  const form = page.getByRole("form", { name: "General settings" });
  for (const width of [1400, 390]) {
    await page.setViewportSize({ width, height: width > 800 ? 900 : 844 });
    await noSeriousAxeViolations(page, `settings at ${width}`);
    if (width === 390)
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `test-results/screens/owner-settings-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1400, height: 900 });

  const name = form.getByLabel("Business name");
  const original = await name.inputValue();
  await name.fill("");
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByText("a business name is required")).toBeVisible();
  await name.fill(`${original} (e2e)`);
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(toast(page, "Settings saved")).toBeVisible();
  await expect(page.getByRole("dialog")).toBeHidden();

  const horizon = form.getByLabel("Booking horizon (weeks)");
  const weeks = await horizon.inputValue();
  await horizon.fill(String(Number(weeks) + 2));
  await form.getByRole("button", { name: "Save settings" }).click();
  const dialog = page.getByRole("dialog", { name: "Saving re-derives bookings" });
  await expect(dialog).toContainText("Changing the booking horizon changes the schedule");
  const counts = (await dialog.getByTestId("preview-counts").textContent()) ?? "";
  expect(Number(/creates (\d+)/.exec(counts)?.[1])).toBeGreaterThan(0);
  await noSeriousAxeViolations(page, "settings preview dialog");
  await page.screenshot({ path: "test-results/screens/owner-settings-preview-1400.png" });
  await dialog.getByRole("button", { name: "Save and re-derive" }).click();
  await expect(toast(page, /^Bookings re-derived: \d+ created/)).toBeVisible();

  // Back as it was, so later specs see the demo's horizon and name.
  await horizon.fill(weeks);
  await form.getByRole("button", { name: "Save settings" }).click();
  await page
    .getByRole("dialog", { name: "Saving re-derives bookings" })
    .getByRole("button", { name: "Save and re-derive" })
    .click();
  await expect(page.getByRole("dialog")).toBeHidden();
  await name.fill(original);
  const saved = page.waitForResponse(
    (r) => r.url().endsWith("/api/owner/settings") && r.request().method() === "PUT",
  );
  await form.getByRole("button", { name: "Save settings" }).click();
  expect((await saved).status()).toBe(200);
  await page.reload();
  await expect(form.getByLabel("Business name")).toHaveValue(original);
  await expect(form.getByLabel("Booking horizon (weeks)")).toHaveValue(weeks);

  await page
    .getByRole("navigation", { name: "Settings sections" })
    .getByRole("link", { name: "Security" })
    .click();
  await expect(page).toHaveURL(/\/settings\/security$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Security");
});

test("settings: the Data tab names the data folder, its backups and logs, and opens the folder", async ({
  page,
}) => {
  await page.goto("/settings");
  await page
    .getByRole("navigation", { name: "Settings sections" })
    .getByRole("link", { name: "Data" })
    .click();
  await expect(page).toHaveURL(/\/settings\/data$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Data");
  const folder = page.getByRole("region", { name: "Data folder" });
  await expect(folder).toContainText(process.env.E2E_DATA_DIR!);
  await expect(folder).toContainText(/Database app\.db, [\d.]+ (KB|MB)/);
  await expect(page.getByRole("region", { name: /^Backups \(\d+\)$/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Logs" })).toBeVisible();
  for (const width of [1400, 390]) {
    await page.setViewportSize({ width, height: width > 800 ? 900 : 844 });
    await noSeriousAxeViolations(page, `data settings at ${width}`);
    if (width === 390)
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `test-results/screens/owner-settings-data-${width}.png`, fullPage: true });
  }
  // Opened, or (no file manager on this machine) a message naming the folder: either way the folder.
  await page.getByRole("button", { name: "Open data folder" }).click();
  await expect(page.getByRole("status").or(page.getByRole("alert")).first()).toContainText(
    process.env.E2E_DATA_DIR!,
  );
});
