// One answer to "is Stripe connected?" for the Stripe screen, its JSON route and the home screen.
import type { Config } from "@/lib/config";
import type { Db } from "@/lib/db/prisma";
import { readConnectivity } from "@/lib/desktop/connectivity";
import { stripeFromConfig } from "@/lib/stripe/client";
import {
  cachedAccountCheck,
  keyInfo,
  lastAccountCheck,
  webhookActivity,
  type AccountCheck,
  type KeyInfo,
  type WebhookActivity,
} from "@/lib/stripe/monitor";

export type ConnectionState = "not-configured" | "checking" | "connected" | "key-refused" | "offline";

export interface ConnectionSummary {
  state: ConnectionState;
  /** Offline: since when (epoch ms) Stripe could not be reached. */
  since: number | null;
  /** Account name when Stripe told it. */
  accountName: string | null;
  mode: KeyInfo["mode"];
}

/** Pure: the state shown, from the key, the last account check and the catch-up's offline time. */
export function summarizeConnection(input: {
  key: KeyInfo;
  check: AccountCheck | null;
  offlineSince: number | null;
}): ConnectionSummary {
  const { key, check, offlineSince } = input;
  const base = { mode: key.mode, accountName: check?.state === "connected" ? check.name : null };
  if (!key.present) return { ...base, state: "not-configured", since: null };
  const unreachableSince = check?.state === "unreachable" ? check.since : null;
  const since = [offlineSince, unreachableSince].filter((t): t is number => t !== null);
  if (since.length) return { ...base, state: "offline", since: Math.min(...since) };
  if (check?.state === "key-refused") return { ...base, state: "key-refused", since: null };
  if (!check) return { ...base, state: "checking", since: null };
  return { ...base, state: "connected", since: null };
}

export interface StripeStatus {
  key: KeyInfo;
  account: AccountCheck | null;
  webhookSecretSet: boolean;
  webhooks: WebhookActivity;
  summary: ConnectionSummary;
}

/** A fingerprint of the key for the account cache (never the key itself). */
const keyId = (key: string | undefined) => (key ? `${key.slice(0, 8)}…${key.slice(-4)}:${key.length}` : "");

function offlineSince(cfg: Config): number | null {
  const since = readConnectivity(cfg.dataDir).offlineSince;
  return since ? Date.parse(since) : null;
}

/**
 * The Stripe screen's status. `ask` waits for Stripe's answer about the account (cached 5 min);
 * without it only the last known answer is used, so a screen never waits on the network.
 */
export async function stripeStatus(
  db: Db,
  cfg: Config,
  now: Date,
  options: { ask?: boolean; force?: boolean } = {},
): Promise<StripeStatus> {
  const key = keyInfo(cfg.STRIPE_SECRET_KEY);
  const stripe = stripeFromConfig(cfg);
  const id = keyId(cfg.STRIPE_SECRET_KEY);
  const account =
    stripe && options.ask
      ? await cachedAccountCheck(stripe, id, now, { force: options.force })
      : lastAccountCheck(id);
  return {
    key,
    account,
    webhookSecretSet: Boolean(cfg.STRIPE_WEBHOOK_SECRET),
    webhooks: await webhookActivity(db),
    summary: summarizeConnection({ key, check: account, offlineSince: offlineSince(cfg) }),
  };
}

/**
 * The home screen's line: never waits for Stripe or the database. A stale or missing account
 * check is started in the background, so the next visit knows the account.
 */
export function connectionAtAGlance(cfg: Config, now: Date): ConnectionSummary {
  const key = keyInfo(cfg.STRIPE_SECRET_KEY);
  const id = keyId(cfg.STRIPE_SECRET_KEY);
  const stripe = stripeFromConfig(cfg);
  if (stripe) void cachedAccountCheck(stripe, id, now);
  return summarizeConnection({ key, check: lastAccountCheck(id), offlineSince: offlineSince(cfg) });
}
