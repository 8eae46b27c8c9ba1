// How cost per object grows with size: ingest (step alone), webhooks (send → applied) and feed
// generation at 1×, 4× and 16× a small base. Each figure is the per-object cost at k× with the
// 1× cost as its baseline: a ratio near 1 means linear growth, above 1 worse than linear.
import path from "node:path";
import { figure } from "@/bench/report";
import { freshDb, migratedDataDir } from "@/bench/support/db";
import { feedFixture, generateFeed } from "@/bench/feed";
import { runLoad } from "@/bench/support/load";
import { freePort, startServe } from "@/bench/support/server";
import { median, scaled, timed } from "@/bench/support/stats";
import { buildEventPool, sequence, signPool, type EventPool } from "@/bench/support/webhook-events";
import {
  countClients,
  openReadOnly,
  verifyPools,
  waitUntilApplied,
  type ReadOnlyDb,
} from "@/bench/support/webhook-state";
import type { BenchContext, BenchOutput, Benchmark, Check, Figure } from "@/bench/types";
import { clearBodyCache } from "@/lib/calendar/body-cache";
import { PAGE_SIZE } from "@/lib/stripe/fetch";
import { ingestObjects } from "@/lib/stripe/ingest";
import { generateAccount } from "@/lib/stripe-fixtures/generate";

const FACTORS = [1, 4, 16] as const;
const SECRET = "whsec_bench";
const BASE = { customers: 40, webhookEvents: 100, bookings: 500 };
/** Linear within noise; the threshold is ours, the brief only says ≈ 1. */
const LINEAR_ENOUGH = 1.5;

/** Cost per object (µs) at each factor. */
type Costs = Map<number, number>;

function costFigures(id: string, what: string, unit: string, costs: Costs): Figure[] {
  const base = costs.get(1) ?? Number.NaN;
  return FACTORS.filter((k) => k !== 1).map((k) =>
    figure({
      id: `growth.${id}.${k}x`,
      label: `${what} at ${k}×`,
      value: costs.get(k) ?? Number.NaN,
      unit,
      baseline: { label: `${what} at 1×`, value: base, unit },
      ...(k === 16 ? { goal: { on: "ratio" as const, op: "<=" as const, target: LINEAR_ENOUGH } } : {}),
    }),
  );
}

async function ingestCosts(ctx: BenchContext, customers: number): Promise<Costs> {
  const costs: Costs = new Map();
  // One untimed pass first: the JIT and the code paths warm up before any size is measured.
  await ingestPass(ctx, customers, 1, 1);
  for (const k of FACTORS) costs.set(k, await ingestPass(ctx, customers, k, 16 / k));
  return costs;
}

/** µs per object of `reps` ingests (fresh database each) of an account of `customers × k`. */
async function ingestPass(ctx: BenchContext, customers: number, k: number, reps: number): Promise<number> {
  const account = generateAccount({
    customers: customers * k,
    subscriptionsPerCustomer: 2,
    invoicesPerCustomer: 10,
    seed: 5,
    now: ctx.now,
  });
  const items = Object.values(account)
    .flat()
    .map((object: unknown) => ({ object, sourceAt: ctx.now }));
  let ms = 0;
  for (let rep = 0; rep < reps; rep++) {
    const { db } = await freshDb(ctx, `growth-ingest-${k}`);
    ms += timed(() => {
      for (let i = 0; i < items.length; i += PAGE_SIZE) {
        ingestObjects(db, items.slice(i, i + PAGE_SIZE), { now: ctx.now, reconcile: false });
      }
    }).ms;
    db.close();
  }
  return (ms * 1000) / (items.length * reps);
}

/** Sends a pool with 10 connections and waits until every event is applied; returns the ms taken. */
async function sendAndApply(url: string, db: ReadOnlyDb, pool: EventPool): Promise<number> {
  const start = performance.now();
  const requests = signPool(pool, SECRET);
  const load = await runLoad(url, { connections: 10, amount: requests.length }, sequence(requests));
  const waited = await waitUntilApplied(db, [pool], 120_000);
  if (load.failures > 0 || waited === null) {
    throw new Error(
      `webhooks ${pool.tag}: ${load.failures} failed requests, all applied: ${waited !== null}`,
    );
  }
  return performance.now() - start;
}

