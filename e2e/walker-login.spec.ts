// Giving a walker a login from the screens, at a phone's size (390×844): the owner adds the
// walker's account on the staff page and reads the one-time link (QR code, Copy, the warning
// that 127.0.0.1 works only on this computer); a second browser opens it, sets a password and
// lands signed in as that walker; the owner sees that session on the walker's page and ends
// it, and the walker is signed out. axe with each dialog open; screenshots at 1400 and 390 px.
import type { Page } from "@playwright/test";
import { noSeriousAxeViolations } from "./axe";
import { expect, test } from "./fixtures";

const WALKER = { name: "Robin Login", email: "robin.login@example.com", password: "leads and long walks" };

async function shoot(page: Page, name: string) {
  for (const width of [1400, 390]) {
    await page.setViewportSize({ width, height: width > 800 ? 900 : 844 });
    await noSeriousAxeViolations(page, `${name} at ${width}`);
    if (width === 390)
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `test-results/screens/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 390, height: 844 });
}

test("the owner gives a walker a login with a link; the walker sets a password; the owner ends the session", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(240_000);
  const made = await request.post("/api/staff/staff", {
    data: { name: WALKER.name, color: "#0891b2" },
    headers: { origin: `http://127.0.0.1:${process.env.E2E_PORT}` },
  });
  expect(made.status(), await made.text()).toBe(201);
  const walkerId = ((await made.json()) as { id: number }).id;

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/staff");
  const row = page
    .getByRole("list", { name: "Staff" })
    .getByRole("listitem")
    .filter({ hasText: WALKER.name });
  await expect(row).toContainText("no login");
  await shoot(page, "staff-list");

  await page.getByRole("button", { name: "Add an account" }).click();
  const dialog = page.getByRole("dialog", { name: "Add an account" });
  await dialog.getByLabel("Email").fill("not an email");
  await dialog.getByRole("button", { name: "Add and make a link" }).click();
  await expect(dialog.getByText("must be an email address")).toBeVisible();
  await dialog.getByLabel("Email").fill(WALKER.email);
  await dialog.getByLabel("Signs in as walker").selectOption({ label: WALKER.name });
  await noSeriousAxeViolations(page, "add account dialog");
  await dialog.getByRole("button", { name: "Add and make a link" }).click();

  const reveal = page.getByRole("dialog", { name: "Set-password link" });
  await expect(
    reveal.getByRole("img", { name: `QR code of the set-password link for ${WALKER.email}` }),
  ).toBeVisible();
  await expect(reveal.getByRole("note")).toContainText("works only here");
  await expect(reveal.getByRole("button", { name: "Copy link" })).toBeVisible();
  const link = await reveal.getByRole("textbox", { name: "Link" }).inputValue();
  expect(link).toMatch(/\/set-password\?token=[A-Za-z0-9_-]{43}$/);
  await noSeriousAxeViolations(page, "set-password link dialog");
  await page.screenshot({ path: "test-results/screens/staff-link-dialog-390.png" });
  await reveal.getByRole("button", { name: "Done" }).click();
  await expect(row).toContainText(WALKER.email);

  // The walker's phone: another browser, nobody signed in.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const walkerPage = await phone.newPage();
  await walkerPage.goto(link);
  await expect(walkerPage.getByRole("heading", { name: "Choose your password" })).toBeVisible();
  await expect(walkerPage.getByText(WALKER.email)).toBeVisible();
  await noSeriousAxeViolations(walkerPage, "set-password page");
  await walkerPage.screenshot({ path: "test-results/screens/set-password-390.png", fullPage: true });
  await walkerPage.getByLabel("New password").fill(WALKER.password);
  await walkerPage.getByLabel("The same password again").fill("something else entirely");
  await walkerPage.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(walkerPage.getByText("does not match the password above")).toBeVisible();
  await walkerPage.getByLabel("New password").fill(WALKER.password);
  await walkerPage.getByLabel("The same password again").fill(WALKER.password);
  await walkerPage.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(walkerPage).toHaveURL(/\/my-day$/, { timeout: 15_000 });
  const who = await walkerPage.request.get("/api/v1/me");
  expect(who.status()).toBe(200);
  expect(await who.json()).toMatchObject({ role: "staff", staff: { id: walkerId } });
  // The link is spent.
  await walkerPage.goto(link);
  await expect(walkerPage.getByRole("heading", { name: "This link does not work" })).toBeVisible();

  // The owner sees the walker's session on their page and ends it.
  await page.goto(`/staff/${walkerId}`);
  const accounts = page.getByRole("region", { name: "Accounts" });
  const account = accounts.getByTestId("account").filter({ hasText: WALKER.email });
  await expect(account).toBeVisible();
  await expect(account.getByTestId("session")).toHaveCount(1);
  await expect(account.getByTestId("session")).toContainText(/Signed in .* · Last active .* · 127\.0\.0\.1/);
  await shoot(page, "staff-walker");

  await account.getByRole("button", { name: /^End session of/ }).click();
  const confirm = page.getByRole("dialog", { name: "End this session?" });
  await noSeriousAxeViolations(page, "end session dialog");
  await confirm.getByRole("button", { name: "End", exact: true }).click();
  await expect(page.getByText("Session ended", { exact: true }).first()).toBeVisible();
  await expect(account.getByTestId("session")).toHaveCount(0);
  await expect(account).toContainText("Not signed in anywhere.");

  expect((await walkerPage.request.get("/api/v1/me")).status()).toBe(401);
  await walkerPage.goto("/");
  await expect(walkerPage).toHaveURL(/\/sign-in/);
  await phone.close();
});
