// My day over a business of 50,000 bookings on the production server: a signed-in walker with 40
// visits today and tomorrow asks for /my-day one request at a time. Reports its server time and
// HTML size; baseline: GET /api/health in the same run.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { DateTime } from "luxon";
import { figure } from "@/bench/report";
import { fillBookings } from "@/bench/support/bookings";
import { migratedDataDir } from "@/bench/support/db";
import { signInCookie } from "@/bench/support/owner";
import { freePort, ROOT, startServe } from "@/bench/support/server";
import { median, p95, scaled } from "@/bench/support/stats";
import type { BenchContext, BenchOutput, Benchmark, Figure } from "@/bench/types";
import { createManualBooking } from "@/lib/bookings/edits";
import { openSqlite } from "@/lib/db/sqlite";

const FULL_BOOKINGS = 50_000;
const VISITS = 40;
const RUNS = 120;
const WARM_UP = 10;
const ZONE = "Europe/London";
const EMAIL = "bench-walker@example.com";
const PASSWORD = "bench walker password";

function createWalkerAccount(dataDir: string, staffId: number): void {
  execFileSync(
    process.execPath,
    [
      "--experimental-wasm-modules",
      "--no-warnings",
      "--import",
      "tsx",
      "cli/index.ts",
      "user:create",
      "--email",
      EMAIL,
      "--role",
      "staff",
      "--staff-id",
      String(staffId),
      "--password-stdin",
    ],
    {
      cwd: ROOT,
      input: PASSWORD,
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "silent", STRIPE_SECRET_KEY: "" },
      stdio: ["pipe", "ignore", "inherit"],
    },
  );
}

async function measure(url: string, cookie: string): Promise<{ times: number[]; maxBytes: number }> {
  const get = async () => {
    const start = performance.now();
    const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
    const body = await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    return { ms: performance.now() - start, bytes: body.byteLength };
  };
  for (let i = 0; i < WARM_UP; i++) await get();
  const times: number[] = [];
  let maxBytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const r = await get();
    times.push(r.ms);
    maxBytes = Math.max(maxBytes, r.bytes);
  }
  return { times, maxBytes };
}

async function run(ctx: BenchContext): Promise<BenchOutput> {
  const scale = ctx.scale ?? myDayBench.defaultScale;
  const bookings = scaled(FULL_BOOKINGS, scale, 500);
  const dataDir = await migratedDataDir(ctx, "my-day");
  const now = new Date();
  const db = openSqlite(path.join(dataDir, "app.db"));
  let walker: number;
  try {
    db.prepare("INSERT OR IGNORE INTO Setting (id, timeZone) VALUES (1, ?)").run(ZONE);
    const { staffIds } = fillBookings(db, {
      bookings,
      clients: Math.max(10, Math.round(bookings / 20)),
      staff: 8,
      from: new Date(now.getTime() - 365 * 86_400_000),
      to: new Date(now.getTime() + 365 * 86_400_000),
      cancelledShare: 0.05,
      now,
    });
    walker = staffIds[0]!;
    // The walker's own two days: everything else of theirs moved to other walkers, then 40 visits
    // today and tomorrow (07:00 on, every 30 minutes), each with a client.
    const day = DateTime.fromJSDate(now, { zone: ZONE }).startOf("day");
    db.prepare("UPDATE Booking SET staffId = ? WHERE staffId = ? AND startAt >= ? AND startAt < ?").run(
      staffIds[1]!,
      walker,
      day.toMillis(),
      day.plus({ days: 2 }).toMillis(),
    );
    const clients = db.prepare("SELECT stripeId FROM Client LIMIT ?").all(VISITS) as { stripeId: string }[];
    for (let i = 0; i < VISITS; i++) {
      const startAt = day.plus({ days: i < VISITS / 2 ? 0 : 1, hours: 7, minutes: 30 * (i % (VISITS / 2)) });
      createManualBooking(
        db,
        {
          title: `Dog Walk (30 min) — visit ${i + 1}`,
          serviceCode: "WALK30",
          startAt: startAt.toJSDate(),
          endAt: startAt.plus({ minutes: 30 }).toJSDate(),
          clientStripeId: clients[i % clients.length]!.stripeId,
          staffId: walker,
        },
        now,
        "bench",
      );
    }
  } finally {
    db.close();
  }
  ctx.progress(`my-day: ${bookings} bookings; creating the walker's account`);
  createWalkerAccount(dataDir, walker);
  const port = await freePort();
  ctx.progress(`my-day: starting the production server on 127.0.0.1:${port}`);
  const { child } = await startServe({
    dataDir,
    port,
    logFile: path.join(dataDir, "server.log"),
    env: { BUSINESS_TIMEZONE: ZONE },
  });
  try {
    const cookie = await signInCookie(child.url, EMAIL, PASSWORD);
    ctx.progress(`my-day: ${RUNS} sequential requests each of /api/health and /my-day`);
    const health = await measure(`${child.url}/api/health`, cookie);
    const page = await measure(`${child.url}/my-day`, cookie);
    const figures: Figure[] = [
      figure({
        id: "my-day.page.median",
        label: "GET /my-day (walker, 40 visits) median",
        value: median(page.times),
        unit: "ms",
        baseline: { label: "GET /api/health median", value: median(health.times), unit: "ms" },
      }),
      figure({
        id: "my-day.page.p95",
        label: "GET /my-day (walker, 40 visits) p95",
        value: p95(page.times),
        unit: "ms",
        baseline: { label: "GET /api/health p95", value: p95(health.times), unit: "ms" },
        goal: { on: "value", op: "<", target: 150 },
      }),
      figure({
        id: "my-day.page.html",
        label: "GET /my-day HTML size",
        value: Math.round(page.maxBytes / 1024),
        unit: "KB",
        baseline: {
          label: "GET /api/health body",
          value: Math.max(1, Math.round(health.maxBytes / 1024)),
          unit: "KB",
        },
      }),
    ];
    return {
      scale,
      sizes: { bookings, visits: VISITS, runs: RUNS },
      figures,
      checks: [
        {
          label: "/my-day HTML under 200 KB",
          ok: page.maxBytes < 200_000,
          detail: `${Math.round(page.maxBytes / 1024)} KB`,
        },
      ],
      notes: [
        "One request at a time from a signed-in walker (session cookie), after an untimed warm-up; the time is the full response over loopback.",
        "40 visits of the walker: 20 today and 20 tomorrow, each with a client (the client file is read per client).",
      ],
    };
  } catch (error) {
    const { readFileSync } = await import("node:fs");
    console.error(readFileSync(path.join(dataDir, "server.log"), "utf8").slice(-3000));
    throw error;
  } finally {
    await child.stop();
  }
}

export const myDayBench: Benchmark = {
  name: "my-day",
  description:
    "a walker's My day (40 visits) in a business of 50,000 bookings on the production server, vs /api/health",
  defaultScale: 1,
  run,
};
