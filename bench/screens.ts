// The staff screens over 50,000 bookings on the production server: the schedule's week view,
// its polling endpoint and the bookings list (first page, a deep page, a client search), each
// requested one at a time by a signed-in owner. Baseline: GET /api/health in the same run.
// Also checks every bookings-list page stays under 200 KB of HTML.
import path from "node:path";
import { figure } from "@/bench/report";
import { fillBookings } from "@/bench/support/bookings";
import { migratedDataDir } from "@/bench/support/db";
import { createOwnerAccount, signInCookie } from "@/bench/support/owner";
import { freePort, startServe } from "@/bench/support/server";
import { median, p95, scaled } from "@/bench/support/stats";
import type { BenchContext, BenchOutput, Benchmark, Check, Figure } from "@/bench/types";
import { openSqlite } from "@/lib/db/sqlite";
import { localDate } from "@/lib/schedule/time";

const FULL_BOOKINGS = 50_000;
const RUNS = 120;
const WARM_UP = 10;
const ZONE = "Europe/London";
const EMAIL = "bench-owner@example.com";
const PASSWORD = "bench owner password";

async function timedGet(url: string, cookie: string): Promise<{ ms: number; bytes: number; status: number }> {
  const start = performance.now();
  const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
  const body = await response.arrayBuffer();
  return { ms: performance.now() - start, bytes: body.byteLength, status: response.status };
}

async function measure(
  url: string,
  cookie: string,
  runs: number,
): Promise<{ times: number[]; maxBytes: number }> {
  for (let i = 0; i < WARM_UP; i++) await timedGet(url, cookie);
  const times: number[] = [];
  let maxBytes = 0;
  for (let i = 0; i < runs; i++) {
    const r = await timedGet(url, cookie);
    if (r.status !== 200) throw new Error(`${url} answered ${r.status}`);
    times.push(r.ms);
    maxBytes = Math.max(maxBytes, r.bytes);
  }
  return { times, maxBytes };
}

async function run(ctx: BenchContext): Promise<BenchOutput> {
  const scale = ctx.scale ?? screens.defaultScale;
  const bookings = scaled(FULL_BOOKINGS, scale, 500);
  const dataDir = await migratedDataDir(ctx, "screens");
  const now = new Date();
  // Two years of visits (one back, one ahead): ~480 a week at full size.
  const db = openSqlite(path.join(dataDir, "app.db"));
  db.prepare("INSERT OR IGNORE INTO Setting (id, timeZone) VALUES (1, ?)").run(ZONE);
  fillBookings(db, {
    bookings,
    clients: Math.max(10, Math.round(bookings / 20)),
    staff: 8,
    from: new Date(now.getTime() - 365 * 86_400_000),
    to: new Date(now.getTime() + 365 * 86_400_000),
    cancelledShare: 0.05,
    now,
  });
  const someClient = (db.prepare("SELECT name FROM Client LIMIT 1 OFFSET 7").get() as { name: string }).name;
  db.close();
  ctx.progress(`screens: ${bookings} bookings; creating the owner account`);
  createOwnerAccount(dataDir, EMAIL, PASSWORD);
  const port = await freePort();
  ctx.progress(`screens: starting the production server on 127.0.0.1:${port}`);
  const { child } = await startServe({
    dataDir,
    port,
    logFile: path.join(dataDir, "server.log"),
    env: { BUSINESS_TIMEZONE: ZONE },
  });
  try {
    const cookie = await signInCookie(child.url, EMAIL, PASSWORD);
    const today = localDate(now, ZONE);
    const targets: { id: string; label: string; path: string }[] = [
      {
        id: "schedule.week",
        label: "GET /schedule (week view, HTML)",
        path: `/schedule?view=week&date=${today}`,
      },
      {
        id: "schedule.poll",
        label: "GET /api/staff/schedule (week, the polling JSON)",
        path: `/api/staff/schedule?view=week&date=${today}`,
      },
      { id: "bookings.first", label: "GET /bookings (first page)", path: "/bookings" },
      { id: "bookings.deep", label: "GET /bookings?tab=all&page=500", path: "/bookings?tab=all&page=500" },
      {
        id: "bookings.search",
        label: "GET /bookings?q=<client name>",
        path: `/bookings?tab=all&q=${encodeURIComponent(someClient.split(" ")[0] ?? someClient)}`,
      },
    ];
    ctx.progress(`screens: ${RUNS} sequential requests each of /api/health and ${targets.length} screens`);
    const health = await measure(`${child.url}/api/health`, cookie, RUNS);
    const baseline = { label: "GET /api/health p95", value: p95(health.times), unit: "ms" };
    const figures: Figure[] = [];
    const checks: Check[] = [];
    for (const t of targets) {
      const m = await measure(`${child.url}${t.path}`, cookie, RUNS);
      figures.push(
        figure({
          id: `screens.${t.id}.median`,
          label: `${t.label} median`,
          value: median(m.times),
          unit: "ms",
          baseline: { label: "GET /api/health median", value: median(health.times), unit: "ms" },
        }),
        figure({
          id: `screens.${t.id}.p95`,
          label: `${t.label} p95`,
          value: p95(m.times),
          unit: "ms",
          baseline,
          goal: { on: "value", op: "<", target: 150 },
        }),
      );
      if (t.id.startsWith("bookings"))
        checks.push({
          label: `${t.path} HTML under 200 KB`,
          ok: m.maxBytes < 200_000,
          detail: `${Math.round(m.maxBytes / 1024)} KB`,
        });
      else checks.push({ label: `${t.path} size`, ok: true, detail: `${Math.round(m.maxBytes / 1024)} KB` });
    }
    return {
      scale,
      sizes: { bookings, runs: RUNS, weekBookings: Math.round(bookings / 104) },
      figures,
      checks,
      notes: [
        "One request at a time from a signed-in owner (session cookie), after an untimed warm-up; the time is the full response over loopback.",
        "Bookings spread over two years (one back, one ahead); the week view shows about 1/104 of them.",
      ],
    };
  } finally {
    await child.stop();
  }
}

export const screens: Benchmark = {
  name: "screens",
  description:
    "schedule week view and bookings list over 50,000 bookings on the production server, vs /api/health",
  defaultScale: 1,
  run,
};
