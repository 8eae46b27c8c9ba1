// GET /api/v1/bookings on the production server with 50,000 bookings in the database: p50/p99
// of the first page (default 50) and of a filtered page (one walker, a month), each against
// GET /api/health under the same load shape in the same run. Authenticated with an API token.
import path from "node:path";
import { figure } from "@/bench/report";
import { migratedDataDir } from "@/bench/support/db";
import { fillBookings } from "@/bench/support/bookings";
import { constantRequest, runLoad } from "@/bench/support/load";
import { freePort, startServe } from "@/bench/support/server";
import { scaled } from "@/bench/support/stats";
import { createApiToken } from "@/lib/auth/tokens";
import { createPrisma } from "@/lib/db/prisma";
import { openSqlite } from "@/lib/db/sqlite";
import type { RequestSpec } from "autocannon";
import type { BenchContext, BenchOutput, Benchmark } from "@/bench/types";

const FULL_BOOKINGS = 50_000;
const REQUESTS = 2_000;
const CONNECTIONS = 10;
const DAY = 86_400_000;

async function token(file: string, now: Date): Promise<string> {
  const db = createPrisma(file);
  try {
    return (await createApiToken(db, { name: "bench", scope: "read" }, { actor: "bench", now })).token;
  } finally {
    await db.$disconnect();
  }
}

async function run(ctx: BenchContext): Promise<BenchOutput> {
  const scale = ctx.scale ?? apiV1.defaultScale;
  const bookings = scaled(FULL_BOOKINGS, scale, 1000);
  const dataDir = await migratedDataDir(ctx, "api-v1");
  const file = path.join(dataDir, "app.db");
  const db = openSqlite(file);
  let staffId: number;
  try {
    ctx.progress(`api-v1: writing ${bookings} bookings`);
    const { staffIds } = fillBookings(db, {
      bookings,
      clients: Math.max(100, Math.round(bookings / 25)),
      staff: 10,
      from: new Date(ctx.now.getTime() - 60 * DAY),
      to: new Date(ctx.now.getTime() + 300 * DAY),
      cancelledShare: 0.05,
      now: ctx.now,
    });
    staffId = staffIds[0] ?? 1;
  } finally {
    db.close();
  }
  const bearer = await token(file, ctx.now);
  const port = await freePort();
  ctx.progress(`api-v1: starting the production server on 127.0.0.1:${port}`);
  const { child } = await startServe({
    dataDir,
    port,
    logFile: path.join(dataDir, "server.log"),
    env: { API_RATE_LIMIT_PER_MINUTE: "1000000" },
  });
  const authed = (url: string): (() => RequestSpec) => {
    const request: RequestSpec = { method: "GET", path: url, headers: { authorization: `Bearer ${bearer}` } };
    return () => request;
  };
  const from = new Date(ctx.now.getTime()).toISOString();
  const to = new Date(ctx.now.getTime() + 30 * DAY).toISOString();
  const filtered = `/api/v1/bookings?staffId=${staffId}&from=${from}&to=${to}&limit=50`;
  const shape = { connections: CONNECTIONS, amount: REQUESTS };
  try {
    // Untimed warm-up: Next compiles each route on first use.
    await runLoad(child.url, { connections: 2, amount: 100 }, authed("/api/v1/bookings"));
    await runLoad(child.url, { connections: 2, amount: 100 }, authed(filtered));
    await runLoad(child.url, { connections: 2, amount: 100 }, constantRequest("/api/health"));
    ctx.progress("api-v1: GET /api/health");
    const health = await runLoad(child.url, shape, constantRequest("/api/health"));
    ctx.progress("api-v1: GET /api/v1/bookings");
    const list = await runLoad(child.url, shape, authed("/api/v1/bookings"));
    ctx.progress("api-v1: GET /api/v1/bookings (one walker, 30 days)");
    const walker = await runLoad(child.url, shape, authed(filtered));
    for (const [name, result] of [
      ["health", health],
      ["list", list],
      ["filtered", walker],
    ] as const) {
      if (result.failures > 0) throw new Error(`${name}: ${result.failures} failed requests`);
    }
    const baseline = { label: "GET /api/health p99 (same load)", value: health.p99, unit: "ms" };
    return {
      sizes: { bookings, requests: REQUESTS, connections: CONNECTIONS },
      scale,
      figures: [
        figure({
          id: "api-v1.bookings.p99",
          label: "GET /api/v1/bookings (first page of 50) p99",
          value: list.p99,
          unit: "ms",
          baseline,
        }),
        figure({
          id: "api-v1.bookings.p50",
          label: "GET /api/v1/bookings (first page of 50) p50",
          value: list.p50,
          unit: "ms",
          baseline: { label: "GET /api/health p50 (same load)", value: health.p50, unit: "ms" },
        }),
        figure({
          id: "api-v1.bookings-filtered.p99",
          label: "GET /api/v1/bookings?staffId&from&to p99",
          value: walker.p99,
          unit: "ms",
          baseline,
        }),
        figure({
          id: "api-v1.bookings.throughput",
          label: "GET /api/v1/bookings throughput",
          value: list.perSecond,
          unit: "req/s",
          baseline: { label: "GET /api/health throughput", value: health.perSecond, unit: "req/s" },
        }),
      ],
    };
  } finally {
    await child.stop();
  }
}

export const apiV1: Benchmark = {
  name: "api-v1",
  description: "GET /api/v1/bookings p99 with 50,000 bookings vs GET /api/health (same run)",
  defaultScale: 1,
  run,
};
