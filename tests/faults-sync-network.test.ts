// Sync against a misbehaving Stripe API (429 with Retry-After, 500, requests that never
// answer, bodies cut off mid-JSON), injected after the first committed page: the run either
// rides it out or fails cleanly (status failed, committed pages and their cursor intact, no
// half page); the next run resumes the same SyncRun and the result equals a clean sync.
import fc from "fast-check";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Sqlite } from "@/lib/db/sqlite";
import { createStripe } from "@/lib/stripe/client";
import { runSync, type SyncReport } from "@/lib/stripe/sync";
import { countsSchema, cursorSchema } from "@/lib/stripe/sync-run";
import { generateAccount } from "@/lib/stripe-fixtures/generate";
import { preparedDataDir, removeDataDirs, withDbAsync } from "@/tests/support/faults/data-dir";
import { appState, duplicateKeys, integrity, rowCounts } from "@/tests/support/faults/state";
import { startStripeServer, type Fault, type StripeServer } from "@/tests/support/stripe-server";

const API_KEY = "sk_test_fault_network";
const NOW = new Date("2026-11-02T10:00:00Z");
const clock = () => NOW;
const account = generateAccount({ customers: 150, seed: 7, now: NOW });

const servers: StripeServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
  removeDataDirs();
});

async function serve(): Promise<StripeServer> {
  const server = await startStripeServer({ account, apiKey: API_KEY });
  servers.push(server);
  return server;
}

interface Client {
  retries: number;
  timeoutMs?: number;
}
const stripeFor = (server: StripeServer, client: Client) =>
  createStripe({
    apiKey: API_KEY,
    host: "127.0.0.1",
    port: server.port,
    protocol: "http",
    maxNetworkRetries: client.retries,
    timeoutMs: client.timeoutMs ?? 5000,
  });

let reference: Record<string, unknown[]>;
beforeAll(async () => {
  const server = await startStripeServer({ account, apiKey: API_KEY });
  reference = await withDbAsync(preparedDataDir(NOW).file, async (db) => {
    expect((await runSync(db, stripeFor(server, { retries: 0 }), { now: clock })).status).toBe("succeeded");
    return appState(db);
  });
  await server.close();
  expect((reference.Booking ?? []).length).toBeGreaterThan(0);
});

/** After a failed run: the run is resumable and what it committed is whole pages only. */
function expectCleanFailure(db: Sqlite, report: SyncReport, committedPages: number): void {
  const row = db
    .prepare("SELECT status, error, cursorJson, countsJson FROM SyncRun WHERE id = ?")
    .get(report.runId) as {
    status: string;
    error: string | null;
    cursorJson: string;
    countsJson: string;
  };
  expect(row.status).toBe("failed");
  expect(row.error).toBeTruthy();
  const cursor = cursorSchema.parse(JSON.parse(row.cursorJson));
  const progressed = Object.values(cursor.types).some((type) => type.done || type.startingAfter);
  expect(progressed).toBe(committedPages > 0);
  // Counts are committed with their page: they match the rows exactly (no half page).
  const counts = countsSchema.parse(JSON.parse(row.countsJson));
  const rows = rowCounts(db);
  expect(counts.customer?.applied ?? 0).toBe(rows.Client);
  expect(counts.subscription?.applied ?? 0).toBe(rows.SubscriptionMap);
  expect(counts.invoice?.applied ?? 0).toBe(rows.InvoiceMap);
  expect(integrity(db)).toBe("ok");
}

type Outcome = "succeeds" | "fails" | "either";

/** Syncs with `fault` injected once `afterPages` pages are committed, then again without it. */
async function scenario(fault: Fault, client: Client, afterPages: number): Promise<SyncReport> {
  const server = await serve();
  return withDbAsync(preparedDataDir(NOW).file, async (db) => {
    let pages = 0;
    if (afterPages === 0) server.setFault(fault);
    const onProgress = () => {
      if ((pages += 1) === afterPages) server.setFault(fault);
    };
    const first = await runSync(db, stripeFor(server, client), { now: clock, onProgress });
    if (first.status === "failed") {
      expectCleanFailure(db, first, pages);
      server.setFault(null);
      const second = await runSync(db, stripeFor(server, { retries: 0 }), { now: clock });
      expect(second).toMatchObject({ status: "succeeded", runId: first.runId });
    }
    expect(duplicateKeys(db)).toEqual([]);
    expect(integrity(db)).toBe("ok");
    expect(appState(db)).toEqual(reference);
    return first;
  });
}

const cases: [string, Fault, Client, Outcome][] = [
  [
    "429 with Retry-After, retried by the SDK",
    { kind: "429", retryAfterSeconds: 1, times: 1 },
    { retries: 2 },
    "succeeds",
  ],
  ["500 twice, retried by the SDK", { kind: "500", times: 2 }, { retries: 2 }, "succeeds"],
  [
    "an outage of 500s outlasting the retries",
    { kind: "failAfter", requests: 0, status: 500 },
    { retries: 1 },
    "fails",
  ],
  [
    "a request that never answers, retried after the SDK timeout",
    { kind: "timeout", times: 1 },
    { retries: 1, timeoutMs: 300 },
    "succeeds",
  ],
  [
    "requests that never answer, every attempt",
    { kind: "timeout", times: 50 },
    { retries: 0, timeoutMs: 150 },
    "fails",
  ],
  ["a body cut off once", { kind: "truncated", times: 1 }, { retries: 0 }, "either"],
  ["bodies cut off every time", { kind: "truncated", times: 50 }, { retries: 1 }, "fails"],
];

describe("sync against a faulty Stripe API", () => {
  it.each(cases)(
    "%s",
    async (_name, fault, client, outcome) => {
      const first = await scenario(fault, client, 1);
      if (outcome !== "either") expect(first.status).toBe(outcome === "succeeds" ? "succeeded" : "failed");
    },
    60_000,
  );

  it("any burst of faults at any point converges to the clean state (property)", async () => {
    const fault: fc.Arbitrary<Fault> = fc.oneof(
      fc.record({
        kind: fc.constant("429" as const),
        retryAfterSeconds: fc.constant(0),
        times: fc.integer({ min: 1, max: 3 }),
      }),
      fc.record({ kind: fc.constant("500" as const), times: fc.integer({ min: 1, max: 3 }) }),
      fc.record({ kind: fc.constant("truncated" as const), times: fc.integer({ min: 1, max: 3 }) }),
    );
    await fc.assert(
      fc.asyncProperty(
        fault,
        fc.integer({ min: 0, max: 1 }),
        fc.integer({ min: 0, max: 6 }),
        async (f, retries, afterPages) => {
          await scenario(f, { retries }, afterPages);
        },
      ),
      { numRuns: 6 },
    );
  }, 90_000);
});
