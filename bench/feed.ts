// The business .ics feed over 20,000 bookings: building it (200, body cache emptied first), a
// poll answered from the body cache, and a calendar app that already has it (304 from
// If-None-Match), through serveFeed — the function the /calendar/<token>.ics route calls.
// Baseline: a raw SELECT of the same rows with better-sqlite3.
import { figure } from "@/bench/report";
import { fillBookings } from "@/bench/support/bookings";
import { freshDb } from "@/bench/support/db";
import { median, p95, sample, scaled } from "@/bench/support/stats";
import type { BenchContext, BenchOutput, Benchmark, Check } from "@/bench/types";
import { clearBodyCache } from "@/lib/calendar/body-cache";
import { clearRenderedEvents } from "@/lib/calendar/event-cache";
import { clearEventCache } from "@/lib/calendar/ics";
import { serveFeed, type FeedResponse } from "@/lib/calendar/feed";
import { feedWindow } from "@/lib/calendar/query";
import type { Sqlite } from "@/lib/db/sqlite";
import { createFeed } from "@/lib/feeds/tokens";
import { loadSettings } from "@/lib/settings";

const FULL_BOOKINGS = 20_000;
const GENERATE_RUNS = 10;
const SELECT_RUNS = 20;
const CACHED_RUNS = 300;
const PUBLIC_URL = "http://127.0.0.1:3000";

export interface FeedFixture {
  db: Sqlite;
  token: string;
  window: { from: Date; to: Date };
  close(): void;
}

/** A migrated database with `bookings` bookings inside the business feed's window, and a business feed. */
export async function feedFixture(ctx: BenchContext, bookings: number, label: string): Promise<FeedFixture> {
  const { db } = await freshDb(ctx, label);
  const settings = loadSettings(db);
  const window = feedWindow(ctx.now, settings);
  // A day inside each edge: every row is in the feed whatever the zone offset.
  const from = new Date(window.from.getTime() + 86_400_000);
  const to = new Date(window.to.getTime() - 86_400_000);
  fillBookings(db, {
    bookings,
    clients: Math.max(10, Math.round(bookings / 10)),
    staff: 6,
    from,
    to,
    cancelledShare: 0.1,
    now: ctx.now,
  });
  const { token } = createFeed(db, { scope: "business" }, ctx.now);
  return { db, token, window, close: () => db.close() };
}

/** The raw read the feed cannot beat: the same rows, no joins, no text. */
export function rawSelect(db: Sqlite, window: { from: Date; to: Date }): unknown[] {
  return db
    .prepare("SELECT * FROM Booking WHERE startAt >= ? AND startAt < ? ORDER BY startAt, id")
    .all(window.from.getTime(), window.to.getTime());
}

export function generateFeed(f: FeedFixture, now: Date, ifNoneMatch: string | null = null): FeedResponse {
  return serveFeed(f.db, f.token, { now, publicUrl: PUBLIC_URL, ifNoneMatch });
}

