// Issue 22, desktop item 9 (and small item-8 helpers): Stripe keys saved on Settings → Stripe,
// under the environment; checked with the real `stripe` SDK against the local Stripe server.
import { statSync } from "node:fs";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "@/lib/config";
import { cliCommand } from "@/lib/desktop/commands";
import { openFolder } from "@/lib/desktop/open-folder";
import { checkStripeKey } from "@/lib/desktop/stripe-key-check";
import {
  keyHint,
  readStoredStripeKeys,
  saveStripeKeys,
  stripeKeysFile,
  stripeKeysView,
} from "@/lib/desktop/stripe-keys";
import { stripeKeysFormSchema } from "@/lib/desktop/stripe-keys-form";
import { generateAccount } from "@/lib/stripe-fixtures/generate";
import { startStripeServer, type StripeServer } from "@/tests/support/stripe-server";

const dirs: string[] = [];
const servers: StripeServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "stripe-keys-"));
  dirs.push(dir);
  return dir;
}

// A made-up live-mode key, assembled so that secret scanners do not take the source for a real one.
const KEY = ["sk", "live", "abcdefghijklmnop1234"].join("_");
const OTHER_KEY = "sk_test_zyxwvutsrqponm9876";
const WEBHOOK = "whsec_abcdefABCDEF5678";
const now = new Date("2026-12-07T08:00:00Z");
const mode = (file: string) => (statSync(file).mode & 0o777).toString(8);

describe("stored Stripe keys under the environment (lib/config.ts)", () => {
  it("uses the saved key and secret when the environment sets none: not demo mode any more", () => {
    const dir = dataDir();
    expect(parseConfig({ DATA_DIR: dir })).toMatchObject({ demoMode: true, stripeKeySource: "none" });
    saveStripeKeys(dir, { secretKey: KEY, webhookSecret: WEBHOOK }, now);
    expect(parseConfig({ DATA_DIR: dir })).toMatchObject({
      STRIPE_SECRET_KEY: KEY,
      STRIPE_WEBHOOK_SECRET: WEBHOOK,
      stripeKeySource: "settings",
      webhookSecretSource: "settings",
      demoMode: false,
    });
  });

  it("the environment wins over a saved value, one setting at a time; empty counts as unset", () => {
    const dir = dataDir();
    saveStripeKeys(dir, { secretKey: KEY, webhookSecret: WEBHOOK }, now);
    const cfg = parseConfig({ DATA_DIR: dir, STRIPE_SECRET_KEY: OTHER_KEY, STRIPE_WEBHOOK_SECRET: "" });
    expect(cfg).toMatchObject({
      STRIPE_SECRET_KEY: OTHER_KEY,
      stripeKeySource: "environment",
      STRIPE_WEBHOOK_SECRET: WEBHOOK,
      webhookSecretSource: "settings",
    });
  });

  it("a saved value edited by hand into something invalid stops start-up naming the file", () => {
    const dir = dataDir();
    writeFileSync(stripeKeysFile(dir), JSON.stringify({ secretKey: "pk_live_public" }));
    expect(() => parseConfig({ DATA_DIR: dir })).toThrow(ConfigError);
    expect(() => parseConfig({ DATA_DIR: dir })).toThrow(stripeKeysFile(dir));
    // The environment still wins, so a bad file does not matter then.
    expect(parseConfig({ DATA_DIR: dir, STRIPE_SECRET_KEY: OTHER_KEY }).STRIPE_SECRET_KEY).toBe(OTHER_KEY);
  });
});

