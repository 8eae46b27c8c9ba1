// Calendar feeds from the owner's screen (issue 12): create one, fetch its URL as a calendar app
// does, see when and by what it was last fetched, rotate it (the old URL answers 404), revoke.
// Screenshots at 1400 and 390 px with axe.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { noSeriousAxeViolations } from "./axe";

async function shoot(page: Page, name: string) {
  for (const width of [1400, 390]) {
    await page.setViewportSize({ width, height: width > 800 ? 900 : 844 });
    await noSeriousAxeViolations(page, `${name} at ${width}`);
    if (width === 390)
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `test-results/screens/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1400, height: 900 });
}

const toast = (page: Page, text: string | RegExp) =>
  page.getByText(text, { exact: typeof text === "string" }).first();

test("create a feed, fetch its URL, rotate it (old URL 404), revoke it", async ({ page, request }) => {
  test.setTimeout(90_000);
  await page.goto("/feeds");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Calendar feeds");
  const form = page.getByRole("form", { name: "New feed" });
  await form.getByLabel("For").selectOption("staff");
  await form.getByRole("button", { name: "Create feed" }).click();
  await expect(form.getByText("choose a walker", { exact: true })).toBeVisible();
  await form.getByLabel("Walker").selectOption({ label: "Sam Patel" });
  await form.getByLabel("Name in the calendar app").fill("Sam's walks (e2e)");
  await form.getByRole("button", { name: "Create feed" }).click();
  await expect(toast(page, "Feed created")).toBeVisible();

  const links = page.getByRole("region", { name: "Subscribe links" });
  const url = await links.getByRole("textbox", { name: "Feed URL" }).inputValue();
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  await expect(links.getByRole("link", { name: /webcal/ })).toHaveAttribute(
    "href",
    url.replace(/^http:/, "webcal:"),
  );
  // 127.0.0.1 works only on this computer: no QR code for a phone (e2e/feeds-links.spec.ts).
  await expect(links.getByRole("img", { name: "QR code of the feed URL" })).toHaveCount(0);
  await shoot(page, "owner-feed-created");

  // A calendar app fetches it.
  const path = new URL(url).pathname;
  const fetched = await request.get(path, { headers: { "user-agent": "E2E-Calendar/1.0" } });
  expect(fetched.status()).toBe(200);
  expect(await fetched.text()).toContain("BEGIN:VCALENDAR");

  await page.reload();
  const row = page.getByTestId("feed-row").filter({ hasText: "Sam's walks (e2e)" });
  await expect(row.getByTestId("last-fetched")).toContainText(/Last fetched .* by E2E-Calendar\/1\.0/);
  await shoot(page, "owner-feeds");

  // Rotate: confirm once; a new URL is shown; the old one is dead.
  await row.getByRole("button", { name: /^Rotate/ }).click();
  const dialog = page.getByRole("dialog", { name: "Rotate this feed?" });
  await expect(dialog).toBeVisible();
  await noSeriousAxeViolations(page, "rotate dialog");
  await page.screenshot({ path: "test-results/screens/owner-feed-rotate-dialog-1400.png" });
  await dialog.getByRole("button", { name: "Rotate", exact: true }).click();
  await expect(toast(page, "Feed rotated: the old URL no longer works")).toBeVisible();
  const rotated = await page
    .getByRole("region", { name: "Subscribe links" })
    .getByRole("textbox", { name: "Feed URL" })
    .inputValue();
  expect(rotated).not.toBe(url);
  expect((await request.get(path)).status()).toBe(404);
  expect((await request.get(new URL(rotated).pathname)).status()).toBe(200);

  // Revoke: the new URL dies too, and the feed moves to Revoked.
  await page
    .getByTestId("feed-row")
    .filter({ hasText: "Sam's walks (e2e)" })
    .getByRole("button", { name: /^Revoke/ })
    .click();
  await page
    .getByRole("dialog", { name: "Revoke this feed?" })
    .getByRole("button", { name: "Revoke", exact: true })
    .click();
  await expect(toast(page, "Feed revoked")).toBeVisible();
  expect((await request.get(new URL(rotated).pathname)).status()).toBe(404);
  await expect(page.getByRole("region", { name: "Revoked" })).toContainText("Sam's walks (e2e)");
});

test("a business feed and a client feed from the form", async ({ page, request }) => {
  await page.goto("/feeds");
  const form = page.getByRole("form", { name: "New feed" });
  await form.getByRole("button", { name: "Create feed" }).click(); // business is the default
  await expect(toast(page, "Feed created")).toBeVisible();
  const business = await page
    .getByRole("region", { name: "Subscribe links" })
    .getByRole("textbox", { name: "Feed URL" })
    .inputValue();
  expect((await request.get(new URL(business).pathname)).status()).toBe(200);

  await form.getByLabel("For").selectOption("client");
  await form.getByRole("button", { name: "Client" }).click();
  await page.keyboard.press("Enter"); // the first client
  await form.getByRole("button", { name: "Create feed" }).click();
  const links = page.getByRole("region", { name: "Subscribe links" });
  await expect(links.getByRole("textbox", { name: "Feed URL" })).not.toHaveValue(business);
  await expect(links).not.toContainText("Feed for the business created");
  const client = await links.getByRole("textbox", { name: "Feed URL" }).inputValue();
  expect((await request.get(new URL(client).pathname)).status()).toBe(200);
});
