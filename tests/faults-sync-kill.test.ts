// kill -9 in the middle of `./run sync`: the committed pages and their cursors survive, the
// next run resumes the same SyncRun, and the result equals one clean run.
import { afterEach, describe, expect, it } from "vitest";
import { generateAccount, type StripeAccount } from "@/lib/stripe-fixtures/generate";
import { countsSchema, cursorSchema } from "@/lib/stripe/sync-run";
import { API_KEY, childEnv } from "@/tests/support/faults/app-server";
import { preparedDataDir, removeDataDirs, withDb } from "@/tests/support/faults/data-dir";
import { startDelayProxy, type DelayProxy } from "@/tests/support/faults/delay-proxy";
import { killAll, spawnEntry, waitFor, withTimeout } from "@/tests/support/faults/processes";
import { appState, duplicateKeys, integrity, rowCounts } from "@/tests/support/faults/state";
import { startStripeServer, type StripeServer } from "@/tests/support/stripe-server";

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await killAll();
  for (const close of closers.splice(0)) await close();
  removeDataDirs();
});

interface RunRow {
  id: number;
  status: string;
  countsJson: string;
  cursorJson: string;
}

const runs = (file: string) =>
  withDb(
    file,
    (db) => db.prepare("SELECT id, status, countsJson, cursorJson FROM SyncRun").all() as RunRow[],
  );
const fetched = (row: RunRow | undefined) =>
  row
    ? Object.values(countsSchema.parse(JSON.parse(row.countsJson))).reduce((sum, c) => sum + c.fetched, 0)
    : 0;

/** Each mirrored type: its list endpoint and where the generated account holds its objects. */
const kinds: Record<string, { path: string; list: keyof StripeAccount }> = {
  customer: { path: "/v1/customers", list: "customers" },
  product: { path: "/v1/products", list: "products" },
  price: { path: "/v1/prices", list: "prices" },
  subscription: { path: "/v1/subscriptions", list: "subscriptions" },
  invoice: { path: "/v1/invoices", list: "invoices" },
  invoiceitem: { path: "/v1/invoiceitems", list: "invoiceItems" },
};

function cliSync(dataDir: string, stripePort: number) {
  return spawnEntry("cli/index.ts", ["sync"], childEnv(dataDir, stripePort));
}

describe("sync killed with SIGKILL", () => {
  it("resumes from the committed cursor and ends equal to a clean run, without duplicates", async () => {
    const now = new Date();
    const account = generateAccount({ customers: 400, seed: 11, now });
    const stripe: StripeServer = await startStripeServer({ account, apiKey: API_KEY });
    closers.push(() => stripe.close());
    const slow: DelayProxy = await startDelayProxy(stripe.port, 60);
    closers.push(() => slow.close());
    const killed = preparedDataDir(now);
    const clean = preparedDataDir(now);

    const first = cliSync(killed.dir, slow.port);
    // Six pages of 100 committed (with their cursors), the sync still far from done.
    await waitFor(() => !first.exit && fetched(runs(killed.file)[0]) >= 600, {
      timeoutMs: 30_000,
      what: "6 committed pages",
    });
    expect(first.exit).toBeNull();
    await first.kill9();
    const [interrupted] = runs(killed.file);
    expect(interrupted?.status).toBe("running");
    const committedBeforeKill = fetched(interrupted);
    const total = Object.values(account).reduce((sum, list) => sum + list.length, 0);
    expect(committedBeforeKill).toBeLessThan(total - 100);
    expect(withDb(killed.file, integrity)).toBe("ok");

    // The reference run gets its own server, so the request log below is the resumed run's alone.
    const referenceStripe = await startStripeServer({ account, apiKey: API_KEY });
    closers.push(() => referenceStripe.close());
    const requestsBefore = stripe.requests.length;
    const [resumed, reference] = [cliSync(killed.dir, stripe.port), cliSync(clean.dir, referenceStripe.port)];
    const exits = await withTimeout(Promise.all([resumed.exited, reference.exited]), 60_000, "both syncs");
    expect(
      exits.map((e) => e.code),
      resumed.stderr() + reference.stderr(),
    ).toEqual([0, 0]);
    expect(resumed.stdout()).toContain(`Sync #${interrupted?.id} (full) succeeded`);

    // Resumed, not restarted: finished types are not listed again, and every `created` range
    // of the others continues after its last committed page, within its bounds.
    const cursor = cursorSchema.parse(JSON.parse(interrupted?.cursorJson ?? "{}"));
    const lists = stripe.requests.slice(requestsBefore);
    for (const [kind, { path }] of Object.entries(kinds)) {
      const type = cursor.types[kind];
      const typeLists = lists.filter((r) => r.path === path);
      if (type?.done) expect(typeLists, kind).toEqual([]);
      for (const range of type?.done ? [] : (type?.ranges ?? [])) {
        if (!range.startingAfter) continue;
        const resumedAt = typeLists.find((r) => r.query.starting_after === range.startingAfter);
        expect(resumedAt, `${kind} range resumed`).toBeDefined();
        if (range.lt !== undefined) expect(resumedAt?.query["created[lt]"], kind).toBe(String(range.lt));
      }
    }

    const [final] = runs(killed.file);
    expect(runs(killed.file)).toHaveLength(1);
    expect(final?.status).toBe("succeeded");
    // Each object counted once over both processes: no committed page was applied twice.
    const counts = countsSchema.parse(JSON.parse(final?.countsJson ?? "{}"));
    for (const [kind, { list }] of Object.entries(kinds)) {
      expect(counts[kind]?.fetched, kind).toBe(account[list].length);
    }

    withDb(killed.file, (db) => {
      expect(integrity(db)).toBe("ok");
      expect(duplicateKeys(db)).toEqual([]);
      expect(rowCounts(db).Client).toBe(account.customers.length);
      expect(rowCounts(db).Booking).toBeGreaterThan(0);
    });
    const expected = withDb(clean.file, (db) => appState(db));
    expect(withDb(killed.file, (db) => appState(db))).toEqual(expected);
  }, 120_000);
});
