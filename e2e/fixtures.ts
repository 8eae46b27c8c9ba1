// Shared e2e helpers: the accounts every spec signs in with, the CLI on the e2e data directory,
// and `test`, which starts each test signed in as the owner (`request` included). The owner itself is created by
// first-run.spec.ts through the first-run form (the "first-run" project runs before the rest).
import { execFileSync } from "node:child_process";
import { test as base, expect, type Page } from "@playwright/test";

export const OWNER = { email: "owner@example.com", password: "e2e owner password" };
export const STAFF = { email: "walker@example.com", password: "e2e walker password" };

/** `./run <args>` on the e2e server's data directory; `input` goes to stdin. */
export function cli(args: string[], input?: string): string {
  return execFileSync(
    process.execPath,
    ["--experimental-wasm-modules", "--no-warnings", "--import", "tsx", "cli/index.ts", ...args],
    {
      env: {
        ...process.env,
        DATA_DIR: process.env.E2E_DATA_DIR,
        PUBLIC_URL: `http://127.0.0.1:${process.env.E2E_PORT}`,
        STRIPE_SECRET_KEY: "",
        LOG_LEVEL: "silent",
      },
      input,
      encoding: "utf8",
    },
  );
}

/** Creates the staff account (linked to the demo walker #1) unless it exists. */
export function ensureStaffAccount(): void {
  if (cli(["user:list"]).includes(STAFF.email)) return;
  cli(
    ["user:create", "--email", STAFF.email, "--role", "staff", "--staff-id", "1", "--password-stdin"],
    STAFF.password,
  );
}

/** Signs the page's browser context in (the session cookie lands in the context). */
export async function signInAs(page: Page, account: { email: string; password: string }): Promise<void> {
  const response = await page.request.post("/api/auth/sign-in/email", {
    data: { email: account.email, password: account.password },
    headers: { origin: `http://127.0.0.1:${process.env.E2E_PORT}` },
  });
  expect(response.status(), await response.text()).toBe(200);
}

export const test = base.extend<{ signedIn: void }>({
  signedIn: [
    async ({ page }, provide) => {
      await signInAs(page, OWNER);
      await provide();
    },
    { auto: true },
  ],
  // API calls in specs share the signed-in browser context's cookies.
  request: async ({ page }, provide) => {
    await provide(page.request);
  },
});

export { expect };
