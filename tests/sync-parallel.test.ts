// The parallel sync: `created` ranges split among fetchers, one rate limiter, progress with an
// estimate of the time left. Through the real SDK against the local Stripe-compatible server.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runSync, type SyncProgress } from "@/lib/stripe/sync";
import { splitPoint, remainingEstimate } from "@/lib/stripe/sync-ranges";
import { progressBar } from "@/cli/commands/sync";
import { generateAccount } from "@/lib/stripe-fixtures/generate";
import { syncHarness } from "@/tests/support/sync-harness";
import { appState } from "@/tests/support/faults/state";

const API_KEY = "sk_test_parallel";
const NOW = new Date("2026-11-02T10:00:00Z");
const clock = () => NOW;
const account = generateAccount({ customers: 120, seed: 5, now: NOW });
const total = Object.values(account).reduce((n, list) => n + list.length, 0);

const { serve: serveAccount, database, stripeFor } = syncHarness(API_KEY, NOW);
const serve = (options: { rateLimit?: number } = {}) => serveAccount(account, options);

async function syncedState(concurrency: number, rateLimit?: number) {
  const server = await serve({ rateLimit });
  const db = database();
  const progress: SyncProgress[] = [];
  const report = await runSync(db.db, stripeFor(server), {
    now: clock,
    concurrency,
    requestsPerSecond: rateLimit,
    onProgress: (p) => progress.push(p),
  });
  return { report, state: appState(db.db), server, progress };
}

describe("parallel sync", () => {
  it("lists disjoint created ranges in parallel and ends equal to a one-fetcher sync", async () => {
    const sequential = await syncedState(1);
    const parallel = await syncedState(8);
    expect(sequential.report.status).toBe("succeeded");
    expect(parallel.report.status).toBe("succeeded");
    expect(parallel.state).toEqual(sequential.state);
    // Every object listed exactly once, although the ranges were cut while being listed.
    const fetched = Object.entries(parallel.report.counts)
      .filter(([kind]) => kind !== "events")
      .reduce((n, [, c]) => n + c.fetched, 0);
    expect(fetched).toBe(total);
    expect(parallel.server.requests.some((r) => r.query["created[lt]"] !== undefined)).toBe(true);
  }, 60_000);

  it("stays under the server's rate limit and reports progress up to the total", async () => {
    const run = await syncedState(8, 10);
    expect(run.report.status).toBe("succeeded");
    expect(run.server.rateLimited()).toBe(0);
    const done = run.progress.map((p) => p.overall.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done.at(-1)).toBe(total);
    expect(run.progress.some((p) => p.overall.etaSeconds !== null)).toBe(true);
  }, 60_000);

  it("a 429 pauses the fetchers and the sync still completes", async () => {
    const server = await serve({ rateLimit: 4 });
    const db = database();
    // Asks for twice what the server accepts: the refusals are backed off, never fatal.
    const report = await runSync(db.db, stripeFor(server), {
      now: clock,
      concurrency: 8,
      requestsPerSecond: 30,
    });
    expect(report.status).toBe("succeeded");
    expect(server.rateLimited()).toBeGreaterThan(0);
    expect((db.db.prepare("SELECT count(*) AS n FROM Client").get() as { n: number }).n).toBe(
      account.customers.length,
    );
  }, 60_000);

  it("a split point always leaves the busy range its cursor and the new range the rest (property)", () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.option(fc.integer({ min: 0, max: 2_000_000 }), { nil: undefined }),
        (gte, span, above, fetched, hint) => {
          const last = (gte ?? 0) + span;
          const range = { gte, last, newest: last + above, fetched, hasMore: true };
          const cut = splitPoint(range, hint);
          if (cut === null) return;
          expect(cut).toBeLessThanOrEqual(last);
          if (gte !== undefined) expect(cut).toBeGreaterThan(gte);
          expect(remainingEstimate(range, hint)).toBeGreaterThanOrEqual(200);
        },
      ),
    );
  });

  it("draws the CLI's progress bar once the total can be estimated", () => {
    expect(progressBar({ done: 1200, perSecond: 400, remaining: null, etaSeconds: null })).toBe(
      "1,200 objects  400/s  estimating…",
    );
    expect(progressBar({ done: 300, perSecond: 100, remaining: 900, etaSeconds: 65 }, 8)).toBe(
      "[██░░░░░░] 25%  300 objects  100/s  ~1m05s left",
    );
  });
});
