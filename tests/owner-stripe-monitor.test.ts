// The Stripe screen's status: key mode, the account check against the local Stripe server
// (answered, refused key, unreachable since …), the summary the home screen shows, and a
// running sync's progress per object type read from its SyncRun row.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "@/lib/db/prisma";
import { generateAccount } from "@/lib/stripe-fixtures/generate";
import { createStripe } from "@/lib/stripe/client";
import { checkAccount, keyInfo } from "@/lib/stripe/monitor";
import { summarizeConnection } from "@/lib/stripe/monitor-status";
import { listSyncRuns, runningSyncProgress } from "@/lib/stripe/monitor-runs";
import { beginSyncRun, finishSyncRun, saveProgress } from "@/lib/stripe/sync-run";
import { freshDb } from "@/tests/support/db";
import { startStripeServer, type StripeServer } from "@/tests/support/stripe-server";

let server: StripeServer;
beforeAll(async () => {
  server = await startStripeServer({
    account: generateAccount({ customers: 2, now: new Date("2026-11-01T00:00:00Z") }),
  });
});
afterAll(async () => server?.close());

const client = (apiKey: string, port: number) =>
  createStripe({ apiKey, host: "127.0.0.1", port, protocol: "http", maxNetworkRetries: 0, timeoutMs: 2000 });

describe("Stripe connection", () => {
  it("reads the mode from the key prefix, never more", () => {
    expect(keyInfo("sk_test_abc")).toEqual({ present: true, mode: "test", restricted: false });
    expect(keyInfo("rk_live_abc")).toEqual({ present: true, mode: "live", restricted: true });
    expect(keyInfo(undefined)).toEqual({ present: false, mode: null, restricted: false });
  });

  it("tells an answering server, a refused key and an unreachable Stripe apart, keeping since when", async () => {
    const t0 = new Date("2026-12-01T10:00:00Z");
    expect(await checkAccount(client(server.apiKey, server.port), t0, null)).toMatchObject({
      state: "connected",
      accountId: "acct_local_stripe_server",
      name: "Local test account",
    });
    // A restricted key without account access: Stripe answered (403) but did not name the account.
    const restricted = http.createServer((_request, response) => {
      response.writeHead(403, { "content-type": "application/json" });
      response.end(JSON.stringify({ error: { type: "invalid_request_error", message: "No access." } }));
    });
    await new Promise<void>((resolve) => restricted.listen(0, "127.0.0.1", resolve));
    try {
      const port = (restricted.address() as AddressInfo).port;
      expect(await checkAccount(client("rk_test_restricted", port), t0, null)).toMatchObject({
        state: "connected-unnamed",
      });
    } finally {
      restricted.close();
    }
    expect(await checkAccount(client("sk_test_wrong", server.port), t0, null)).toMatchObject({
      state: "key-refused",
    });
    const down = await checkAccount(client(server.apiKey, 9), t0, null);
    expect(down).toMatchObject({ state: "unreachable", since: t0.getTime() });
    const later = await checkAccount(client(server.apiKey, 9), new Date(t0.getTime() + 60_000), down);
    expect(later).toMatchObject({
      state: "unreachable",
      since: t0.getTime(),
      checkedAt: t0.getTime() + 60_000,
    });

    const key = keyInfo("sk_test_x");
    expect(summarizeConnection({ key, check: later, offlineSince: null })).toMatchObject({
      state: "offline",
      since: t0.getTime(),
    });
    // The catch-up noticed earlier: the earlier time wins.
    expect(summarizeConnection({ key, check: later, offlineSince: t0.getTime() - 5000 }).since).toBe(
      t0.getTime() - 5000,
    );
    expect(summarizeConnection({ key, check: null, offlineSince: null }).state).toBe("checking");
    expect(summarizeConnection({ key: keyInfo(undefined), check: null, offlineSince: null }).state).toBe(
      "not-configured",
    );
    expect(
      summarizeConnection({
        key,
        check: { state: "connected", accountId: "acct_1", name: "Paws", checkedAt: 0 },
        offlineSince: null,
      }),
    ).toEqual({ state: "connected", since: null, accountName: "Paws", mode: "test" });
  });
});

describe("sync runs", () => {
  it("shows a running sync's progress per type from its saved cursor, then the finished run's counts", async () => {
    const t = freshDb();
    const prisma = createPrisma(t.file);
    try {
      const now = new Date("2026-12-01T10:00:00Z");
      const run = beginSyncRun(t.db, { now, full: true });
      // Customers listed to the end; products half-way through a range with a known lower end.
      run.cursor.types.customer = { done: true };
      run.counts.customer = { fetched: 40, applied: 40, unchanged: 0, stale: 0, invalid: 1 };
      run.cursor.types.product = {
        done: false,
        ranges: [{ gte: 1000, newest: 3000, last: 2000, fetched: 10, hasMore: true }],
      };
      run.counts.product = { fetched: 10, applied: 10, unchanged: 0, stale: 0, invalid: 0 };
      saveProgress(t.db, run);
      const progress = await runningSyncProgress(prisma);
      const byKind = Object.fromEntries(progress?.types.map((p) => [p.kind, p]) ?? []);
      expect(byKind.customer).toMatchObject({ fetched: 40, done: true, percent: 100 });
      // 10 objects over 1000 s listed, 1000 s left at that density: about 10 left, half done.
      expect(byKind.product).toMatchObject({ fetched: 10, done: false, remaining: 10, percent: 50 });
      expect(byKind.invoice).toMatchObject({ fetched: 0, done: false });

      finishSyncRun(t.db, run.id, new Date(now.getTime() + 90_500));
      expect(await runningSyncProgress(prisma)).toBeNull();
      const [summary] = await listSyncRuns(prisma);
      expect(summary).toMatchObject({
        status: "succeeded",
        durationMs: 90_500,
        fetched: 50,
        applied: 50,
        invalid: 1,
      });
    } finally {
      await prisma.$disconnect();
      t.cleanup();
    }
  });
});
