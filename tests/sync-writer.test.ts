// The sync's one writer (lib/stripe/sync-writer.ts): pages waiting are committed together in
// one transaction with their ranges' cursors. Whatever moment a run stops at (a crash right
// after any commit, or an outage while pages are queued), the database holds whole pages with
// their cursors and counts, and the resumed run ends equal to an uninterrupted sync, every
// object listed exactly once. Through the real SDK against the local Stripe-compatible server.
import { writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Sqlite } from "@/lib/db/sqlite";
import { openSqlite } from "@/lib/db/sqlite";
import { seedDefaultRules } from "@/lib/rules/defaults";
import { runSync, type SyncReport } from "@/lib/stripe/sync";
import { RangeScheduler } from "@/lib/stripe/sync-ranges";
import { countsSchema, type SyncCursor } from "@/lib/stripe/sync-run";
import { generateAccount } from "@/lib/stripe-fixtures/generate";
import { mirrorTables } from "@/lib/stripe/mirror-store";
import { syncHarness } from "@/tests/support/sync-harness";
import { freshDb } from "@/tests/support/db";
import { appState, duplicateKeys, integrity } from "@/tests/support/faults/state";
import { startStripeServer, type StripeServer } from "@/tests/support/stripe-server";

const API_KEY = "sk_test_writer";
const NOW = new Date("2026-11-02T10:00:00Z");
const clock = () => NOW;
const account = generateAccount({ customers: 100, seed: 21, now: NOW });
const total = Object.values(account).reduce((n, list) => n + list.length, 0);
/** Enough fetchers that pages arrive faster than one is written: they queue and are coalesced. */
const CONCURRENCY = 8;

const { serve: serveAccount, database, stripeFor, track } = syncHarness(API_KEY, NOW);
const serve = () => serveAccount(account);

let reference: Record<string, unknown[]>;
/** Requests of a one-fetcher sync: the fewest any sync of the account sends. */
let fewestRequests: number;
beforeAll(async () => {
  const server = await startStripeServer({ account, apiKey: API_KEY });
  const db = freshDb();
  try {
    seedDefaultRules(db.db, NOW);
    const report = await runSync(db.db, stripeFor(server), { now: clock, concurrency: 1 });
    expect(report.status).toBe("succeeded");
    reference = appState(db.db);
    fewestRequests = report.requests;
    expect((reference.Booking ?? []).length).toBeGreaterThan(0);
  } finally {
    db.cleanup();
    await server.close();
  }
}, 60_000);

/** The stored run: its counts were saved in the same transaction as its cursors. */
function storedRun(db: Sqlite, runId: number) {
  const row = db.prepare("SELECT status, countsJson FROM SyncRun WHERE id = ?").get(runId) as {
    status: string;
    countsJson: string;
  };
  return { status: row.status, counts: countsSchema.parse(JSON.parse(row.countsJson)) };
}

