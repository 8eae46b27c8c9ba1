// Phone sign-in from the screens at a phone's size (390×844): a walker pairs a phone with the
// QR code's one-time code, the phone (plain fetch here) gets its token, the device is listed
// with its name and Revoke signs it out; the owner approves a phone's RFC 8628 user code on
// /device. Screenshots at 1400 and 390 px, axe on each.
import { test as base, type Page } from "@playwright/test";
import { noSeriousAxeViolations } from "./axe";
import { ensureStaffAccount, expect, OWNER, signInAs, STAFF } from "./fixtures";

const test = base;
const origin = () => `http://127.0.0.1:${process.env.E2E_PORT}`;
const PAIRING_GRANT = "urn:stripe-bookings:params:oauth:grant-type:pairing_code";
const DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

/** Screenshots and axe at both widths; at 390 px nothing is wider than the phone (or, on
 *  pages whose older tables scroll sideways, nothing inside the Devices card). */
async function shoot(page: Page, name: string, wholePage = true) {
  for (const width of [1400, 390]) {
    await page.setViewportSize({ width, height: width > 800 ? 900 : 844 });
    await noSeriousAxeViolations(page, `${name} at ${width}`);
    if (width === 390 && wholePage)
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    if (width === 390 && !wholePage) {
      const devices = page.getByRole("region", { name: "Devices" });
      const box = await devices.boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
      expect(await devices.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    }
    await page.screenshot({ path: `test-results/screens/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 390, height: 844 });
}

/** What the phone app does: one form POST to the token endpoint. */
async function phoneToken(fields: Record<string, string>) {
  const response = await fetch(`${origin()}/api/v1/device/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

const me = (token: string) =>
  fetch(`${origin()}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });

test("a walker pairs a phone from a QR code, sees it listed, and revokes it", async ({ page }) => {
  test.setTimeout(240_000);
  ensureStaffAccount();
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, STAFF);
  await page.goto("/staff/1");
  const devices = page.getByRole("region", { name: "Devices" });
  await expect(devices).toContainText("No phones paired");
  await shoot(page, "devices-empty");

  await devices.getByRole("button", { name: "Pair a phone" }).click();
  const dialog = page.getByRole("dialog", { name: "Pair a phone" });
  await expect(dialog.getByRole("img", { name: "QR code to pair a phone" })).toBeVisible();
  const code = (await dialog.getByTestId("pairing-code").textContent()) ?? "";
  expect(code).toMatch(/^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/);
  await expect(dialog.getByRole("status")).toHaveText("Waiting for the phone…");
  await shoot(page, "devices-pair-dialog");

  // The phone scans the code and redeems it.
  const granted = await phoneToken({ grant_type: PAIRING_GRANT, code, device_name: "Walker's e2e phone" });
  expect(granted.status).toBe(200);
  const token = granted.body.access_token!;
  const who = await me(token);
  expect(who.status).toBe(200);
  expect(await who.json()).toMatchObject({ role: "staff", staff: { id: 1 } });

  await expect(page.getByText("Phone paired", { exact: true }).first()).toBeVisible({ timeout: 10_000 });
  await expect(dialog).toBeHidden();
  const row = devices.getByRole("listitem").filter({ hasText: "Walker's e2e phone" });
  await expect(row).toContainText(STAFF.email);
  await expect(row).toContainText(/Paired .* · Last used/);
  await shoot(page, "devices-paired");

  await row.getByRole("button", { name: /^Revoke/ }).click();
  const confirm = page.getByRole("dialog", { name: "Revoke this phone?" });
  await expect(confirm).toBeVisible();
  await noSeriousAxeViolations(page, "revoke phone dialog");
  await confirm.getByRole("button", { name: "Revoke", exact: true }).click();
  await expect(page.getByText("Phone revoked: it is signed out", { exact: true }).first()).toBeVisible();
  await expect(devices.getByRole("listitem").filter({ hasText: "Walker's e2e phone" })).toHaveCount(0);
  expect((await me(token)).status).toBe(401);
});

test("the owner approves a phone's code on /device and sees it under Settings → Security", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 390, height: 844 });
  const started = (await (
    await fetch(`${origin()}/api/v1/device/authorize`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ device_name: "Owner's e2e tablet" }).toString(),
    })
  ).json()) as { device_code: string; user_code: string; verification_uri_complete: string };
  const pending = await phoneToken({ grant_type: DEVICE_GRANT, device_code: started.device_code });
  expect(pending.body.error).toBe("authorization_pending");

  // Not signed in: the page sends the owner to sign in and back to the code.
  await page.goto(started.verification_uri_complete);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await page.getByLabel("Email").fill(OWNER.email);
  await page.getByLabel("Password").fill(OWNER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Owner's e2e tablet" })).toBeVisible();
  await expect(page.getByText(started.user_code)).toBeVisible();
  await shoot(page, "device-approve");
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Approved" })).toBeVisible();

  await new Promise((resolve) => setTimeout(resolve, 4_200));
  const granted = await phoneToken({ grant_type: DEVICE_GRANT, device_code: started.device_code });
  expect(granted.status).toBe(200);
  expect((await me(granted.body.access_token!)).status).toBe(200);

  await signInAs(page, OWNER);
  await page.goto("/settings/security");
  const row = page
    .getByRole("region", { name: "Devices" })
    .getByRole("listitem")
    .filter({ hasText: "Owner's e2e tablet" });
  await expect(row).toContainText(OWNER.email);
  await shoot(page, "devices-security", false);
});
