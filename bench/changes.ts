// The changes feed on the production server with 50,000 bookings, 8 walkers (~5,000 each):
// a walker phone's first full sync (GET /api/v1/changes, 200 a page, to the end: time and
// bytes, against as many GET /api/health requests in a row and the objects' own JSON); and SSE
// fan-out: 50 streams of that walker open, one PATCH of their booking, the time until each
// stream has the event (p50/p99 over 20 rounds), against GET /api/health 50 at once, same run.
import http from "node:http";
import path from "node:path";
import { figure } from "@/bench/report";
import { migratedDataDir } from "@/bench/support/db";
import { fillBookings } from "@/bench/support/bookings";
import { freePort, startServe } from "@/bench/support/server";
import { quantile, scaled } from "@/bench/support/stats";
import { createApiToken } from "@/lib/auth/tokens";
import { createPrisma } from "@/lib/db/prisma";
import { openSqlite } from "@/lib/db/sqlite";
import type { BenchContext, BenchOutput, Benchmark } from "@/bench/types";

const FULL_BOOKINGS = 50_000;
const WALKERS = 8;
const STREAMS = 50;
const ROUNDS = 20;
const DAY = 86_400_000;
/** A stream without the change after this long has missed it (the fallback poll is 500 ms). */
const MISS_MS = 5_000;

async function tokens(file: string, now: Date, staffId: number) {
  const db = createPrisma(file);
  try {
    const make = async (name: string, scope: "read" | "write", staff?: number) =>
      (await createApiToken(db, { name, scope, staffId: staff }, { actor: "bench", now })).token;
    return { walker: await make("walker", "read", staffId), owner: await make("owner", "write") };
  } finally {
    await db.$disconnect();
  }
}

/**
 * fillBookings writes rows directly: log them as the writers would (one head per booking), and
 * record each one's walker as the deriver would (derivedStaffId). Without it an edit of a derived
 * booking recomputes its walker as "none": the PATCH of the fan-out rounds would take the booking
 * away from the walker, whose streams then get a `remove` without the marker, never the edit.
 */
function logFilled(file: string): void {
  const db = openSqlite(file);
  try {
    db.transaction(() => {
      db.exec("UPDATE Booking SET derivedStaffId = staffId WHERE derivedStaffId IS NULL");
      db.exec(`INSERT INTO ChangeLog (seq, entity, entityId, op, at)
        SELECT (SELECT seq FROM ChangeCounter WHERE id = 1) + ROW_NUMBER() OVER (ORDER BY id), 'booking', id, 'upsert', 0
        FROM Booking WHERE id NOT IN (SELECT entityId FROM ChangeLog WHERE entity = 'booking')`);
      db.exec("UPDATE ChangeCounter SET seq = (SELECT max(seq) FROM ChangeLog) WHERE id = 1");
    })();
  } finally {
    db.close();
  }
}

