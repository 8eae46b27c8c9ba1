import { clearBodyCache } from "@/lib/calendar/body-cache";
import { afterEach, describe, expect, it } from "vitest";
import { exportIcs, serveFeed, type FeedResponse, type ServeFeedOptions } from "@/lib/calendar/feed";
import type { Sqlite } from "@/lib/db/sqlite";
import { createFeed, revokeFeed } from "@/lib/feeds/tokens";
import {
  insertBooking,
  insertClient,
  insertStaff,
  localTime,
  parseIcs,
  reconcileChange,
  setFeedSettings,
} from "@/tests/calendar-fixtures";
import { freshDb, type TestDb } from "@/tests/support/db";

let t: TestDb | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

const zone = "Europe/London";
const now = new Date("2026-03-15T12:00:00Z");
const publicUrl = "http://127.0.0.1:3000";
const uid = (key: string) => `${key}@stripe-bookings`;

function seed() {
  t = freshDb();
  const db = t.db;
  setFeedSettings(db, { timeZone: zone, feedPastDays: 30, feedFutureDays: 180, businessName: "Paws & Co" });
  const sam = insertStaff(db, "Sam");
  const kim = insertStaff(db, "Kim");
  insertClient(db, "cus_a", "Ann Smith");
  insertClient(db, "cus_b", "Bob Jones");
  // Cancelled five days ago: inside the 14 days a cancelled event stays in feeds.
  const add = (key: string, local: string, staffId: number, clientStripeId: string, status = "scheduled") =>
    insertBooking(db, {
      key,
      start: localTime(zone, local),
      staffId,
      clientStripeId,
      status,
      ...(status === "cancelled" ? { updatedAt: new Date("2026-03-10T12:00:00Z") } : {}),
    });
  add("a-sam-1", "2026-03-16T09:00", sam, "cus_a");
  add("a-kim-1", "2026-03-17T09:00", kim, "cus_a", "held");
  add("b-sam-1", "2026-03-27T09:00", sam, "cus_b");
  add("b-sam-2", "2026-03-30T09:00", sam, "cus_b", "cancelled");
  add("b-kim-1", "2026-02-20T09:00", kim, "cus_b", "completed");
  // Window: local days 2026-02-13 … 2026-09-11 (30 back, 180 ahead of 2026-03-15).
  add("edge-first", "2026-02-13T00:00", sam, "cus_a");
  add("edge-last", "2026-09-11T23:59", sam, "cus_a");
  add("out-before", "2026-02-12T23:59", sam, "cus_a");
  add("out-after", "2026-09-12T00:00", sam, "cus_a");
  return { db, sam, kim };
}

const inWindow = ["a-sam-1", "a-kim-1", "b-sam-1", "b-sam-2", "b-kim-1", "edge-first", "edge-last"];

function serve(db: Sqlite, token: string, options: Partial<ServeFeedOptions> = {}): FeedResponse {
  return serveFeed(db, token, { now, publicUrl, ...options });
}

function ok(response: FeedResponse) {
  if (response.status !== 200) throw new Error(`expected 200, got ${response.status}`);
  return response;
}

