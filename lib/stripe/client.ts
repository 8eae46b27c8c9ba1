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

export function createStripe(options: StripeClientOptions): Stripe {
  return new Stripe(options.apiKey, {
    ...(options.host ? { host: options.host } : {}),
    ...(options.port ? { port: options.port } : {}),
    ...(options.protocol ? { protocol: options.protocol } : {}),
    // The SDK retries 429, 5xx and network errors with its own exponential backoff (it does not
    // read Retry-After). A body cut off mid-response is retried per page by lib/stripe/sync.ts.
    maxNetworkRetries: options.maxNetworkRetries ?? 4,
    timeout: options.timeoutMs ?? 30_000,
    telemetry: false,
    appInfo: { name: "stripe-bookings" },
  });
}

/** The configured client, or null in demo mode (no key). */
export function stripeFromConfig(cfg: Config): Stripe | null {
  if (!cfg.STRIPE_SECRET_KEY) return null;
  return createStripe({
    apiKey: cfg.STRIPE_SECRET_KEY,
    host: cfg.STRIPE_API_HOST,
    port: cfg.STRIPE_API_PORT,
    protocol: cfg.STRIPE_API_PROTOCOL,
  });
}
