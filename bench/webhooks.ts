// Webhook intake of the production server: saturation throughput and latency, latency at a fixed
// 200 events/s, then proof that nothing was lost or doubled. Baseline: GET /api/health under
// the same load shape (same connections, same number of requests, same rate).
import path from "node:path";
import { figure } from "@/bench/report";
import { migratedDataDir } from "@/bench/support/db";
import { constantRequest, runLoad, type LoadResult, type LoadShape } from "@/bench/support/load";
import { freePort, startServe } from "@/bench/support/server";
import { scaled } from "@/bench/support/stats";
import { buildEventPool, sequence, signPool, type EventPool } from "@/bench/support/webhook-events";
import {
  countClients,
  openReadOnly,
  verifyPools,
  waitUntilApplied,
  waitUntilReceivedApplied,
  type ReadOnlyDb,
} from "@/bench/support/webhook-state";
import type { BenchContext, BenchOutput, Benchmark, Figure } from "@/bench/types";
import { openSqlite } from "@/lib/db/sqlite";
import { eventSchema } from "@/lib/stripe/schemas";
import { storeWebhook } from "@/lib/webhooks/receive";

const SECRET = "whsec_bench";
const FULL_SATURATION_EVENTS = 10_000;
const FIXED_RATE = 200;
const FIXED_SECONDS = 10;
const CONNECTIONS = 10;
const DRAIN_TIMEOUT_MS = 180_000;
const WARM_UP_EVENTS = 200;
const FULL_BACKLOG_EVENTS = 20_000;

const health = constantRequest("/api/health");

function phaseFigures(
  id: string,
  name: string,
  events: LoadResult,
  base: LoadResult,
  rate: boolean,
): Figure[] {
  const baseline = (label: string, value: number, unit: string) => ({
    label: `GET /api/health ${label}`,
    value,
    unit,
  });
  const figures = [
    figure({
      id: `${id}.p50`,
      label: `${name} p50 latency`,
      value: events.p50,
      unit: "ms",
      baseline: baseline("p50", base.p50, "ms"),
    }),
    figure({
      id: `${id}.p99`,
      label: `${name} p99 latency`,
      value: events.p99,
      unit: "ms",
      baseline: baseline("p99", base.p99, "ms"),
      ...(rate ? { goal: { on: "value" as const, op: "<" as const, target: 50 } } : {}),
    }),
  ];
  if (!rate) {
    figures.unshift(
      figure({
        id: `${id}.throughput`,
        label: `${name} throughput (deliveries, half of them redeliveries)`,
        value: events.perSecond,
        unit: "events/s",
        baseline: baseline("throughput", base.perSecond, "req/s"),
        goal: { on: "ratio", op: ">=", target: 0.9 },
      }),
    );
  }
  return figures;
}

/** Sends a pool without waiting for the worker; returns the load result and when sending began. */
async function send(
  ctx: BenchContext,
  url: string,
  pool: EventPool,
  shape: LoadShape,
): Promise<{ events: LoadResult; base: LoadResult; start: number }> {
  ctx.progress(
    `webhooks: baseline GET /api/health × ${shape.amount}${shape.overallRate ? ` at ${shape.overallRate}/s` : ""}`,
  );
  const base = await runLoad(url, shape, health);
  ctx.progress(`webhooks: ${pool.order.length} deliveries (${pool.eventIds.length} distinct)`);
  const requests = signPool(pool, SECRET);
  const start = performance.now();
  const events = await runLoad(url, shape, sequence(requests));
  if (events.failures > 0 || base.failures > 0) {
    throw new Error(`failed requests: ${events.failures} deliveries, ${base.failures} health checks`);
  }
  return { events, base, start };
}

async function applied(db: ReadOnlyDb, pool: EventPool): Promise<number> {
  const waited = await waitUntilApplied(db, [pool], DRAIN_TIMEOUT_MS);
  if (waited === null) throw new Error(`events of ${pool.tag} not applied within ${DRAIN_TIMEOUT_MS} ms`);
  return performance.now();
}

