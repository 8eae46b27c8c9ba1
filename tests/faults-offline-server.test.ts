// The built server working offline: with Stripe unreachable it keeps serving the local data and
// the home screen says since when it is offline; when Stripe answers again the server catches up
// by itself within one probe interval and the notice goes.
import { afterEach, describe, expect, it } from "vitest";
import { readConnectivity } from "@/lib/desktop/connectivity";
import { generateAccount } from "@/lib/stripe-fixtures/generate";
import { API_KEY, standaloneBuilt, startAppServer } from "@/tests/support/faults/app-server";
import { preparedDataDir, removeDataDirs, withDb } from "@/tests/support/faults/data-dir";
import { killAll, waitFor } from "@/tests/support/faults/processes";
import { startSwitchProxy } from "@/tests/support/faults/switch-proxy";
import { createAccount, rawRequest, signIn } from "@/tests/support/http-auth";
import { startStripeServer } from "@/tests/support/stripe-server";

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await killAll();
  for (const close of closers.splice(0).reverse()) await close();
  removeDataDirs();
});

describe.skipIf(!standaloneBuilt())("offline, with the real server", () => {
  it(
    "says since when it is offline, keeps serving, and catches up when Stripe is back",
    { timeout: 120_000 },
    async () => {
      const stripe = await startStripeServer({
        account: generateAccount({ customers: 10, seed: 3, now: new Date() }),
        apiKey: API_KEY,
      });
      closers.push(() => stripe.close());
      const proxy = await startSwitchProxy(stripe.port);
      closers.push(() => proxy.close());
      proxy.down();
      const data = preparedDataDir();
      await createAccount(data.file, { email: "owner@example.com", role: "owner" });
      const server = await startAppServer(data.dir, {
        stripePort: proxy.port,
        env: { STRIPE_CATCH_UP_MINUTES: "60", STRIPE_OFFLINE_PROBE_SECONDS: "5" },
      });

      const since = await waitFor(() => readConnectivity(data.dir).offlineSince ?? undefined, {
        timeoutMs: 30_000,
        intervalMs: 200,
        what: "the offline mark",
      });
      const { cookie } = await signIn(server.url, "owner@example.com");
      const home = await rawRequest(`${server.url}/`, { headers: { cookie } });
      expect(home.status).toBe(200);
      expect(home.body).toContain("Offline since");
      const syncedRuns = () =>
        withDb(
          data.file,
          (db) =>
            (
              db.prepare("SELECT count(*) AS n FROM SyncRun WHERE status = 'succeeded'").get() as {
                n: number;
              }
            ).n,
        );
      expect(syncedRuns()).toBe(0);

      // Back: the next probe (every 5 s, not the 60-minute interval) catches up at once.
      proxy.up();
      await waitFor(() => readConnectivity(data.dir).offlineSince === null, {
        timeoutMs: 30_000,
        intervalMs: 200,
        what: "the catch-up after the network came back",
      });
      expect(readConnectivity(data.dir).lastCaughtUpAt! >= since).toBe(true);
      expect(syncedRuns()).toBe(1);
      const after = await rawRequest(`${server.url}/`, { headers: { cookie } });
      expect(after.body).not.toContain("Offline since");
      expect(
        withDb(data.file, (db) => (db.prepare("SELECT count(*) AS n FROM Client").get() as { n: number }).n),
      ).toBe(10);
    },
  );
});
