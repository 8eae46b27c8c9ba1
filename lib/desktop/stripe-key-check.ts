// Checks a Stripe secret key before Settings → Stripe stores it: Stripe must say whose account
// it is (GET /v1/account). Separate from lib/desktop/stripe-keys.ts, which lib/config.ts reads
// without loading the SDK.
import Stripe from "stripe";
import { createStripe } from "@/lib/stripe/client";

export type KeyCheck =
  | { ok: true; accountId: string; accountName: string | null }
  | { ok: false; reason: "refused" | "unreachable"; message: string };

/** Asks Stripe who this key belongs to (GET /v1/account); no retries, a short timeout. */
export async function checkStripeKey(
  apiKey: string,
  api: { host?: string; port?: number; protocol?: "http" | "https" },
): Promise<KeyCheck> {
  const stripe = createStripe({ apiKey, ...api, maxNetworkRetries: 0, timeoutMs: 15_000 });
  try {
    const account = await stripe.accounts.retrieveCurrent();
    const name = account.settings?.dashboard?.display_name ?? account.business_profile?.name ?? null;
    return { ok: true, accountId: account.id, accountName: name };
  } catch (error) {
    if (error instanceof Stripe.errors.StripeAuthenticationError) {
      return { ok: false, reason: "refused", message: "Stripe refused this key (it is wrong or revoked)." };
    }
    if (error instanceof Stripe.errors.StripePermissionError) {
      return {
        ok: false,
        reason: "refused",
        message: "This restricted key may not read the account; give it read access in Stripe.",
      };
    }
    if (error instanceof Stripe.errors.StripeConnectionError) {
      return {
        ok: false,
        reason: "unreachable",
        message: "Stripe could not be reached; check the connection.",
      };
    }
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: "unreachable", message: `Stripe did not accept the check: ${message}` };
  }
}
