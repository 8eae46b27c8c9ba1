// Working offline: the catch-up (lib/desktop/catch-up.ts) against the local Stripe server
// behind a proxy that loses the network. While Stripe is unreachable nothing is synced and the
// status says since when; a catch-up cut off mid-run leaves only whole pages; once the network
// is back one catch-up brings the mirror to exactly what a clean full sync of the same account
// gives — nothing lost, nothing applied twice.
import { afterEach, describe, expect, it } from "vitest";
import { openSqlite, type Sqlite } from "@/lib/db/sqlite";
import { catchUpOnce, type CatchUpDeps } from "@/lib/desktop/catch-up";
import { readConnectivity, stripeReachable } from "@/lib/desktop/connectivity";
import { createStripe } from "@/lib/stripe/client";
import { runSync } from "@/lib/stripe/sync";
import { generateAccount } from "@/lib/stripe-fixtures/generate";
import { preparedDataDir, removeDataDirs, withDbAsync } from "@/tests/support/faults/data-dir";
import { appState, duplicateKeys, integrity, ORDER_DEPENDENT, rowCounts } from "@/tests/support/faults/state";
import { startSwitchProxy, type SwitchProxy } from "@/tests/support/faults/switch-proxy";
import { startStripeServer, type StripeServer } from "@/tests/support/stripe-server";

const API_KEY = "sk_test_offline_catch_up";
const opened: { close(): Promise<void> | void }[] = [];
afterEach(async () => {
  for (const thing of opened.splice(0).reverse()) await thing.close();
  removeDataDirs();
});

const sdk = (port: number) =>
  createStripe({
    apiKey: API_KEY,
    host: "127.0.0.1",
    port,
    protocol: "http",
    maxNetworkRetries: 1,
    timeoutMs: 3000,
  });

describe("catching up after being offline", () => {
  it(
    "records since when it is offline, then catches up to the same mirror as a clean sync",
    { timeout: 120_000 },
    async () => {
      const account = generateAccount({ customers: 80, seed: 23, now: new Date(Date.now() - 86_400_000) });
      const server: StripeServer = await startStripeServer({ account, apiKey: API_KEY });
      opened.push(server);
      const proxy: SwitchProxy = await startSwitchProxy(server.port);
      opened.push(proxy);
      const data = preparedDataDir();
      const db: Sqlite = openSqlite(data.file);
      opened.push({ close: () => void db.close() });
      let clock = new Date();
      const deps: CatchUpDeps = {
        dataDir: data.dir,
        now: () => clock,
        reachable: () => stripeReachable(proxy.url, 1000),
        sync: () => runSync(db, sdk(proxy.port)),
      };
      const syncRuns = () => rowCounts(db).SyncRun;

      expect((await catchUpOnce(deps)).outcome).toBe("synced");
      expect(readConnectivity(data.dir).offlineSince).toBeNull();

      // The network goes; meanwhile customers change in Stripe.
      proxy.down();
      await new Promise((resolve) => setTimeout(resolve, 1100)); // events land after the last run's second
      const [first, second, third] = account.customers;
      server.addEvent("customer.updated", { ...first!, name: "Renamed while offline" });
      server.addEvent("customer.updated", { ...second!, email: "new-address@example.com" });
      server.addEvent("customer.created", {
        ...third!,
        id: "cus_new_while_offline",
        name: "New while offline",
        created: Math.floor(Date.now() / 1000),
      });
      const wentOffline = new Date(clock.getTime() + 60_000);
      clock = wentOffline;
      const runsBefore = syncRuns();
      const offline = await catchUpOnce(deps);
      expect(offline.outcome).toBe("offline");
      expect(offline.status.offlineSince).toBe(wentOffline.toISOString());
      clock = new Date(clock.getTime() + 5 * 60_000);
      expect((await catchUpOnce(deps)).status.offlineSince).toBe(wentOffline.toISOString());
      expect(syncRuns()).toBe(runsBefore);

      // The network flickers back and drops again in the middle of a catch-up.
      proxy.downAfter(3);
      const cut = await catchUpOnce(deps);
      expect(cut.outcome).toBe("offline");
      expect(cut.report?.status).toBe("failed");
      expect(readConnectivity(data.dir).offlineSince).toBe(wentOffline.toISOString());
      expect(integrity(db)).toBe("ok");

      // Back for good: one catch-up, and the mirror equals a clean sync of the same account.
      proxy.up();
      const back = await catchUpOnce(deps);
      expect(back.outcome).toBe("synced");
      expect(back.status.offlineSince).toBeNull();
      expect(readConnectivity(data.dir).offlineSince).toBeNull();
      expect(duplicateKeys(db)).toEqual([]);

      const clean = preparedDataDir();
      const reference = await withDbAsync(clean.file, async (fresh) => {
        expect((await runSync(fresh, sdk(server.port), { full: true })).status).toBe("succeeded");
        return appState(fresh, ORDER_DEPENDENT);
      });
      const mirrored = appState(db, ORDER_DEPENDENT);
      expect(mirrored).toEqual(reference);
      const names = (mirrored.Client as { stripeId?: string; name?: string }[]).map((row) => row.name);
      expect(names).toEqual(expect.arrayContaining(["Renamed while offline", "New while offline"]));
    },
  );
});