async function fullSync(url: string, token: string) {
  let cursor: string | undefined;
  let bytes = 0;
  let requests = 0;
  let bookings = 0;
  let clients = 0;
  /** The objects' own JSON, without the feed's envelope (seq, op, cursors). */
  let payload = 0;
  const start = performance.now();
  for (;;) {
    const query = new URLSearchParams({ limit: "200", ...(cursor ? { cursor } : {}) });
    const response = await fetch(`${url}/api/v1/changes?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`changes: ${response.status} ${text}`);
    bytes += Buffer.byteLength(text);
    requests += 1;
    const page = JSON.parse(text) as {
      data: { entity: string; booking?: unknown; client?: unknown }[];
      nextCursor: string | null;
      pollCursor: string;
      hasMore: boolean;
    };
    bookings += page.data.filter((c) => c.entity === "booking").length;
    clients += page.data.filter((c) => c.entity === "client").length;
    for (const c of page.data) payload += Buffer.byteLength(JSON.stringify(c.booking ?? c.client ?? null));
    if (!page.hasMore)
      return {
        ms: performance.now() - start,
        bytes,
        payload,
        requests,
        bookings,
        clients,
        cursor: page.pollCursor,
      };
    cursor = page.nextCursor!;
  }
}

async function patchNotes(url: string, token: string, id: number, notes: string): Promise<void> {
  const response = await fetch(`${url}/api/v1/bookings/${id}`, {
    method: "PATCH",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ notes }),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`PATCH: ${response.status} ${text}`);
}

async function healthRun(url: string, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const start = performance.now();
    await (await fetch(`${url}/api/health`)).text();
    times.push(performance.now() - start);
  }
  return times;
}

/** `rounds` rounds of `concurrency` GET /api/health at once: each request's time. */
async function healthConcurrent(url: string, concurrency: number, rounds: number): Promise<number[]> {
  const times: number[] = [];
  for (let round = 0; round < rounds; round += 1)
    times.push(...(await Promise.all(Array.from({ length: concurrency }, () => healthRun(url, 1)))).flat());
  return times;
}

/**
 * One open stream on its own connection (node:http, no agent: fetch's shared pool would queue
 * long-lived streams behind each other). `waitFor(marker)` resolves with the arrival time of the
 * first event carrying the marker, or rejects when the stream ends or `timeoutMs` passes.
 */
function openStream(url: string, token: string, cursor: string) {
  return new Promise<{ waitFor: (marker: string, timeoutMs: number) => Promise<number>; close: () => void }>(
    (resolveOpen, rejectOpen) => {
      let buffer = "";
      let ended: Error | undefined;
      let waiting: { marker: string; resolve: (at: number) => void; reject: (e: Error) => void } | undefined;
      const fail = (error: Error) => {
        ended ??= error;
        waiting?.reject(error);
        waiting = undefined;
      };
      const request = http.get(
        `${url}/api/v1/changes/stream?cursor=${cursor}`,
        { agent: false, headers: { authorization: `Bearer ${token}` } },
        (response) => {
          if (response.statusCode !== 200) {
            response.resume();
            rejectOpen(new Error(`stream: ${response.statusCode}`));
            return;
          }
          response.setEncoding("utf8");
          response.on("data", (chunk: string) => {
            buffer += chunk;
            if (waiting && buffer.includes(waiting.marker)) {
              const done = waiting;
              waiting = undefined;
              buffer = "";
              done.resolve(performance.now());
            }
            if (!waiting) buffer = buffer.slice(-200);
          });
          response.on("end", () => fail(new Error("the stream ended")));
          response.on("error", fail);
          resolveOpen({
            waitFor: (marker, timeoutMs) =>
              new Promise<number>((resolve, reject) => {
                if (ended) return reject(ended);
                buffer = "";
                const timer = setTimeout(() => {
                  waiting = undefined;
                  reject(new Error(`no event within ${timeoutMs} ms`));
                }, timeoutMs);
                waiting = {
                  marker,
                  resolve: (at) => (clearTimeout(timer), resolve(at)),
                  reject: (e) => (clearTimeout(timer), reject(e)),
                };
              }),
            close: () => request.destroy(),
          });
        },
      );
      request.on("error", (error) => {
        fail(error);
        rejectOpen(error);
      });
    },
  );
}

async function run(ctx: BenchContext): Promise<BenchOutput> {
  const scale = ctx.scale ?? changes.defaultScale;
  const total = scaled(FULL_BOOKINGS, scale, 1000);
  const dataDir = await migratedDataDir(ctx, "changes");
  const file = path.join(dataDir, "app.db");
  const db = openSqlite(file);
  let staffId: number;
  let bookingId: number;
  try {
    ctx.progress(`changes: writing ${total} bookings for ${WALKERS} walkers`);
    const { staffIds } = fillBookings(db, {
      bookings: total,
      clients: Math.max(100, Math.round(total / 25)),
      staff: WALKERS,
      from: new Date(ctx.now.getTime() - 60 * DAY),
      to: new Date(ctx.now.getTime() + 300 * DAY),
      cancelledShare: 0.05,
      now: ctx.now,
    });
    staffId = staffIds[0]!;
    bookingId = (
      db.prepare("SELECT id FROM Booking WHERE staffId = ? LIMIT 1").get(staffId) as { id: number }
    ).id;
  } finally {
    db.close();
  }
  logFilled(file);
  const scoped = (() => {
    const check = openSqlite(file);
    try {
      return (
        check.prepare("SELECT count(*) AS n FROM Booking WHERE staffId = ?").get(staffId) as { n: number }
      ).n;
    } finally {
      check.close();
    }
  })();
  const keys = await tokens(file, ctx.now, staffId);
  const port = await freePort();
  ctx.progress(`changes: starting the production server on 127.0.0.1:${port}`);
  const { child } = await startServe({
    dataDir,
    port,
    logFile: path.join(dataDir, "server.log"),
    env: { API_RATE_LIMIT_PER_MINUTE: "1000000" },
  });
  try {
    await fullSync(child.url, keys.walker); // warm-up: Next compiles the route on first use
    await healthRun(child.url, 50);
    ctx.progress("changes: a walker's first full sync");
    const sync = await fullSync(child.url, keys.walker);
    const health = await healthRun(child.url, sync.requests);
    const healthMs = health.reduce((a, b) => a + b, 0);

    // Warm-up of the PATCH route too, before any stream: its first call loads the route's module.
    await patchNotes(child.url, keys.owner, bookingId, "warm-up");
    ctx.progress(`changes: ${STREAMS} streams, ${ROUNDS} changes`);
    const streams = await Promise.all(
      Array.from({ length: STREAMS }, () => openStream(child.url, keys.walker, sync.cursor)),
    );
    const latencies: number[] = [];
    const misses: string[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const marker = `bench-${round}-${Date.now()}`;
      const received = streams.map((s) => s.waitFor(marker, MISS_MS));
      const sent = performance.now();
      await patchNotes(child.url, keys.owner, bookingId, marker);
      for (const outcome of await Promise.allSettled(received)) {
        if (outcome.status === "fulfilled") latencies.push(outcome.value - sent);
        else misses.push(`round ${round}: ${String(outcome.reason)}`);
      }
    }
    for (const s of streams) s.close();
    const healthP = await healthConcurrent(child.url, STREAMS, ROUNDS);
    return {
      sizes: {
        bookings: total,
        walkers: WALKERS,
        scopedBookings: scoped,
        streams: STREAMS,
        rounds: ROUNDS,
      },
      scale,
      figures: [
        figure({
          id: "changes.first-sync.ms",
          label: `a walker's first full sync (${sync.bookings} bookings + ${sync.clients} clients, ${sync.requests} pages of 200)`,
          value: sync.ms,
          unit: "ms",
          baseline: { label: `${sync.requests} GET /api/health in a row`, value: healthMs, unit: "ms" },
        }),
        figure({
          id: "changes.first-sync.kib",
          label: `first full sync, bytes on the wire (${Math.round(sync.bytes / Math.max(1, sync.bookings))} B a booking)`,
          value: sync.bytes / 1024,
          unit: "KiB",
          baseline: { label: "the objects' own JSON", value: sync.payload / 1024, unit: "KiB" },
        }),
        figure({
          id: "changes.stream-fanout.p99",
          label: `SSE: one PATCH → ${STREAMS} streams notified, p99 (${ROUNDS} rounds)`,
          value: quantile(latencies, 0.99),
          unit: "ms",
          baseline: {
            label: `GET /api/health p99, ${STREAMS} at once`,
            value: quantile(healthP, 0.99),
            unit: "ms",
          },
        }),
        figure({
          id: "changes.stream-fanout.p50",
          label: `SSE: one PATCH → ${STREAMS} streams notified, p50`,
          value: quantile(latencies, 0.5),
          unit: "ms",
          baseline: {
            label: `GET /api/health p50, ${STREAMS} at once`,
            value: quantile(healthP, 0.5),
            unit: "ms",
          },
        }),
      ],
      checks: [
        {
          label: `every stream got every change (${STREAMS} × ${ROUNDS})`,
          ok: misses.length === 0,
          detail:
            misses.length === 0 ? `${latencies.length} deliveries` : `${misses.length} missed: ${misses[0]}`,
        },
        {
          label: "the first sync brought exactly the walker's bookings",
          ok: sync.bookings === scoped,
          detail: `${sync.bookings} of ${scoped}`,
        },
      ],
    };
  } finally {
    await child.stop();
  }
}

export const changes: Benchmark = {
  name: "changes",
  description: "changes feed: a walker's first sync of ~5,000 of 50,000 bookings; SSE fan-out to 50 streams",
  defaultScale: 1,
  run,
};