async function run(ctx: BenchContext): Promise<BenchOutput> {
  const scale = ctx.scale ?? webhooks.defaultScale;
  const distinct = scaled(FULL_SATURATION_EVENTS, scale, 100);
  const backlogSize = scaled(FULL_BACKLOG_EVENTS, scale, 100);
  const dataDir = await migratedDataDir(ctx, "webhooks");
  const port = await freePort();
  ctx.progress(`webhooks: starting the production server on 127.0.0.1:${port}`);
  const { child } = await startServe({ dataDir, port, logFile: path.join(dataDir, "server.log") });
  const db = openReadOnly(path.join(dataDir, "app.db"));
  try {
    const clientsBefore = countClients(db);
    // Untimed warm-up: Next compiles each route and its code paths on first use.
    const warm = buildEventPool({
      tag: "bwarm",
      distinct: WARM_UP_EVENTS,
      duplicateShare: 0.5,
      now: new Date(),
      seed: 6,
    });
    await send(ctx, child.url, warm, { connections: CONNECTIONS, amount: warm.order.length });
    await applied(db, warm);

    const fixedShape = {
      connections: CONNECTIONS,
      amount: FIXED_RATE * FIXED_SECONDS,
      overallRate: FIXED_RATE,
    };
    ctx.progress(`webhooks: baseline GET /api/health at ${FIXED_RATE}/s on the idle server`);
    const fixedBase = await runLoad(child.url, fixedShape, health);

    const saturation = buildEventPool({ tag: "bsat", distinct, duplicateShare: 0.5, now: new Date() });
    const sat = await send(ctx, child.url, saturation, {
      connections: CONNECTIONS,
      amount: saturation.order.length,
    });
    const satApplied = await applied(db, saturation);

    // A backlog, as a bulk change in Stripe leaves it: events stored faster than they are
    // applied (written straight into the server's database here, as its route would), then
    // deliveries at 200/s while the worker applies them; the first one wakes the worker.
    const backlog = buildEventPool({
      tag: "bback",
      distinct: backlogSize,
      duplicateShare: 0,
      now: new Date(),
      seed: 9,
    });
    ctx.progress(`webhooks: storing a backlog of ${backlog.eventIds.length} pending events`);
    const writer = openSqlite(path.join(dataDir, "app.db"));
    const storedAt = new Date();
    writer.transaction(() => {
      for (const body of backlog.bodies)
        storeWebhook(writer, eventSchema.parse(JSON.parse(body)), body, storedAt);
    })();
    writer.close();
    const fixed = buildEventPool({
      tag: "bfix",
      distinct: (FIXED_RATE * FIXED_SECONDS) / 2,
      duplicateShare: 0.5,
      now: new Date(),
      seed: 8,
    });
    ctx.progress(
      `webhooks: ${fixed.order.length} deliveries at ${FIXED_RATE}/s while the backlog is applied`,
    );
    const drainStart = performance.now();
    const drained = waitUntilReceivedApplied(db, storedAt.getTime(), DRAIN_TIMEOUT_MS).then((waited) => {
      if (waited === null) throw new Error(`the backlog was not applied within ${DRAIN_TIMEOUT_MS} ms`);
      return performance.now();
    });
    drained.catch(() => undefined); // awaited after the fixed-rate phase
    const rate = await runLoad(child.url, fixedShape, sequence(signPool(fixed, SECRET)));
    if (rate.failures > 0) throw new Error(`failed requests: ${rate.failures} deliveries at ${FIXED_RATE}/s`);
    const drainMs = (await drained) - drainStart;
    await applied(db, backlog); // the full per-event check, once the timed phase is over
    await applied(db, fixed);

    const figures = [
      ...phaseFigures("webhooks.saturation", "saturation", sat.events, sat.base, false),
      figure({
        id: "webhooks.saturation.applied",
        label: "saturation: distinct events applied (first delivery → all processed)",
        value: saturation.eventIds.length / ((satApplied - sat.start) / 1000),
        unit: "events/s",
        baseline: {
          label: "distinct events accepted",
          value: (sat.events.perSecond * saturation.eventIds.length) / saturation.order.length,
          unit: "events/s",
        },
      }),
      figure({
        id: "webhooks.backlog.applied",
        label: `backlog of ${backlog.eventIds.length} events: applied by the worker (200/s deliveries meanwhile)`,
        value: backlog.eventIds.length / (drainMs / 1000),
        unit: "events/s",
        baseline: {
          label: "distinct events accepted at saturation",
          value: (sat.events.perSecond * saturation.eventIds.length) / saturation.order.length,
          unit: "events/s",
        },
        goal: { on: "value", op: ">=", target: 1000 },
      }),
      figure({
        id: "webhooks.backlog.drain",
        label: `backlog of ${backlog.eventIds.length} events: drain time`,
        value: drainMs,
        unit: "ms",
        baseline: {
          label: `the ${FIXED_SECONDS} s of 200/s deliveries`,
          value: rate.seconds * 1000,
          unit: "ms",
        },
      }),
      ...phaseFigures("webhooks.fixed", `fixed ${FIXED_RATE}/s during the backlog`, rate, fixedBase, true),
    ];
    return {
      scale,
      sizes: {
        saturationRequests: saturation.order.length,
        saturationDistinct: saturation.eventIds.length,
        fixedRequests: fixed.order.length,
        fixedRatePerSecond: FIXED_RATE,
        connections: CONNECTIONS,
        duplicates: "50%",
        backlog: backlog.eventIds.length,
      },
      figures,
      checks: verifyPools(db, [warm, saturation, backlog, fixed], clientsBefore),
      notes: [
        "Server: server/serve.ts (production build) in demo mode, its demo business as background data; load generator in the same machine.",
        "Latency is per HTTP request (verify signature + store once + answer); events are applied afterwards by the in-process worker, in batches of about 12 ms of CPU time and at most ~17 ms wall time each (commit included), yielding to incoming requests between batches.",
        `The fixed-rate phase starts with ${backlog.eventIds.length} events pending (stored straight into the database) and lasts ${rate.seconds.toFixed(1)} s; the backlog drained in ${(drainMs / 1000).toFixed(1)} s. Its health baseline ran at the same rate on the idle server.`,
        `An untimed warm-up of ${WARM_UP_EVENTS} events (and as many health checks) runs first; the server logs at info, as in production.`,
      ],
    };
  } finally {
    db.close();
    await child.stop();
  }
}

export const webhooks: Benchmark = {
  name: "webhooks",
  description:
    "POST /api/stripe/webhook on the production server: saturation, fixed 200/s, nothing lost or doubled",
  defaultScale: 0.5,
  run,
};
