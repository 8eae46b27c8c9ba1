// Issue 22, desktop items 6, 7 and 9 over HTTP against the built server (server/serve.ts →
// .next/standalone): Settings → Stripe keys (checked with the local Stripe-compatible server,
// stored 0600, never returned in full, the environment winning), the live status route behind
// the offline banner, and a server started by a launcher that is killed stops by itself.
import { spawn } from "node:child_process";
import { existsSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { writeConnectivity } from "@/lib/desktop/connectivity";
import { readStoredStripeKeys, stripeKeysFile } from "@/lib/desktop/stripe-keys";
import { generateAccount } from "@/lib/stripe-fixtures/generate";
import { startAppServer, standaloneBuilt, type AppServer } from "@/tests/support/faults/app-server";
import { preparedDataDir, removeDataDirs, type DataDir } from "@/tests/support/faults/data-dir";
import { killAll, withTimeout } from "@/tests/support/faults/processes";
import { createAccount, createToken, onDatabase, rawRequest, signIn } from "@/tests/support/http-auth";
import { startStripeServer, type StripeServer } from "@/tests/support/stripe-server";

const OTHER_KEY = "sk_test_fromtheenvironment1234";
const WEBHOOK = "whsec_savedonthescreen9876";
// The server must start in demo mode: no key or webhook secret in its environment.
const NO_KEYS = { STRIPE_SECRET_KEY: "", STRIPE_WEBHOOK_SECRET: "" };

let dataDir: DataDir;
let stripe: StripeServer;
let server: AppServer;
let owner: string;
let staff: string;

type Json = Record<string, unknown>;
const call = async (method: string, url: string, cookie: string, body?: unknown) => {
  const response = await rawRequest(url, {
    method,
    headers: {
      cookie,
      origin: new URL(url).origin,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = () => {
    try {
      return JSON.parse(response.body) as Json;
    } catch {
      return {} as Json;
    }
  };
  return { ...response, json: json() };
};

describe.skipIf(!standaloneBuilt())("Settings → Stripe keys over HTTP", () => {
  beforeAll(async () => {
    stripe = await startStripeServer({
      account: generateAccount({ customers: 2, seed: 7, now: new Date() }),
    });
    dataDir = preparedDataDir();
    const staffId = await onDatabase(
      dataDir.file,
      async (db) => (await db.staff.create({ data: { name: "Alex" } })).id,
    );
    await createAccount(dataDir.file, { email: "owner@example.com", role: "owner" });
    await createAccount(dataDir.file, { email: "walker@example.com", role: "staff", staffId });
    server = await startAppServer(dataDir.dir, { stripePort: stripe.port, env: NO_KEYS });
    owner = (await signIn(server.url, "owner@example.com")).cookie;
    staff = (await signIn(server.url, "walker@example.com")).cookie;
  }, 120_000);
  afterAll(async () => {
    await killAll();
    await stripe?.close();
    removeDataDirs();
  });

  const keys = () => `${server.url}/api/owner/stripe-keys`;

  it("starts empty; staff and tokens are refused", async () => {
    const empty = await call("GET", keys(), owner);
    expect(empty.status).toBe(200);
    expect(empty.json).toMatchObject({
      secretKey: { source: "none", active: null, stored: null, restartNeeded: false },
      webhookSecret: { source: "none", active: null },
    });
    expect((await call("GET", keys(), staff)).status).toBe(403);
    expect((await call("PUT", keys(), staff, { webhookSecret: WEBHOOK })).status).toBe(403);
    const { token } = await createToken(dataDir.file, "write");
    const byToken = await rawRequest(keys(), { headers: { authorization: `Bearer ${token}` } });
    // A token is not an owner session: refused (the policy helper decides 401 or 403).
    expect([401, 403]).toContain(byToken.status);
  });

  it("refuses bad input with problem JSON and stores nothing", async () => {
    for (const body of [{}, { secretKey: "pk_test_public" }, { webhookSecret: "nope" }, { extra: 1 }]) {
      const response = await call("PUT", keys(), owner, body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(response.headers["content-type"]).toContain("application/problem+json");
    }
    const refused = await call("PUT", keys(), owner, {
      secretKey: "sk_test_notthekey",
      webhookSecret: WEBHOOK,
    });
    expect(refused.status).toBe(422);
    expect(refused.json.errors).toEqual([{ path: "secretKey", message: expect.stringContaining("refused") }]);
    expect(existsSync(stripeKeysFile(dataDir.dir))).toBe(false);
  });

  it("saves a key Stripe accepts (0600), shows only its last 4 characters and mode, and applies it at the next start", async () => {
    const before = stripe.requests.filter((request) => request.path === "/v1/account").length;
    const saved = await call("PUT", keys(), owner, { secretKey: stripe.apiKey, webhookSecret: WEBHOOK });
    expect(saved.status, saved.body).toBe(200);
    expect(stripe.requests.filter((request) => request.path === "/v1/account")).toHaveLength(before + 1);
    expect(saved.body).not.toContain(stripe.apiKey);
    expect(saved.body).not.toContain(WEBHOOK);
    expect(saved.json).toMatchObject({
      secretKey: {
        source: "settings",
        active: { last4: stripe.apiKey.slice(-4), mode: "test" },
        restartNeeded: true,
      },
      webhookSecret: { source: "settings", active: { last4: WEBHOOK.slice(-4) }, restartNeeded: true },
    });
    expect(statSync(stripeKeysFile(dataDir.dir)).mode & 0o777).toBe(0o600);
    expect(readStoredStripeKeys(dataDir.dir)).toMatchObject({
      secretKey: stripe.apiKey,
      webhookSecret: WEBHOOK,
    });
    const page = await call("GET", `${server.url}/settings/stripe`, owner);
    expect(page.status).toBe(200);
    expect(page.body).not.toContain(stripe.apiKey);
    expect(page.body).toContain(`…${stripe.apiKey.slice(-4)}`);

    // Restarted with nothing in the environment: the saved key is used (no demo mode).
    await killAll();
    server = await startAppServer(dataDir.dir, { stripePort: stripe.port, env: NO_KEYS });
    owner = (await signIn(server.url, "owner@example.com")).cookie;
    const health = await call("GET", `${server.url}/api/health`, owner);
    expect(health.json.demoMode).toBe(false);
    expect((await call("GET", keys(), owner)).json).toMatchObject({
      secretKey: { source: "settings", restartNeeded: false },
    });
  }, 120_000);

  it("the environment wins over the saved key, and the screen says so", async () => {
    await killAll();
    server = await startAppServer(dataDir.dir, {
      stripePort: stripe.port,
      env: { STRIPE_SECRET_KEY: OTHER_KEY, STRIPE_WEBHOOK_SECRET: "" },
    });
    owner = (await signIn(server.url, "owner@example.com")).cookie;
    const view = await call("GET", keys(), owner);
    expect(view.json).toMatchObject({
      secretKey: {
        source: "environment",
        active: { last4: OTHER_KEY.slice(-4) },
        stored: { last4: stripe.apiKey.slice(-4) },
        restartNeeded: false,
      },
      webhookSecret: { source: "settings" },
    });
    const page = await call("GET", `${server.url}/settings/stripe`, owner);
    expect(page.body).toContain("is set in the environment (or .env) and wins over anything saved here");
  }, 120_000);

  it("the status route behind the home screen's banner follows the offline file as it changes", async () => {
    const status = () => call("GET", `${server.url}/api/desktop/status`, staff);
    expect((await status()).json).toEqual({ offlineSince: null, connection: null });
    const since = "2026-12-07T07:00:00.000Z";
    writeConnectivity(dataDir.dir, { offlineSince: since, lastCaughtUpAt: null });
    expect((await status()).json.offlineSince).toBe(since);
    const ownerView = await call("GET", `${server.url}/api/desktop/status`, owner);
    expect(ownerView.json.connection).toMatchObject({ state: "offline" });
    rmSync(path.join(dataDir.dir, "stripe-status.json"));
    expect((await status()).json.offlineSince).toBeNull();
    expect((await rawRequest(`${server.url}/api/desktop/status`)).status).toBe(401);
  });
});

describe.skipIf(!standaloneBuilt())("the server started by a launcher (issue 22, item 6)", () => {
  afterEach(async () => {
    await killAll();
    removeDataDirs();
  });

  it("stops by itself when its launcher is killed", async () => {
    const launcher = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
    const data = preparedDataDir();
    const running = await startAppServer(data.dir, { env: { BOOKINGS_PARENT_PID: String(launcher.pid) } });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(running.child.exit).toBeNull();
    launcher.kill("SIGKILL");
    const exit = await withTimeout(
      running.child.exited,
      20_000,
      "the server to stop after its launcher died",
    );
    expect(exit.signal === "SIGTERM" || exit.code !== null).toBe(true);
    expect(running.child.stderr() + running.child.stdout()).toContain("the desktop launcher is gone");
  }, 120_000);
});