async function webhookCosts(ctx: BenchContext, events: number): Promise<{ costs: Costs; checks: Check[] }> {
  const dataDir = await migratedDataDir(ctx, "growth-webhooks");
  const { child } = await startServe({
    dataDir,
    port: await freePort(),
    logFile: path.join(dataDir, "server.log"),
  });
  const db = openReadOnly(path.join(dataDir, "app.db"));
  try {
    const clientsBefore = countClients(db);
    const pool = (tag: string, distinct: number, seed: number) =>
      buildEventPool({ tag, distinct, duplicateShare: 0.5, now: new Date(), seed });
    // Untimed warm-up: the server compiles the route and its code paths on first use.
    const pools: EventPool[] = [pool("bgrwarm", events, 29)];
    await sendAndApply(child.url, db, pools[0] as EventPool);
    const costs: Costs = new Map();
    for (const k of FACTORS) {
      const measured = pool(`bgr${k}x`, events * k, 30 + k);
      pools.push(measured);
      costs.set(k, ((await sendAndApply(child.url, db, measured)) * 1000) / measured.eventIds.length);
    }
    return { costs, checks: verifyPools(db, pools, clientsBefore) };
  } finally {
    db.close();
    await child.stop();
  }
}

async function feedCosts(ctx: BenchContext, bookings: number): Promise<Costs> {
  const costs: Costs = new Map();
  for (const k of FACTORS) {
    const f = await feedFixture(ctx, bookings * k, `growth-feed-${k}`);
    try {
      const runs = Array.from({ length: Math.max(3, 16 / k) }, () => {
        clearBodyCache();
        return timed(() => generateFeed(f, ctx.now)).ms;
      });
      costs.set(k, (median(runs) * 1000) / (bookings * k));
    } finally {
      f.close();
    }
  }
  return costs;
}

async function run(ctx: BenchContext): Promise<BenchOutput> {
  const scale = ctx.scale ?? growth.defaultScale;
  const base = {
    customers: scaled(BASE.customers, scale, 2),
    webhookEvents: scaled(BASE.webhookEvents, scale, 20),
    bookings: scaled(BASE.bookings, scale, 50),
  };
  ctx.progress(`growth: ingest at ${FACTORS.join("×, ")}× ${base.customers} customers`);
  const ingest = await ingestCosts(ctx, base.customers);
  ctx.progress(`growth: webhooks at ${FACTORS.join("×, ")}× ${base.webhookEvents} distinct events`);
  const hooks = await webhookCosts(ctx, base.webhookEvents);
  ctx.progress(`growth: feed generation at ${FACTORS.join("×, ")}× ${base.bookings} bookings`);
  const feed = await feedCosts(ctx, base.bookings);
  return {
    scale,
    sizes: {
      factors: FACTORS.join("/"),
      ingestBaseCustomers: base.customers,
      webhookBaseEvents: base.webhookEvents,
      feedBaseBookings: base.bookings,
    },
    figures: [
      ...costFigures("ingest", "ingest per object", "µs", ingest),
      ...costFigures("webhooks", "webhook send → applied per event", "µs", hooks.costs),
      ...costFigures("feed", "feed generation per booking", "µs", feed),
    ],
    checks: hooks.checks,
    notes: [
      "Ingest: 1× runs 16 times and 4× 4 times (fresh database each), so each size handles the same number of objects.",
      "Webhooks: one server; the sizes run one after another (50% redeliveries), so 16× lands on the data of 1× and 4×.",
      "Feed: median of max(3, 16/k) generations, body cache emptied before each.",
    ],
  };
}

export const growth: Benchmark = {
  name: "growth",
  description: "per-object cost of ingest, webhooks and feed generation at 1×, 4×, 16× a small base",
  defaultScale: 1,
  run,
};
