// The owner's Stripe screen against its own server (a Stripe key, the local Stripe test server):
// run a sync and watch every object type's progress bar reach the end; a webhook event that
// failed is retried from the log and applied; staff get no permission. Screenshots at 1400 and
// 390 px in test-results/screens/, axe on the screen.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { openSqlite } from "@/lib/db/sqlite";
import { generateAccount } from "@/lib/stripe-fixtures/generate";
import { API_KEY, childEnv, startAppServer, type AppServer } from "@/tests/support/faults/app-server";
import { startStripeServer, type StripeServer } from "@/tests/support/stripe-server";
import { noSeriousAxeViolations } from "./axe";

const OWNER = { email: "stripe-owner@example.com", password: "stripe owner password" };
const STAFF = { email: "stripe-walker@example.com", password: "stripe walker password" };

let dataDir = "";
let stripe: StripeServer;
let app: AppServer;

function cli(args: string[], input?: string): void {
  execFileSync(
    process.execPath,
    ["--experimental-wasm-modules", "--no-warnings", "--import", "tsx", "cli/index.ts", ...args],
    {
      env: { ...process.env, ...childEnv(dataDir, stripe.port), LOG_LEVEL: "silent" },
      input,
      stdio: ["pipe", "ignore", "inherit"],
    },
  );
}

async function signIn(page: Page, account: { email: string; password: string }): Promise<void> {
  const response = await page.request.post(`${app.url}/api/auth/sign-in/email`, {
    data: account,
    headers: { origin: app.url },
  });
  expect(response.status(), await response.text()).toBe(200);
}

async function shoot(page: Page, name: string): Promise<void> {
  for (const width of [1400, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/screens/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1400, height: 900 });
}

test.describe.configure({ mode: "serial", timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dataDir = mkdtempSync(path.join(tmpdir(), "bookings-e2e-stripe-"));
  // Enough objects, a little latency and Stripe's test-mode rate, so the sync takes a few seconds.
  const account = generateAccount({ customers: 120, invoicesPerCustomer: 3, now: new Date(), seed: 7 });
  stripe = await startStripeServer({ account, apiKey: API_KEY, latencyMs: 60, rateLimit: 25 });
  cli(["user:create", "--email", OWNER.email, "--role", "owner", "--password-stdin"], OWNER.password);
  cli(["user:create", "--email", STAFF.email, "--role", "staff", "--password-stdin"], STAFF.password);
  app = await startAppServer(dataDir, {
    stripePort: stripe.port,
    env: { BUSINESS_TIMEZONE: "Europe/London", STRIPE_RATE_LIMIT: "20" },
  });
});

test.afterAll(async () => {
  await app?.child.kill9();
  await stripe?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test("Sync now shows a progress bar per object type that reaches the end", async ({ page }) => {
  await signIn(page, OWNER);
  await page.goto(`${app.url}/stripe`);
  await expect(page.getByRole("heading", { name: "Stripe", level: 1 })).toBeVisible();
  await expect(page.getByText("Test mode")).toBeVisible();
  await expect(page.getByText("No sync has run yet")).toBeVisible();
  await shoot(page, "stripe-before-sync");

  await page.getByRole("button", { name: "Sync now" }).click();
  const bars = page.getByRole("region", { name: "Sync progress" }).getByRole("progressbar");
  await expect(page.getByTestId("sync-state")).toHaveText("Sync running…", { timeout: 15_000 });
  await expect(bars).toHaveCount(6);
  await shoot(page, "stripe-syncing");
  // The end: every type listed to its last object.
  await expect(page.getByTestId("sync-state")).toHaveText("Sync finished", { timeout: 90_000 });
  for (const name of ["Customers", "Products", "Prices", "Subscriptions", "Invoices", "Invoice items"]) {
    await expect(page.getByRole("progressbar", { name })).toHaveAttribute("aria-valuenow", "100");
  }
  const runs = page.getByRole("table", { name: "Sync runs" });
  await expect(runs.getByText("succeeded")).toBeVisible();
  await expect(runs.getByText(/Customers 120/)).toBeVisible();
  await noSeriousAxeViolations(page, "/stripe");
  await shoot(page, "stripe-synced");
});

test("a failed webhook event is retried from the log and applied once", async ({ page }) => {
  await signIn(page, OWNER);
  const first = stripe.store.list("customer").at(0);
  if (!first) throw new Error("the account has no customer");
  const customer = { ...first, name: "Renamed By Webhook" };
  const event = {
    id: "evt_e2e_retry",
    object: "event",
    type: "customer.updated",
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    api_version: "2025-01-27.acacia",
    data: { object: customer },
  };
  // Stored, then failed for good by a cause of ours (simulated: the worker gave up on it).
  const file = path.join(dataDir, "app.db");
  const db = openSqlite(file);
  try {
    db.prepare(
      `INSERT INTO WebhookEvent (stripeEventId, type, objectId, eventCreated, payload, receivedAt, status, attempts, error)
       VALUES (?, ?, ?, ?, ?, ?, 'failed', 5, 'SQLITE_FULL: database or disk is full')`,
    ).run(event.id, event.type, customer.id, event.created * 1000, JSON.stringify(event), Date.now());
  } finally {
    db.close();
  }
  await page.goto(`${app.url}/stripe?status=failed#webhooks`);
  const log = page.getByRole("table", { name: "Webhook events" });
  await expect(log.getByText("evt_e2e_retry")).toBeVisible();
  await expect(log.getByText("SQLITE_FULL: database or disk is full")).toBeVisible();
  await shoot(page, "stripe-webhook-failed");
  await log.getByRole("button", { name: "Retry evt_e2e_retry" }).click();
  await expect(page.getByText("1 event(s) sent back to be applied").first()).toBeVisible();
  await expect(page.getByText("No failed events")).toBeVisible({ timeout: 15_000 });
  await page.goto(`${app.url}/stripe?status=processed#webhooks`);
  await expect(page.getByRole("table", { name: "Webhook events" }).getByText("evt_e2e_retry")).toBeVisible();
  const check = openSqlite(file);
  try {
    expect(check.prepare("SELECT name FROM Client WHERE stripeId = ?").get(customer.id)).toEqual({
      name: "Renamed By Webhook",
    });
    expect(
      check
        .prepare("SELECT count(*) AS n FROM DedupEvent WHERE kind = 'event' AND externalId = ?")
        .get(event.id),
    ).toEqual({ n: 1 });
  } finally {
    check.close();
  }
  await shoot(page, "stripe-webhook-retried");
});

test("staff get no permission on the Stripe screen and its routes", async ({ page }) => {
  await signIn(page, STAFF);
  const response = await page.goto(`${app.url}/stripe`);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "No permission" })).toBeVisible();
  const api = await page.request.get(`${app.url}/api/owner/webhooks`);
  expect(api.status()).toBe(403);
  expect(api.headers()["content-type"]).toContain("application/problem+json");
});
