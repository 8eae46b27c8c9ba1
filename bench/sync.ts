// Sync against Stripe's limits. (a) The local Stripe-compatible server answering every request
// after 300 ms and accepting 25 requests/s, as Stripe does in test mode: runSync's objects/s
// against the ceiling 25 × 100 objects/s, and its mirror compared with a one-fetcher
// (sequential) sync of the same account. (b) No latency, no limit: runSync end to end against
// fetching the same lists alone with the same parallel fetchers, and the ingest step alone on
// the fetched objects, so the local overhead is visible apart from fetching.
import type Stripe from "stripe";
import { figure } from "@/bench/report";
import { freshDb } from "@/bench/support/db";
import { insertRaw, allObjectRows } from "@/bench/support/mirror-rows";
import { scaled, timed, timedAsync, timedOnMachine, type MachineCpu } from "@/bench/support/stats";
import { startStripeProcess } from "@/bench/support/stripe-process";
import type { BenchContext, BenchOutput, Benchmark, Check } from "@/bench/types";
import { withBulkWrites } from "@/lib/db/bulk-writes";
import type { Sqlite } from "@/lib/db/sqlite";
import { createStripe } from "@/lib/stripe/client";
import { completeNestedLists, createdOf, listPage, PAGE_SIZE } from "@/lib/stripe/fetch";
import { contentHash, ingestObjects, type IngestItem } from "@/lib/stripe/ingest";
import { defaultConcurrency, phases, runSync, type SyncReport } from "@/lib/stripe/sync";
import { moveRangeCursor, RangeScheduler } from "@/lib/stripe/sync-ranges";
import { WRITE_BATCH_OBJECTS } from "@/lib/stripe/sync-writer";
import type { SyncCursor } from "@/lib/stripe/sync-run";
import { tokenBucket, unlimited, type RateLimiter } from "@/lib/stripe/rate-limit";
import { appState } from "@/tests/support/faults/state";

const API_KEY = "sk_test_bench_sync";
/** ~152,700 objects at scale 1 (the 150,000). */
const FULL = { customers: 10_000, subscriptionsPerCustomer: 2, invoicesPerCustomer: 10 };
const LATENCY_MS = 300;
const RATE_LIMIT = 25;
/** Every list, with the sync's own range splitting, fetchers and limiter, but nothing written. */
async function fetchAlone(
  stripe: Stripe,
  concurrency: number,
  limiter: RateLimiter = unlimited,
): Promise<unknown[][]> {
  const pages: { phase: number; objects: unknown[] }[] = [];
  const cursor: SyncCursor = {
    mode: "full",
    scanStartedAt: Date.now(),
    types: {},
    events: { done: true },
    vanishedMarked: true,
    deriveAtEnd: false,
    derived: false,
  };
  {
    const scheduler = new RangeScheduler(cursor, phases);
    const fetcher = async () => {
      for (;;) {
        const task = scheduler.next();
        if (!task) {
          if (!scheduler.anyBusy()) return;
          await scheduler.changed();
          continue;
        }
        const { range, kind } = task;
        for (;;) {
          const page = await listPage(
            stripe,
            kind,
            {
              startingAfter: range.startingAfter,
              createdGte: range.gte,
              createdLt: range.lt,
            },
            limiter,
          );
          const objects = await Promise.all(
            page.data.map((o) => completeNestedLists(stripe, kind, o, limiter)),
          );
          const floor = range.gte;
          const mine = floor === undefined ? objects : objects.filter((o) => createdOf(o) >= floor);
          pages.push({ phase: phases.findIndex((p) => p.includes(kind)), objects: mine });
          const exhausted = !page.hasMore || mine.length < objects.length;
          moveRangeCursor(range, mine, exhausted);
          scheduler.progressed(range.last);
          if (exhausted) {
            scheduler.finished(task);
            break;
          }
        }
        task.busy = false;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, fetcher));
  }
  // In the order the sync writes them: every page of a phase before the next phase's.
  return pages.sort((a, b) => a.phase - b.phase).map((page) => page.objects);
}

const coreSeconds = (cpu: MachineCpu) =>
  `${(cpu.busyMs / 1000).toFixed(1)} s of core time (${Math.round(cpu.busyShare * 100)}% busy)`;

const objectsOf = (report: SyncReport) =>
  Object.entries(report.counts)
    .filter(([kind]) => kind !== "events")
    .reduce((n, [, c]) => n + c.fetched, 0);

