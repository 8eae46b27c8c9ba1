// The Stripe SDK client, configured once from settings. STRIPE_API_* point it at any
// Stripe-compatible server (the local test server in tests and benchmarks).
import Stripe from "stripe";
import type { Config } from "@/lib/config";

export interface StripeClientOptions {
  apiKey: string;
  host?: string;
  port?: number;
  protocol?: "http" | "https";
  maxNetworkRetries?: number;
  timeoutMs?: number;
}

/** The SDK's settings for `options`: plain data, so the sync's fetch thread builds the same client. */
export function stripeConfig(options: StripeClientOptions): Stripe.StripeConfig {
  return {
    ...(options.host ? { host: options.host } : {}),
    ...(options.port ? { port: options.port } : {}),
    ...(options.protocol ? { protocol: options.protocol } : {}),
    // The SDK retries 429, 5xx and network errors with its own exponential backoff (it does not
    // read Retry-After). A body cut off mid-response is retried per page by lib/stripe/sync.ts.
    maxNetworkRetries: options.maxNetworkRetries ?? 4,
    timeout: options.timeoutMs ?? 30_000,
    telemetry: false,
    appInfo: { name: "stripe-bookings" },
  };
}

export function createStripe(options: StripeClientOptions): Stripe {
  return new Stripe(options.apiKey, stripeConfig(options));
}

/** The configured client, or null in demo mode (no key). */
export function stripeFromConfig(cfg: Config): Stripe | null {
  const options = stripeOptionsFromConfig(cfg);
  return options ? createStripe(options) : null;
}

/** The configured client's settings, or null in demo mode (no key). */
export function stripeOptionsFromConfig(cfg: Config): StripeClientOptions | null {
  if (!cfg.STRIPE_SECRET_KEY) return null;
  return {
    apiKey: cfg.STRIPE_SECRET_KEY,
    host: cfg.STRIPE_API_HOST,
    port: cfg.STRIPE_API_PORT,
    protocol: cfg.STRIPE_API_PROTOCOL,
  };
}
