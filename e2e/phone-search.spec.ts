// Phone numbers (issue 23): the demo client with +44 7700 900457 is found on the clients screen
// and in the booking form's client picker by each way the number is written; Settings → General's
// start grace and phone country refuse bad values with a message and save nothing.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { noSeriousAxeViolations } from "./axe";

const FORMS = ["07700 900457", "+44 7700 900457", "07700900457", "+447700900457", "07700-900-457"];

/** Submits the clients screen's search and waits for its answer (a new page). */
async function search(page: Page, text: string): Promise<void> {
  await page.getByRole("searchbox", { name: "Search clients" }).fill(text);
  await Promise.all([
    page.waitForURL((url) => url.searchParams.get("q") === text),
    page.getByRole("searchbox", { name: "Search clients" }).press("Enter"),
  ]);
}

const clientRows = (page: Page) => page.getByRole("list", { name: "Clients" }).getByRole("listitem");

test("clients: one client found by each notation of their phone number", async ({ page }) => {
  await page.goto("/clients");
  let name: string | null = null;
  for (const form of FORMS) {
    await search(page, form);
    await expect(clientRows(page), form).toHaveCount(1);
    const found = await clientRows(page).getByRole("link").textContent();
    name ??= found;
    expect(found, form).toBe(name);
    await expect(clientRows(page)).toContainText("+44 7700 900457");
  }
  // Part of the number (six digits or more) still finds them; a name still matches as text.
  await search(page, "900457");
  await expect(clientRows(page).getByRole("link", { name: name! })).toBeVisible();
  await search(page, name!.split(" ")[0]!);
  await expect(clientRows(page).getByRole("link", { name: name! })).toBeVisible();
});

test("new booking: the client picker finds the client by a national or dashed number", async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto("/bookings/new");
  for (const form of ["07700 900457", "07700-900-457", "+44 7700 900457"]) {
    await page.getByLabel("Client").click();
    await page.getByRole("combobox", { name: "Search" }).fill(form);
    const options = page.getByRole("listbox").getByRole("option");
    await expect(options, form).toHaveCount(1);
    await expect(options.first()).toContainText("07700 900457");
    if (form === "07700-900-457") {
      await noSeriousAxeViolations(page, "client picker with a phone search");
      await page.screenshot({ path: "test-results/screens/booking-client-picker-phone-1400.png" });
    }
    await page.keyboard.press("Escape");
  }
});

test("settings: start grace and phone country refuse bad values and save nothing; good ones save", async ({
  page,
}) => {
  test.setTimeout(60_000);
  await page.goto("/settings");
  const form = page.getByRole("form", { name: "General settings" });
  const grace = form.getByLabel("Start early by up to (minutes)");
  const country = form.getByLabel("Country of phone numbers");
  await expect(country.locator("option:checked")).toHaveText("From the time zone (United Kingdom)");
  const original = await grace.inputValue();
  for (const width of [1400, 390]) {
    await page.setViewportSize({ width, height: width > 800 ? 900 : 844 });
    await noSeriousAxeViolations(page, `settings at ${width}`);
    if (width === 390)
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `test-results/screens/settings-phone-grace-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1400, height: 900 });

  let sent = 0;
  page.on("request", (r) => {
    if (r.url().includes("/api/owner/settings")) sent += 1;
  });
  for (const [value, message] of [
    ["2000", "at most 1440 minutes (a day)"],
    ["-5", "0 or more minutes"],
    ["", "a number of minutes"],
  ] as const) {
    await grace.fill(value);
    await form.getByRole("button", { name: "Save settings" }).click();
    await expect(form.getByText(message)).toBeVisible();
    await expect(grace).toHaveAttribute("aria-invalid", "true");
  }
  expect(sent).toBe(0);
  await page.screenshot({ path: "test-results/screens/settings-phone-grace-error-1400.png" });
  await page.reload();
  await expect(grace).toHaveValue(original);

  // The server refuses what the browser let through, naming the field, and saves nothing.
  const refused = await page.request.put("/api/owner/settings", {
    data: {
      settings: {
        businessName: "x",
        timeZone: "Europe/London",
        horizonWeeks: 8,
        feedPastDays: 30,
        feedFutureDays: 180,
        paymentFailedPolicy: "keep",
        startGraceMin: 30,
        phoneCountry: "AQ",
      },
    },
    headers: { origin: `http://127.0.0.1:${process.env.E2E_PORT}` },
  });
  expect(refused.status()).toBe(422);
  expect((await refused.json()).errors[0]).toMatchObject({ path: "settings.phoneCountry" });
  await page.reload();
  await expect(country.locator("option:checked")).toHaveText("From the time zone (United Kingdom)");

  await grace.fill("45");
  await country.selectOption({ label: "Ireland" });
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved", { exact: true }).first()).toBeVisible();
  await page.reload();
  await expect(grace).toHaveValue("45");
  await expect(country.locator("option:checked")).toHaveText("Ireland");

  // Back as it was, for the specs that follow.
  await grace.fill(original);
  await country.selectOption({ value: "" });
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved", { exact: true }).first()).toBeVisible();
});