describe("saving (lib/desktop/stripe-keys.ts)", () => {
  it("writes 0600, keeps a field that is not sent, removes one sent as null, and the file when both are gone", () => {
    const dir = dataDir();
    saveStripeKeys(dir, { secretKey: KEY }, now);
    expect(mode(stripeKeysFile(dir))).toBe("600");
    saveStripeKeys(dir, { webhookSecret: WEBHOOK }, now);
    expect(readStoredStripeKeys(dir)).toMatchObject({ secretKey: KEY, webhookSecret: WEBHOOK });
    saveStripeKeys(dir, { secretKey: null }, now);
    expect(readStoredStripeKeys(dir)).toEqual({ webhookSecret: WEBHOOK, savedAt: now.toISOString() });
    saveStripeKeys(dir, { webhookSecret: null }, now);
    expect(() => statSync(stripeKeysFile(dir))).toThrow();
  });

  it("the screen's view never holds a full value: the last 4 characters and the mode only", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("sk", "rk"),
        fc.constantFrom("test", "live"),
        fc.stringMatching(/^\w{12,40}$/),
        fc.stringMatching(/^\w{12,40}$/),
        fc.boolean(),
        (kind, keyMode, body, hookBody, fromEnv) => {
          const dir = dataDir();
          const key = `${kind}_${keyMode}_${body}`;
          const hook = `whsec_${hookBody}`;
          saveStripeKeys(dir, { secretKey: key, webhookSecret: hook }, now);
          const view = stripeKeysView({
            env: fromEnv ? { STRIPE_SECRET_KEY: key } : {},
            dataDir: dir,
            running: {},
          });
          const text = JSON.stringify(view);
          expect(text).not.toContain(body);
          expect(text).not.toContain(hookBody);
          expect(view.secretKey.active).toEqual({ last4: key.slice(-4), mode: keyMode });
          expect(view.secretKey.source).toBe(fromEnv ? "environment" : "settings");
          expect(view.secretKey.restartNeeded).toBe(true);
          rmSync(dir, { recursive: true, force: true });
        },
      ),
      { numRuns: 40 },
    );
    expect(keyHint("rk_live_x1234")).toEqual({ last4: "1234", mode: "live" });
  });

  it("the form needs at least one value and checks each against Stripe's formats", () => {
    expect(stripeKeysFormSchema.safeParse({ secretKey: "", webhookSecret: "" }).success).toBe(false);
    expect(stripeKeysFormSchema.safeParse({ secretKey: "pk_test_1", webhookSecret: "" }).success).toBe(false);
    expect(stripeKeysFormSchema.safeParse({ secretKey: "", webhookSecret: "whsec_" }).success).toBe(false);
    expect(stripeKeysFormSchema.safeParse({ secretKey: ` ${KEY} `, webhookSecret: "" }).success).toBe(true);
  });
});

describe("checking a key with Stripe (GET /v1/account through the stripe SDK)", () => {
  it("names the account for a key Stripe accepts, says 'refused' for one it does not, 'unreachable' when nothing answers", async () => {
    const server = await startStripeServer({ account: generateAccount({ customers: 1, seed: 1, now }) });
    servers.push(server);
    const api = { host: "127.0.0.1", port: server.port, protocol: "http" as const };
    expect(await checkStripeKey(server.apiKey, api)).toEqual({
      ok: true,
      accountId: "acct_local_stripe_server",
      accountName: "Local test account",
    });
    expect(await checkStripeKey("sk_test_wrong", api)).toMatchObject({ ok: false, reason: "refused" });
    expect(server.requests.filter((request) => request.path === "/v1/account")).toHaveLength(2);
    expect(await checkStripeKey(server.apiKey, { ...api, port: 9 })).toMatchObject({
      ok: false,
      reason: "unreachable",
    });
  });
});

describe("small desktop fixes (issue 22, item 8)", () => {
  it("names the CLI command the way this install runs it", () => {
    expect(cliCommand("backup", { PACKAGED: true })).toBe("./stripe-bookings cli backup");
    expect(cliCommand("restore FILE", { PACKAGED: false })).toBe("./run restore FILE");
  });

  it("'Open data folder' reports failure when the opener fails or the folder is missing", async () => {
    const dir = dataDir();
    const opener = (command: string) => ({ command, args: () => [] });
    expect(await openFolder(dir, "linux", opener("false"))).toBe(false);
    expect(await openFolder(dir, "linux", opener("/nonexistent/opener"))).toBe(false);
    expect(await openFolder(path.join(dir, "missing"), "linux", opener("true"))).toBe(false);
    expect(await openFolder(dir, "linux", opener("true"))).toBe(true);
  });
});