async function syncInto(
  ctx: BenchContext,
  label: string,
  stripe: Stripe,
  options: Parameters<typeof runSync>[2],
): Promise<{ ms: number; report: SyncReport; db: Sqlite; cpu: MachineCpu }> {
  const { db } = await freshDb(ctx, label);
  const { ms, value, cpu } = await timedOnMachine(() =>
    runSync(db, stripe, { now: () => ctx.now, ...options }),
  );
  if (value.status !== "succeeded") throw new Error(`${label} sync failed: ${value.error ?? "unknown"}`);
  return { ms, report: value, db, cpu };
}

async function run(ctx: BenchContext): Promise<BenchOutput> {
  const scale = ctx.scale ?? sync.defaultScale;
  const customers = scaled(FULL.customers, scale, 10);
  ctx.progress(`sync: generating and serving an account of ${customers} customers (two servers)`);
  const server = await startStripeProcess(API_KEY, { ...FULL, customers, seed: 13, now: ctx.now }, [
    { latencyMs: LATENCY_MS, rateLimit: RATE_LIMIT },
    {},
  ]);
  const [limitedPort, fastPort] = server.ports;
  const settings = (port: number | undefined) =>
    ({ apiKey: API_KEY, host: "127.0.0.1", port, protocol: "http" }) as const;
  const client = (port: number | undefined) => createStripe(settings(port));
  const checks: Check[] = [];
  try {
    ctx.progress(`sync (a): ${server.objects} objects at ${LATENCY_MS} ms and ${RATE_LIMIT} requests/s`);
    const limitedClient = client(limitedPort);
    let refused = 0;
    limitedClient.on("response", (event: { status?: number }) => {
      if (event.status === 429) refused += 1;
    });
    const limited = await syncInto(ctx, "sync-limited", limitedClient, {
      requestsPerSecond: RATE_LIMIT,
      client: settings(limitedPort),
      onProgress: ({ overall }) => {
        if (overall.done % 10_000 < PAGE_SIZE)
          ctx.progress(
            `sync (a): ${overall.done} objects, ${overall.perSecond}/s, ETA ${overall.etaSeconds ?? "?"} s`,
          );
      },
    });

    ctx.progress(
      `sync (a): fetching alone at ${LATENCY_MS} ms and ${RATE_LIMIT} requests/s (nothing written)`,
    );
    const limitedFetch = await timedAsync(() =>
      fetchAlone(client(limitedPort), defaultConcurrency(RATE_LIMIT), tokenBucket(RATE_LIMIT)),
    );

    ctx.progress(
      "sync: a one-fetcher (sequential) sync on the main thread (no fetch thread), no latency, as the reference mirror",
    );
    const sequential = await syncInto(ctx, "sync-sequential", client(fastPort), { concurrency: 1 });
    const same = JSON.stringify(appState(limited.db)) === JSON.stringify(appState(sequential.db));
    checks.push({
      label: "mirror of the parallel, rate-limited sync equals a sequential sync's",
      ok: same && objectsOf(limited.report) === server.objects,
      detail: `${objectsOf(limited.report)} of ${server.objects} objects; mirror and bookings ${same ? "identical" : "DIFFER"}`,
    });
    limited.db.close();
    sequential.db.close();

    const concurrency = defaultConcurrency(Infinity);
    ctx.progress(`sync (b): fetching alone, ${concurrency} parallel fetchers, no latency`);
    const fetched = await timedOnMachine(() => fetchAlone(client(fastPort), concurrency));
    const fetchedCount = fetched.value.reduce((n, page) => n + page.length, 0);
    checks.push({
      label: "fetching alone lists every object once",
      ok: fetchedCount === server.objects,
      detail: `${fetchedCount} of ${server.objects}`,
    });

    ctx.progress("sync (b): runSync end to end, no latency, no limit");
    const fast = await syncInto(ctx, "sync-fast", client(fastPort), { client: settings(fastPort) });
    fast.db.close();

    ctx.progress("sync (b): ingestObjects alone on the fetched pages");
    // As the sync's writer hands them over: pages gathered up to WRITE_BATCH_OBJECTS, each
    // object's text and hash made beforehand (by the fetch thread in a sync), bulk-write mode.
    const batches: IngestItem[][] = [];
    for (const page of fetched.value) {
      const last = batches.at(-1);
      const items = page.map((object) => {
        const text = JSON.stringify(object);
        return { object, sourceAt: ctx.now, raw: { text, hash: contentHash(text, false) } };
      });
      if (last && last.length < WRITE_BATCH_OBJECTS) last.push(...items);
      else batches.push(items);
    }
    const ingestDb = await freshDb(ctx, "sync-ingest");
    const step = timed(() =>
      withBulkWrites(ingestDb.db, () => {
        for (const items of batches)
          // As runSync writes a first sync's pages: bookings derived once at the end (none here: no rules).
          ingestObjects(ingestDb.db, items, { now: ctx.now, syncRunId: 1, reconcile: false });
      }),
    );
    ingestDb.db.close();

    // What SQLite alone needs to store these objects as the mirror does (their rows made
    // beforehand, no validation, no state comparison), in the sync writer's transactions.
    ctx.progress("sync (b): plain INSERTs of the same rows, SQLite's floor for what the mirror stores");
    const rows = allObjectRows(fetched.value.flat(), ctx.now.getTime(), ctx.now.getTime());
    const floorDb = await freshDb(ctx, "sync-floor");
    const floor = timed(() =>
      withBulkWrites(floorDb.db, () => insertRaw(floorDb.db, rows, WRITE_BATCH_OBJECTS)),
    );
    floorDb.db.close();

    const perSecond = (ms: number) => server.objects / (ms / 1000);
    const ceiling = RATE_LIMIT * PAGE_SIZE;
    const overheadMs = fast.ms - step.ms;
    return {
      scale,
      sizes: { objects: server.objects, customers, latencyMs: LATENCY_MS, rateLimit: RATE_LIMIT },
      figures: [
        figure({
          id: "sync.limited",
          label: `runSync at ${LATENCY_MS} ms latency, ${RATE_LIMIT} requests/s`,
          value: perSecond(limited.ms),
          unit: "objects/s",
          baseline: {
            label: `Stripe's ceiling (${RATE_LIMIT} × ${PAGE_SIZE} objects/s)`,
            value: ceiling,
            unit: "objects/s",
          },
          goal: { on: "ratio", op: ">=", target: 0.9 },
        }),
        figure({
          id: "sync.limited-fetch",
          label: `fetching alone at ${LATENCY_MS} ms latency, ${RATE_LIMIT} requests/s (same fetchers, nothing written)`,
          value: perSecond(limitedFetch.ms),
          unit: "objects/s",
          baseline: { label: `Stripe's ceiling`, value: ceiling, unit: "objects/s" },
        }),
        figure({
          id: "sync.fast",
          label: "runSync end to end, no latency, no limit",
          value: perSecond(fast.ms),
          unit: "objects/s",
          baseline: {
            label: "fetching alone (same parallel fetchers)",
            value: perSecond(fetched.ms),
            unit: "objects/s",
          },
          goal: { on: "ratio", op: ">=", target: 0.5 },
        }),
        figure({
          id: "sync.ingest",
          label: `ingestObjects alone on the same pages (as the sync writes them: ${WRITE_BATCH_OBJECTS} objects a transaction, texts and hashes given, no reconcile)`,
          value: perSecond(step.ms),
          unit: "objects/s",
          baseline: { label: "fetching alone", value: perSecond(fetched.ms), unit: "objects/s" },
        }),
        figure({
          id: "sync.floor",
          label: `plain INSERTs of the same rows, ${WRITE_BATCH_OBJECTS} objects a transaction (SQLite's floor)`,
          value: perSecond(floor.ms),
          unit: "objects/s",
          baseline: { label: "fetching alone", value: perSecond(fetched.ms), unit: "objects/s" },
        }),
      ],
      checks,
      notes: [
        `(a) ${(limited.ms / 1000).toFixed(1)} s, ${refused} answers 429, ${limited.report.requests} requests (${(limited.report.requests / (limited.ms / 1000)).toFixed(1)}/s).`,
        `(b) runSync ${(fast.ms / 1000).toFixed(1)} s = ingestObjects ${(step.ms / 1000).toFixed(1)} s + ` +
          `${(overheadMs / 1000).toFixed(1)} s of fetching, serialising, hashing, handing over and parsing ` +
          `not hidden behind the writes; fetching alone ${(fetched.ms / 1000).toFixed(1)} s, ` +
          `plain INSERTs ${(floor.ms / 1000).toFixed(1)} s.`,
        `(b) the machine's cores (${fetched.cpu.cores}, every process): fetching alone ` +
          `${coreSeconds(fetched.cpu)}, runSync ${coreSeconds(fast.cpu)}. At 0.5× runSync would have ` +
          `${((2 * fetched.ms * fetched.cpu.cores) / 1000).toFixed(1)} s of core time in all, fetching's share included.`,
        `Sequential reference sync (one fetcher, no latency): ${(sequential.ms / 1000).toFixed(1)} s.`,
      ],
    };
  } finally {
    await server.stop();
  }
}

export const sync: Benchmark = {
  name: "sync",
  description: "parallel sync at Stripe's latency and rate limit, and end to end vs fetching alone",
  defaultScale: 0.25,
  run,
};