describe("serveFeed", () => {
  it("business feed: every booking in the window exactly once, none outside it", () => {
    const { db } = seed();
    const { token } = createFeed(db, { scope: "business" }, now);
    const response = ok(serve(db, token));
    const parsed = parseIcs(response.body);
    expect(parsed.events.map((event) => event.uid).sort()).toEqual(inWindow.map(uid).sort());
    expect(parsed.name).toBe("Paws & Co");
    expect(parsed.events.find((event) => event.uid === uid("b-sam-2"))?.status).toBe("CANCELLED");
    expect(parsed.events.find((event) => event.uid === uid("a-kim-1"))?.status).toBe("TENTATIVE");
    // 09:00 local on both sides of the 2026-03-29 change.
    const local = (key: string) => parsed.events.find((event) => event.uid === uid(key))?.localStart;
    expect([local("b-sam-1"), local("b-sam-2")]).toEqual(["2026-03-27T09:00:00", "2026-03-30T09:00:00"]);
  });

  it("staff and client feeds contain only their own bookings and are named after them", () => {
    const { db, sam } = seed();
    const staff = ok(serve(db, createFeed(db, { scope: "staff", staffId: sam }, now).token));
    const client = ok(serve(db, createFeed(db, { scope: "client", clientStripeId: "cus_b" }, now).token));
    const staffEvents = parseIcs(staff.body);
    const clientEvents = parseIcs(client.body);
    expect(staffEvents.events.map((event) => event.uid).sort()).toEqual(
      ["a-sam-1", "b-sam-1", "b-sam-2", "edge-first", "edge-last"].map(uid).sort(),
    );
    expect(clientEvents.events.map((event) => event.uid).sort()).toEqual(
      ["b-kim-1", "b-sam-1", "b-sam-2"].map(uid).sort(),
    );
    expect(staffEvents.name).toBe("Paws & Co — Sam");
    expect(clientEvents.name).toBe("Paws & Co — Bob Jones");
    expect(staffEvents.events.every((event) => event.description.includes("Staff: Sam"))).toBe(true);
  });

  it("answers 200 with calendar headers, then the same bytes and ETag while nothing changes", () => {
    const { db } = seed();
    const { token } = createFeed(
      db,
      { scope: "business", label: "Team calendar" },
      new Date("2026-03-01T00:00:00Z"),
    );
    const first = ok(serve(db, token));
    expect(first.headers).toMatchObject({
      "content-type": "text/calendar; charset=utf-8",
      "cache-control": "private, max-age=300",
      "content-disposition": 'inline; filename="team-calendar.ics"',
      // Bookings last changed on 1 January, but the window moved at local midnight.
      "last-modified": "Sun, 15 Mar 2026 00:00:00 GMT",
    });
    expect(first.headers.etag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
    const later = ok(serve(db, token, { now: new Date("2026-03-15T22:30:00Z") }));
    expect(later.body).toBe(first.body);
    expect(later.headers.etag).toBe(first.headers.etag);
  });

  it("answers 304 to a matching If-None-Match without loading bookings", () => {
    const { db } = seed();
    const { token } = createFeed(db, { scope: "business" }, now);
    const { etag } = ok(serve(db, token)).headers;
    // A row the loader would reject: a 304 that still succeeds never loaded it.
    db.prepare("UPDATE Booking SET status = 'bogus' WHERE bookingKey = 'a-sam-1'").run();
    clearBodyCache();
    expect(() => serve(db, token)).toThrow();
    for (const header of [etag, `"other", ${etag}`, etag?.replace(/^W\//, ""), "*"]) {
      const response = serve(db, token, { ifNoneMatch: header });
      expect(response).toEqual({ status: 304, headers: expect.objectContaining({ etag }) });
    }
  });

  it("uses If-Modified-Since only without If-None-Match", () => {
    const { db } = seed();
    const { token } = createFeed(db, { scope: "business" }, now);
    const lastModified = ok(serve(db, token)).headers["last-modified"] ?? "";
    expect(serve(db, token, { ifModifiedSince: lastModified }).status).toBe(304);
    expect(serve(db, token, { ifModifiedSince: "Sat, 14 Mar 2026 23:59:59 GMT" }).status).toBe(200);
    expect(serve(db, token, { ifModifiedSince: "not a date" }).status).toBe(200);
    expect(serve(db, token, { ifModifiedSince: lastModified, ifNoneMatch: 'W/"stale"' }).status).toBe(200);
  });

  it("a moved or cancelled booking gets SEQUENCE + 1, the same UID, and a new ETag", () => {
    const { db } = seed();
    const { token } = createFeed(db, { scope: "business" }, now);
    const before = ok(serve(db, token));
    const event = (body: string, key: string) => parseIcs(body).events.find((e) => e.uid === uid(key));

    reconcileChange(
      db,
      "a-sam-1",
      { startAt: localTime(zone, "2026-03-18T14:00") },
      new Date("2026-03-15T12:05:00Z"),
    );
    // The client still holds the old ETag: it must get the new body, not a 304.
    const moved = ok(serve(db, token, { ifNoneMatch: before.headers.etag }));
    expect(moved.headers.etag).not.toBe(before.headers.etag);
    expect(event(moved.body, "a-sam-1")).toMatchObject({ sequence: 1, localStart: "2026-03-18T14:00:00" });
    expect(moved.headers["last-modified"]).toBe("Sun, 15 Mar 2026 12:05:00 GMT");

    reconcileChange(db, "b-sam-1", { status: "cancelled" }, new Date("2026-03-15T12:06:00Z"));
    const cancelled = ok(serve(db, token, { ifNoneMatch: moved.headers.etag }));
    expect(cancelled.headers.etag).not.toBe(moved.headers.etag);
    expect(event(cancelled.body, "b-sam-1")).toMatchObject({ sequence: 1, status: "CANCELLED" });
    expect(
      parseIcs(cancelled.body)
        .events.map((e) => e.uid)
        .sort(),
    ).toEqual(inWindow.map(uid).sort());
  });

  it("changes the ETag when settings that shape the output change or the day rolls over", () => {
    const { db } = seed();
    const { token } = createFeed(db, { scope: "business" }, now);
    const etag = () => ok(serve(db, token)).headers.etag;
    const base = etag();
    setFeedSettings(db, { businessName: "Paws Ltd" });
    const renamed = etag();
    expect(renamed).not.toBe(base);
    setFeedSettings(db, { timeZone: "America/New_York" });
    expect(etag()).not.toBe(renamed);
    expect(parseIcs(ok(serve(db, token)).body).timezoneIds).toEqual(["America/New_York"]);
    const tomorrow = ok(serve(db, token, { now: new Date("2026-03-16T12:00:00Z") })).headers.etag;
    expect(tomorrow).not.toBe(etag());
  });

  it("answers 404 with nothing else for unknown, malformed and revoked tokens", () => {
    const { db } = seed();
    const { token, feed } = createFeed(db, { scope: "business" }, now);
    const unknown = `${token.slice(0, 42)}${token.endsWith("A") ? "B" : "A"}`;
    for (const bad of [unknown, "", "../../etc/passwd", `${token}x`])
      expect(serve(db, bad)).toEqual({ status: 404 });
    revokeFeed(db, String(feed.id), now);
    expect(serve(db, token)).toEqual({ status: 404 });
  });

  it("decides a 304 from the version aggregate alone, with 2,000 bookings in the window", () => {
    const { db } = seed();
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) {
        insertBooking(db, {
          key: `bulk-${i}`,
          start: new Date(now.getTime() + i * 3_600_000),
          staffId: 1,
          clientStripeId: "cus_a",
        });
      }
    })();
    const { token } = createFeed(db, { scope: "business" }, now);
    const { etag } = ok(serve(db, token)).headers;
    // The 304 decision reads the version aggregate only: make the rows unloadable to prove it.
    // (Its speed is measured by `./run bench feed`.)
    db.prepare("UPDATE Booking SET status = 'bogus' WHERE bookingKey = 'bulk-7'").run();
    for (let i = 0; i < 3; i++) expect(serve(db, token, { ifNoneMatch: etag }).status).toBe(304);
  });
});

