// What every sync test sets up: the local Stripe server for an account, a fresh database with the
// default rules, and an SDK client pointed at the server; all closed after each test.
import { afterEach } from "vitest";
import { seedDefaultRules } from "@/lib/rules/defaults";
import { createStripe } from "@/lib/stripe/client";
import type { StripeAccount } from "@/lib/stripe-fixtures/generate";
import { freshDb, type TestDb } from "@/tests/support/db";
import {
  startStripeServer,
  type StripeServer,
  type StripeServerOptions,
} from "@/tests/support/stripe-server";

export function syncHarness(apiKey: string, now: Date) {
  const open: { close: () => unknown }[] = [];
  afterEach(async () => {
    for (const item of open.splice(0)) await item.close();
  });
  return {
    async serve(
      account: StripeAccount,
      options: Omit<StripeServerOptions, "account" | "apiKey"> = {},
    ): Promise<StripeServer> {
      const server = await startStripeServer({ account, apiKey, ...options });
      open.push(server);
      return server;
    },
    database(): TestDb {
      const db = freshDb();
      seedDefaultRules(db.db, now);
      open.push({ close: db.cleanup });
      return db;
    },
    /** Closes `item` after the test too. */
    track(item: { close: () => unknown }): void {
      open.push(item);
    },
    /** The real SDK against the local server; `retries` 0 makes an injected fault fail at once. */
    stripeFor: (server: StripeServer, retries = 0) =>
      createStripe({
        apiKey,
        host: "127.0.0.1",
        port: server.port,
        protocol: "http",
        maxNetworkRetries: retries,
      }),
  };
}
