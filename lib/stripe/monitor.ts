// The Stripe connection as the owner's Stripe screen and the home screen show it: is a key set
// and in which mode, which account it opens (asked of Stripe, cached), is the webhook secret
// set, when the last event arrived, and since when Stripe cannot be reached.
import type Stripe from "stripe";
import type { Db } from "@/lib/db/prisma";

export type KeyMode = "test" | "live";

export interface KeyInfo {
  present: boolean;
  mode: KeyMode | null;
  /** A restricted key (`rk_…`) rather than a secret key. */
  restricted: boolean;
}

/** What the key's prefix says (never the key itself). */
export function keyInfo(key: string | undefined): KeyInfo {
  const match = key ? /^(sk|rk)_(test|live)_/.exec(key) : null;
  return {
    present: Boolean(key),
    mode: match ? (match[2] as KeyMode) : null,
    restricted: match?.[1] === "rk",
  };
}

/** The answer to "which account does the key open?". */
export type AccountCheck =
  | { state: "connected"; accountId: string; name: string | null; checkedAt: number }
  /** Stripe answered but would not say (a restricted key without account access, an older server). */
  | { state: "connected-unnamed"; detail: string; checkedAt: number }
  | { state: "key-refused"; detail: string; checkedAt: number }
  | { state: "unreachable"; detail: string; checkedAt: number; since: number };

function accountName(account: Stripe.Account): string | null {
  return account.settings?.dashboard?.display_name ?? account.business_profile?.name ?? account.email ?? null;
}

function errorInfo(error: unknown): { type: string; status: number | null; message: string } {
  const e = error as { type?: unknown; statusCode?: unknown; message?: unknown };
  return {
    type: typeof e.type === "string" ? e.type : "",
    status: typeof e.statusCode === "number" ? e.statusCode : null,
    message: typeof e.message === "string" ? e.message : String(error),
  };
}

/** Asks Stripe which account the key opens (`GET /v1/account`); never throws. */
export async function checkAccount(
  stripe: Stripe,
  now: Date,
  previous: AccountCheck | null,
): Promise<AccountCheck> {
  const checkedAt = now.getTime();
  try {
    const account = await stripe.accounts.retrieveCurrent(undefined, { maxNetworkRetries: 0, timeout: 5000 });
    return { state: "connected", accountId: account.id, name: accountName(account), checkedAt };
  } catch (error) {
    const info = errorInfo(error);
    if (info.type === "StripeAuthenticationError" || info.status === 401)
      return { state: "key-refused", detail: info.message, checkedAt };
    if (info.status !== null && info.status < 500)
      return { state: "connected-unnamed", detail: info.message, checkedAt };
    // No answer (or Stripe's own outage): keep the time the trouble began.
    const since = previous?.state === "unreachable" ? previous.since : checkedAt;
    return { state: "unreachable", detail: info.message, checkedAt, since };
  }
}

const FRESH_MS = 5 * 60_000;
const RETRY_MS = 30_000;

interface AccountCache {
  key: string;
  check: AccountCheck | null;
  pending: Promise<AccountCheck> | null;
}
const cache = ((globalThis as { stripeAccountCache?: AccountCache }).stripeAccountCache ??= {
  key: "",
  check: null,
  pending: null,
});

/**
 * The account check, asked of Stripe at most every 5 minutes (30 s while it fails) per key;
 * concurrent callers share one request. `force` asks again now.
 */
export async function cachedAccountCheck(
  stripe: Stripe,
  keyId: string,
  now: Date,
  options: { force?: boolean } = {},
): Promise<AccountCheck> {
  if (cache.key !== keyId) Object.assign(cache, { key: keyId, check: null, pending: null });
  const last = cache.check;
  const age = last ? now.getTime() - last.checkedAt : Infinity;
  const fresh = last && age < (last.state === "unreachable" ? RETRY_MS : FRESH_MS);
  if (fresh && !options.force) return last;
  cache.pending ??= checkAccount(stripe, now, last).then((check) => {
    cache.check = check;
    cache.pending = null;
    return check;
  });
  return cache.pending;
}

/** The last known check without asking Stripe (for screens that must not wait on the network). */
export function lastAccountCheck(keyId: string): AccountCheck | null {
  return cache.key === keyId ? cache.check : null;
}

export interface WebhookActivity {
  /** When the newest stored event arrived (epoch ms), or null. */
  lastReceivedAt: number | null;
  lastType: string | null;
  counts: Record<string, number>;
}

/** When the last webhook arrived and how many events are in each state. */
export async function webhookActivity(db: Db): Promise<WebhookActivity> {
  const [last, groups] = await Promise.all([
    db.webhookEvent.findFirst({ orderBy: { receivedAt: "desc" }, select: { receivedAt: true, type: true } }),
    db.webhookEvent.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  return {
    lastReceivedAt: last?.receivedAt.getTime() ?? null,
    lastType: last?.type ?? null,
    counts: Object.fromEntries(groups.map((g) => [g.status, g._count._all])),
  };
}
