// Whether Stripe could be reached, kept in <data>/stripe-status.json so the home screen (another
// module, maybe another process) can say since when the app is offline. Connection state is not
// business data: it lives beside the database, not in it, and a lost file only forgets a time.
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const statusSchema = z.object({
  /** ISO time of the first failed check of the current offline period; null when online. */
  offlineSince: z.string().nullable(),
  /** ISO time of the last successful catch-up. */
  lastCaughtUpAt: z.string().nullable(),
});
export type ConnectivityStatus = z.infer<typeof statusSchema>;

export const ONLINE: ConnectivityStatus = { offlineSince: null, lastCaughtUpAt: null };

export const statusFile = (dataDir: string) => path.join(dataDir, "stripe-status.json");

export function readConnectivity(dataDir: string): ConnectivityStatus {
  try {
    const parsed = statusSchema.safeParse(JSON.parse(readFileSync(statusFile(dataDir), "utf8")));
    return parsed.success ? parsed.data : ONLINE;
  } catch {
    return ONLINE;
  }
}

export function writeConnectivity(dataDir: string, status: ConnectivityStatus): void {
  const file = statusFile(dataDir);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(status)}\n`);
  renameSync(`${file}.tmp`, file);
}

/** Whether anything answers at Stripe's API address (any HTTP status counts: the network is up). */
export async function stripeReachable(base: string, timeoutMs = 5000): Promise<boolean> {
  try {
    const response = await fetch(new URL("/v1/", base), { signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return true;
  } catch {
    return false;
  }
}

/** The API base URL the Stripe client uses (STRIPE_API_* settings, else api.stripe.com). */
export function stripeApiBase(cfg: {
  STRIPE_API_HOST?: string;
  STRIPE_API_PORT?: number;
  STRIPE_API_PROTOCOL?: string;
}): string {
  const protocol = cfg.STRIPE_API_PROTOCOL ?? "https";
  const host = cfg.STRIPE_API_HOST ?? "api.stripe.com";
  return `${protocol}://${host}${cfg.STRIPE_API_PORT ? `:${cfg.STRIPE_API_PORT}` : ""}`;
}