async function run(ctx: BenchContext): Promise<BenchOutput> {
  const scale = ctx.scale ?? feed.defaultScale;
  const bookings = scaled(FULL_BOOKINGS, scale, 100);
  ctx.progress(`feed: ${bookings} bookings, business feed`);
  const f = await feedFixture(ctx, bookings, "feed");
  try {
    const first = generateFeed(f, ctx.now);
    if (first.status !== 200) throw new Error(`serveFeed answered ${first.status}`);
    const etag = first.headers.etag ?? "";
    const events = first.body.split("BEGIN:VEVENT").length - 1;
    const rows = rawSelect(f.db, f.window);
    const bytes = Buffer.byteLength(first.body);
    const rawBytes = Buffer.byteLength(JSON.stringify(rows));

    ctx.progress(
      `feed: ${GENERATE_RUNS} generations, ${CACHED_RUNS} cached and ${CACHED_RUNS} conditional polls, raw SELECTs`,
    );
    // First build ever: nothing rendered yet, in memory or in the RenderedEvent table.
    const firstEver = sample(Math.min(GENERATE_RUNS, 3), () => {
      clearBodyCache();
      clearEventCache();
      clearRenderedEvents(f.db);
      generateFeed(f, ctx.now);
    });
    // First poll after a restart: the process's memory is empty, the table holds the events.
    const generate = sample(GENERATE_RUNS, () => {
      clearBodyCache();
      clearEventCache();
      clearRenderedEvents();
      generateFeed(f, ctx.now);
    });
    // The common case: one booking changed since the last build (a reconcile bumped it).
    let bump = 0;
    const touch = f.db.prepare(
      "UPDATE Booking SET sequence = sequence + 1, updatedAt = updatedAt + 1 WHERE id = (SELECT id FROM Booking ORDER BY id LIMIT 1 OFFSET ?)",
    );
    const regenerate = sample(GENERATE_RUNS, () => {
      touch.run((bump += 97) % bookings);
      generateFeed(f, ctx.now);
    });
    const latest = generateFeed(f, ctx.now);
    const currentEtag = latest.status === 200 ? (latest.headers.etag ?? "") : etag;
    const fromCache = sample(CACHED_RUNS, () => generateFeed(f, ctx.now));
    const cached = sample(CACHED_RUNS, () => {
      if (generateFeed(f, ctx.now, currentEtag).status !== 304)
        throw new Error("If-None-Match with the ETag did not give 304");
    });
    const select = sample(SELECT_RUNS, () => rawSelect(f.db, f.window));

    const base = (label: string, value: number) => ({ label: `raw SELECT ${label}`, value, unit: "ms" });
    const checks: Check[] = [
      {
        label: "every booking in the window is a VEVENT",
        ok: events === bookings && rows.length === bookings,
        detail: `${events} events, ${rows.length} rows, ${bookings} bookings`,
      },
    ];
    return {
      scale,
      sizes: {
        bookings,
        generateRuns: GENERATE_RUNS,
        cachedRuns: CACHED_RUNS,
        selectRuns: SELECT_RUNS,
        cancelled: "10%",
      },
      figures: [
        figure({
          id: "feed.generate.median",
          label: "cold build: first poll after a restart (memory empty), median",
          value: median(generate),
          unit: "ms",
          baseline: base("median", median(select)),
          goal: { on: "ratio", op: "<=", target: 1.5 },
        }),
        figure({
          id: "feed.generate.p95",
          label: "cold build p95",
          value: p95(generate),
          unit: "ms",
          baseline: base("p95", p95(select)),
        }),
        figure({
          id: "feed.regenerate.median",
          label: "rebuild after one booking changed, median",
          value: median(regenerate),
          unit: "ms",
          baseline: base("median", median(select)),
          goal: { on: "ratio", op: "<=", target: 0.3 },
        }),
        figure({
          id: "feed.first.median",
          label: "first build ever (every event rendered and stored), median",
          value: median(firstEver),
          unit: "ms",
          baseline: base("median", median(select)),
        }),
        figure({
          id: "feed.cached200.median",
          label: "200 from the body cache median",
          value: median(fromCache),
          unit: "ms",
          baseline: base("median", median(select)),
        }),
        figure({
          id: "feed.size",
          label: ".ics size",
          value: bytes,
          unit: "bytes",
          baseline: { label: "same rows as JSON", value: rawBytes, unit: "bytes" },
        }),
        figure({
          id: "feed.304.median",
          label: "304 (If-None-Match) median",
          value: median(cached),
          unit: "ms",
          baseline: base("median", median(select)),
          goal: { on: "value", op: "<", target: 5 },
        }),
        figure({
          id: "feed.304.p95",
          label: "304 (If-None-Match) p95",
          value: p95(cached),
          unit: "ms",
          baseline: base("p95", p95(select)),
        }),
      ],
      checks,
      notes: [
        "Measured at the function the route calls (serveFeed): HTTP adds the server's per-request cost on top.",
        "Cold build = body cache and in-memory events emptied before each run, the RenderedEvent table kept (the first poll after a restart).",
        "First build ever = the RenderedEvent table emptied too: every event rendered by ical-generator, then stored.",
        "Rebuild = one booking changed before each run: only its VEVENT is rendered again; the others come from memory.",
        "The cached 200 is a poll without If-None-Match.",
      ],
    };
  } finally {
    f.close();
  }
}

export const feed: Benchmark = {
  name: "feed",
  description: "business .ics feed over 20,000 bookings: generate, size, 304 path vs a raw SELECT",
  defaultScale: 1,
  run,
};