/** Whole pages only: every object a stored count says was applied is a row, and no other. */
function expectWholePages(db: Sqlite, runId: number): void {
  const { counts } = storedRun(db, runId);
  for (const [kind, table] of Object.entries(mirrorTables)) {
    const rows = (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect({ kind, applied: counts[kind]?.applied ?? 0 }).toEqual({ kind, applied: rows });
  }
  expect(integrity(db)).toBe("ok");
}

/** Resumes the stopped run; it must end equal to the uninterrupted sync, each object listed once. */
async function expectResumesToReference(db: Sqlite, server: StripeServer, runId: number): Promise<void> {
  const resumed = await runSync(db, stripeFor(server), { now: clock, concurrency: CONCURRENCY });
  expect(resumed).toMatchObject({ status: "succeeded", runId });
  const listed = Object.entries(resumed.counts)
    .filter(([kind]) => kind !== "events")
    .reduce((n, [, c]) => n + c.fetched, 0);
  expect(listed).toBe(total);
  expect(duplicateKeys(db)).toEqual([]);
  expect(appState(db)).toEqual(reference);
}

/** Most pages committed in one transaction: pages reported in the same turn of the event loop. */
function pagesPerCommit(): { onPage: () => void; most: () => number } {
  let inTurn = 0;
  let most = 0;
  return {
    onPage: () => {
      if (inTurn === 0)
        setImmediate(() => {
          most = Math.max(most, inTurn);
          inTurn = 0;
        });
      inTurn += 1;
    },
    most: () => Math.max(most, inTurn),
  };
}

describe("the sync's writer", () => {
  it("a copy of the database after any commit (a crash) holds whole pages and resumes to the same end (property)", async () => {
    let coalesced = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 12 }), async (crashAfterPage) => {
        const server = await serve();
        const live = database();
        const crashed = path.join(live.dir, "crashed.db");
        const perCommit = pagesPerCommit();
        let pages = 0;
        let copied = false;
        const report: SyncReport = await runSync(live.db, stripeFor(server), {
          now: clock,
          concurrency: CONCURRENCY,
          onProgress: () => {
            perCommit.onPage();
            // What a crash right after this commit would leave on disk: committed transactions only.
            if ((pages += 1) === crashAfterPage) {
              writeFileSync(crashed, live.db.serialize());
              copied = true;
            }
          },
        });
        expect(report.status).toBe("succeeded");
        expect(copied).toBe(true);
        if (perCommit.most() > 1) coalesced += 1;
        const db = openSqlite(crashed);
        track(db);
        expect(storedRun(db, report.runId).status).toBe("running");
        expectWholePages(db, report.runId);
        await expectResumesToReference(db, server, report.runId);
      }),
      { numRuns: 5 },
    );
    // The property held with several pages in one transaction, not only one page per commit.
    expect(coalesced).toBeGreaterThan(0);
  }, 120_000);

  it("an outage while pages are queued fails the run cleanly; the resumed run ends the same (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: fewestRequests - 1 }), async (okRequests) => {
        const server = await serve();
        const { db } = database();
        server.setFault({ kind: "failAfter", requests: okRequests, status: 500 });
        const first = await runSync(db, stripeFor(server), { now: clock, concurrency: CONCURRENCY });
        expect(first.status).toBe("failed");
        expect(storedRun(db, first.runId).status).toBe("failed");
        expectWholePages(db, first.runId);
        server.setFault(null);
        await expectResumesToReference(db, server, first.runId);
      }),
      { numRuns: 6 },
    );
  }, 120_000);

  it("a split never gives away what a range's fetcher has listed and not written yet (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.boolean(),
        (gte, committedSpan, committed, aheadSpan, ahead, bounded) => {
          const newest = gte + committedSpan + aheadSpan;
          const last = gte + aheadSpan; // the committed cursor
          const listedLast = last - Math.min(aheadSpan, Math.floor(aheadSpan / 2) + 1);
          const cursor: SyncCursor = {
            mode: "full",
            scanStartedAt: 0,
            types: {
              customer: {
                done: false,
                ranges: [{ gte: bounded ? gte : undefined, newest, last, fetched: committed, hasMore: true }],
              },
            },
            events: { done: true },
            vanishedMarked: true,
            deriveAtEnd: false,
            derived: false,
          };
          const scheduler = new RangeScheduler(cursor, [["customer"]]);
          const busy = scheduler.next();
          if (!busy) throw new Error("the idle range is handed out first");
          busy.listed = { newest, last: Math.max(0, listedLast), fetched: committed + ahead, hasMore: true };
          const split = scheduler.next();
          if (!split) return;
          // The pages waiting to be written hold objects created at or after listed.last.
          expect(split.range.lt).toBeLessThanOrEqual(busy.listed.last ?? Infinity);
          expect(busy.range.gte).toBe(split.range.lt);
          expect(busy.range.last).toBe(last);
        },
      ),
    );
  });
});
