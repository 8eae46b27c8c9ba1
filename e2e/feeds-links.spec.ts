// Feed links that say who can open them (issue 24): with no PUBLIC_URL the e2e server's links
// name 127.0.0.1, so the feeds screen and every shown link say they work only on this computer
// and offer no QR code; a link shown again (Show link, owner) equals the one first shown, on the
// feeds screen and on the client card (where a new link never sits beside "No calendar link
// yet."). Axe with the dialogs open; screenshots of the feeds screen at 390 and 1400 px.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { noSeriousAxeViolations } from "./axe";

const ONLY_HERE = "Feed links work only on this computer";

async function shoot(page: Page, name: string) {
  for (const width of [1400, 390]) {
    await page.setViewportSize({ width, height: width > 800 ? 900 : 844 });
    await noSeriousAxeViolations(page, `${name} at ${width}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: `test-results/screens/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1400, height: 900 });
}

test("no PUBLIC_URL: the warning, no QR code; Show link gives the link first shown", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  await page.goto("/feeds");
  const note = page.getByRole("note").filter({ hasText: ONLY_HERE });
  await expect(note).toBeVisible();
  await expect(note).toContainText("Set PUBLIC_URL");
  await expect(note).toContainText("docs/FEEDS.md");

  const form = page.getByRole("form", { name: "New feed" });
  await form.getByLabel("Name in the calendar app").fill("Office wall (links e2e)");
  await form.getByRole("button", { name: "Create feed" }).click();
  const issued = page.getByRole("region", { name: "Subscribe links" });
  const first = await issued.getByRole("textbox", { name: "Feed URL" }).inputValue();
  expect(first).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  await expect(issued.getByRole("note")).toContainText("This link works only on this computer");
  await expect(issued.getByRole("img", { name: "QR code of the feed URL" })).toHaveCount(0);
  await expect(issued).not.toContainText("scan the code");
  await shoot(page, "feeds-links-created");

  await page.reload();
  await expect(page.getByRole("note").filter({ hasText: ONLY_HERE })).toBeVisible();
  await shoot(page, "feeds-links");
  const row = page.getByTestId("feed-row").filter({ hasText: "Office wall (links e2e)" });
  await row.getByRole("button", { name: /^Show link/ }).click();
  const dialog = page.getByRole("dialog", { name: "Feed link" });
  const shown = dialog.getByRole("textbox", { name: "Feed URL" });
  await expect(shown).toHaveValue(first);
  await expect(dialog.getByRole("note")).toContainText("This link works only on this computer");
  await expect(dialog.getByRole("img", { name: "QR code of the feed URL" })).toHaveCount(0);
  for (const width of [1400, 390]) {
    await page.setViewportSize({ width, height: width > 800 ? 900 : 844 });
    await noSeriousAxeViolations(page, `show link dialog at ${width}`);
    await page.screenshot({ path: `test-results/screens/feeds-links-show-dialog-${width}.png` });
  }
  await page.setViewportSize({ width: 1400, height: 900 });
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
  expect((await request.get(new URL(first).pathname)).status()).toBe(200);

  // Rotate (dialog checked with axe), then Show link gives the new one.
  await row.getByRole("button", { name: /^Rotate/ }).click();
  const rotate = page.getByRole("dialog", { name: "Rotate this feed?" });
  await noSeriousAxeViolations(page, "rotate dialog");
  await rotate.getByRole("button", { name: "Rotate", exact: true }).click();
  const rotated = await page
    .getByRole("region", { name: "Subscribe links" })
    .getByRole("textbox", { name: "Feed URL" })
    .inputValue();
  expect(rotated).not.toBe(first);
  await page
    .getByTestId("feed-row")
    .filter({ hasText: "Office wall (links e2e)" })
    .getByRole("button", { name: /^Show link/ })
    .click();
  await expect(
    page.getByRole("dialog", { name: "Feed link" }).getByRole("textbox", { name: "Feed URL" }),
  ).toHaveValue(rotated);
});

test("the client card: a new link with the warning, never beside 'No calendar link yet.', shown again", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto("/clients");
  const href = await page.locator('a[href^="/clients/cus_"]').first().getAttribute("href");
  await page.goto(href!);
  const card = page.getByRole("region", { name: "Calendar feed", exact: true });
  await card.getByRole("button", { name: "New calendar link" }).click();
  const link = card.getByRole("region", { name: "Calendar feed link" });
  const url = await link.getByRole("textbox", { name: "Feed URL" }).inputValue();
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  await expect(card).not.toContainText("No calendar link yet.");
  await expect(card).toContainText(/\d+ active links?/);
  await expect(link.getByRole("note")).toContainText("This link works only on this computer");
  await expect(link.getByRole("img", { name: "QR code of the feed URL" })).toHaveCount(0);
  await noSeriousAxeViolations(page, "client card with a new link");

  await page.reload();
  const prefix = new URL(url).pathname.slice("/calendar/".length, "/calendar/".length + 6);
  await card.getByRole("button", { name: `Show link ${prefix}` }).click();
  await expect(
    card.getByRole("region", { name: "Calendar feed link" }).getByRole("textbox", { name: "Feed URL" }),
  ).toHaveValue(url);
  for (const width of [1400, 390]) {
    await page.setViewportSize({ width, height: width > 800 ? 900 : 844 });
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/screens/client-feed-link-${width}.png` });
  }
});
