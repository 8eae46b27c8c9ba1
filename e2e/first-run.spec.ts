// First run: no account exists, so / offers to create the owner (this browser is on loopback).
// Runs before every other spec (project "first-run"); the owner it creates is the one they use.
import { expect, test } from "@playwright/test";
import { OWNER } from "./fixtures";

test("the first visit creates the owner account and lands signed in on Today", async ({ page }) => {
  await page.goto("/bookings");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fbookings/);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Create the owner account" })).toBeVisible();
  await page.getByLabel("Name").fill("Olivia Owner");
  await page.getByLabel("Email").fill(OWNER.email);
  await page.getByLabel("Password").fill(OWNER.password);
  await page.getByRole("button", { name: "Create the owner account" }).click();
  // Hashing the password, loading the demo business and a cold first render, on a busy machine.
  await expect(page.getByRole("heading", { name: "Today", exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByLabel("Signed in as")).toHaveText(OWNER.email);
  // Once an owner exists the offer is gone.
  await page.context().clearCookies();
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);
});