describe("exportIcs", () => {
  it("exports the local days asked for, inclusive, for a filter", () => {
    const { db, sam } = seed();
    const all = exportIcs(db, { from: "2026-03-16", to: "2026-03-27", publicUrl }, now);
    expect(parseIcs(all.body).events.map((e) => e.uid)).toEqual(["a-sam-1", "a-kim-1", "b-sam-1"].map(uid));
    expect(all).toMatchObject({ count: 3, filename: "paws-co-2026-03-16-to-2026-03-27.ics" });
    const mine = exportIcs(
      db,
      { from: "2026-02-01", to: "2026-12-31", staffId: sam, includeCancelled: true },
      now,
    );
    expect(mine.filename).toBe("paws-co-sam-2026-02-01-to-2026-12-31.ics");
    expect(
      parseIcs(mine.body)
        .events.map((e) => e.uid)
        .sort(),
    ).toEqual(
      ["a-sam-1", "b-sam-1", "b-sam-2", "edge-first", "edge-last", "out-before", "out-after"].map(uid).sort(),
    );
    expect(parseIcs(mine.body).events.every((e) => e.url === null)).toBe(true);
  });

  it("defaults to the feed window and rejects reversed ranges and unknown staff/clients", () => {
    const { db } = seed();
    // Cancelled bookings only when asked for.
    expect(exportIcs(db, {}, now).count).toBe(inWindow.length - 1);
    expect(exportIcs(db, { includeCancelled: true }, now).count).toBe(inWindow.length);
    expect(() => exportIcs(db, { from: "2026-03-02", to: "2026-03-01" }, now)).toThrow(/must not be before/);
    expect(() => exportIcs(db, { staffId: 99 }, now)).toThrow(/No staff member has id 99/);
    expect(() => exportIcs(db, { clientStripeId: "cus_zzz" }, now)).toThrow(
      /No client has Stripe id cus_zzz/,
    );
    expect(() => exportIcs(db, { from: "2026-3-1" }, now)).toThrow();
  });
});

describe("the built-body cache", () => {
  it("serves an unchanged feed without rebuilding it, and rebuilds once a booking changes", () => {
    const { db } = seed();
    const { token } = createFeed(db, { scope: "business" }, now);
    clearBodyCache();
    const first = ok(serve(db, token));
    // Corrupt a row without touching what the ETag covers: only a rebuild would notice.
    db.prepare("UPDATE Booking SET status = 'bogus' WHERE bookingKey = 'a-sam-1'").run();
    expect(ok(serve(db, token)).body).toBe(first.body);
    db.prepare(
      "UPDATE Booking SET status = 'cancelled', sequence = sequence + 1 WHERE bookingKey = 'a-sam-1'",
    ).run();
    expect(ok(serve(db, token)).body).not.toBe(first.body);
  });
});
