// The Stripe secret key and webhook signing secret, set on Settings → Stripe (issue 22): a
// packaged app has no `.env`, so these are where its owner puts them. They are kept in
// <data>/stripe-keys.json (0600: this OS user only), never sent back in full (the screen shows
// the last 4 characters and the mode), and sit under the environment: lib/config.ts uses a
// stored value only for a setting the environment (or `.env`) leaves unset. A key is checked
// with Stripe (GET /v1/account, lib/desktop/stripe-key-check.ts) before it is stored. No SDK here:
// lib/config.ts (and so the launcher) reads this file.
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
export { secretKeyValue, webhookSecretValue } from "@/lib/desktop/stripe-keys-form";

const storedSchema = z.object({
  secretKey: z.string().optional(),
  webhookSecret: z.string().optional(),
  savedAt: z.string().optional(),
});
export type StoredStripeKeys = z.infer<typeof storedSchema>;

export const stripeKeysFile = (dataDir: string) => path.join(dataDir, "stripe-keys.json");

/** What is stored; nothing when the file is missing or unreadable. */
export function readStoredStripeKeys(dataDir: string): StoredStripeKeys {
  try {
    const parsed = storedSchema.safeParse(JSON.parse(readFileSync(stripeKeysFile(dataDir), "utf8")));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** Each field: a value stores it, null removes it, absent leaves it. Written whole, 0600, or not at all. */
export interface StripeKeysUpdate {
  secretKey?: string | null;
  webhookSecret?: string | null;
}

export function saveStripeKeys(dataDir: string, update: StripeKeysUpdate, now: Date): StoredStripeKeys {
  const current = readStoredStripeKeys(dataDir);
  const next: StoredStripeKeys = { ...current, savedAt: now.toISOString() };
  for (const key of ["secretKey", "webhookSecret"] as const) {
    if (update[key] === null) delete next[key];
    else if (update[key] !== undefined) next[key] = update[key];
  }
  const file = stripeKeysFile(dataDir);
  if (next.secretKey === undefined && next.webhookSecret === undefined) {
    rmSync(file, { force: true });
    return {};
  }
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, `${JSON.stringify(next)}\n`, { mode: 0o600 });
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  return next;
}

export interface KeyHint {
  /** The last 4 characters: enough to recognise a key, useless to anyone else. */
  last4: string;
  mode: "test" | "live";
}

export function keyHint(value: string): KeyHint {
  return { last4: value.slice(-4), mode: /^(sk|rk)_live_/.test(value) ? "live" : "test" };
}

export type KeySource = "environment" | "settings" | "none";

/** One setting as the screen shows it: which value is in use and where it comes from. */
export interface KeyState {
  source: KeySource;
  /** The value in use (environment or stored), hinted. */
  active: KeyHint | null;
  /** The stored value, hinted, even when the environment overrides it. */
  stored: KeyHint | null;
}

export function keyState(environment: string | undefined, stored: string | undefined): KeyState {
  const env = environment?.trim() ? environment.trim() : undefined;
  const active = env ?? stored;
  return {
    source: env !== undefined ? "environment" : stored !== undefined ? "settings" : "none",
    active: active !== undefined ? keyHint(active) : null,
    stored: stored !== undefined ? keyHint(stored) : null,
  };
}

export interface KeyView extends KeyState {
  /** What the running server uses differs from what a start now would use: restart to apply. */
  restartNeeded: boolean;
}

export interface StripeKeysView {
  secretKey: KeyView;
  webhookSecret: KeyView;
  savedAt: string | null;
}

const blankAsUndefined = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

/**
 * The Settings → Stripe screen's data: hints only, never a full value. `env` is the process
 * environment (with `.env` loaded); `running` what this server started with (lib/config.ts).
 */
export function stripeKeysView(input: {
  env: Record<string, string | undefined>;
  dataDir: string;
  running: { secretKey?: string; webhookSecret?: string };
}): StripeKeysView {
  const stored = readStoredStripeKeys(input.dataDir);
  const view = (environment: string | undefined, saved: string | undefined, running: string | undefined) => {
    const state = keyState(blankAsUndefined(environment), saved);
    return { ...state, restartNeeded: (blankAsUndefined(environment) ?? saved) !== running };
  };
  return {
    secretKey: view(input.env.STRIPE_SECRET_KEY, stored.secretKey, input.running.secretKey),
    webhookSecret: view(input.env.STRIPE_WEBHOOK_SECRET, stored.webhookSecret, input.running.webhookSecret),
    savedAt: stored.savedAt ?? null,
  };
}
