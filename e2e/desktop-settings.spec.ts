// Issue 22 (desktop): Settings → Stripe (labelled fields, keyboard, error state; the webhook
// secret of the e2e server comes from the environment, and the screen says so) and the home
// screen's offline banner following the status file live, without navigating.
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "./fixtures";
import { noSeriousAxeViolations } from "./axe";

const statusFile = () => path.join(process.env.E2E_DATA_DIR ?? "", "stripe-status.json");

test("settings → Stripe: shows what is in use, checks the format, and says when Stripe cannot be reached", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto("/settings/stripe");
  await expect(
    page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Stripe" }),
  ).toHaveAttribute("aria-current", "page");
  const secretStatus = page.getByTestId("status-secretKey");
  await expect(secretStatus).toContainText("not set");
  await expect(page.getByTestId("status-webhookSecret")).toContainText("from the environment");
  await expect(page.getByTestId("status-webhookSecret")).toContainText(
    "STRIPE_WEBHOOK_SECRET is set in the environment",
  );
  for (const width of [1400, 390]) {
    await page.setViewportSize({ width, height: width > 800 ? 900 : 844 });
    await noSeriousAxeViolations(page, `settings/stripe at ${width}`);
    if (width === 390)
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `test-results/screens/settings-stripe-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1400, height: 900 });

  const form = page.getByRole("form", { name: "Save Stripe keys" });
  // Keyboard only: focus the key field, type, submit with Enter.
  await form.getByLabel("New secret key").focus();
  await page.keyboard.type("pk_live_not_a_secret_key");
  await page.keyboard.press("Enter");
  await expect(form.getByText("Must be a Stripe secret or restricted key")).toBeVisible();
  await form.getByLabel("New secret key").fill("sk_test_formatisfine1234");
  await page.keyboard.press("Enter");
  // The e2e server has no way out to Stripe: nothing is saved and the form says why.
  await expect(form.getByRole("alert")).toContainText("Stripe could not be reached", { timeout: 30_000 });
  await page.screenshot({ path: "test-results/screens/settings-stripe-error-1400.png", fullPage: true });
  await page.reload();
  await expect(secretStatus).toContainText("not set");
});

test("home: the offline banner appears and goes away while the screen stays open", async ({ page }) => {
  test.setTimeout(90_000);
  rmSync(statusFile(), { force: true });
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Today", exact: true })).toBeVisible();
  await expect(page.getByTestId("offline")).toHaveCount(0);
  writeFileSync(
    statusFile(),
    JSON.stringify({ offlineSince: new Date().toISOString(), lastCaughtUpAt: null }),
  );
  await expect(page.getByTestId("offline")).toContainText("Offline since", { timeout: 25_000 });
  await page.screenshot({ path: "test-results/screens/home-offline-live-1400.png" });
  rmSync(statusFile(), { force: true });
  await expect(page.getByTestId("offline")).toHaveCount(0, { timeout: 25_000 });
});
