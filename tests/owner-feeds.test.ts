// Feed management on real SQLite through the serving path: rotate (old URL 404, new one serves),
// revoke, and the last-fetched record (written on 200 and 304, at most once a minute per feed).
import { afterEach, describe, expect, it } from "vitest";
import { serveFeed } from "@/lib/calendar/feed";
import {
  createOwnerFeed,
  FETCH_RECORD_INTERVAL_MS,
  listFeedTargets,
  recordFeedFetch,
  revokeFeedById,
  rotateFeed,
  subscribeLinks,
} from "@/lib/feeds/manage";
import { FeedNotFoundError, listFeeds } from "@/lib/feeds/tokens";
import { insertClient, insertStaff } from "@/tests/calendar-fixtures";
import { openSqlite } from "@/lib/db/sqlite";
import { loadSettings } from "@/lib/settings";
import { freshDb, type TestDb } from "@/tests/support/db";

let t: TestDb | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

const now = new Date("2026-03-15T12:00:00Z");
const PUBLIC = "https://bookings.example.com";
const tokenOf = (url: string) => /\/calendar\/([^/]+)\.ics$/.exec(url)![1]!;
const serve = (token: string, at: Date, headers: { ifNoneMatch?: string; userAgent?: string } = {}) =>
  serveFeed(t!.db, token, {
    now: at,
    publicUrl: PUBLIC,
    ifNoneMatch: headers.ifNoneMatch,
    userAgent: headers.userAgent,
  });
const feed = (id: number) => listFeeds(t!.db).find((f) => f.id === id)!;

function setup() {
  t = freshDb();
  const sam = insertStaff(t.db, "Sam");
  insertClient(t.db, "cus_a", "Ann Smith");
  return { db: t.db, sam };
}

describe("subscribe links", () => {
  it("gives the URL, its webcal:// twin, for http and https", () => {
    const links = subscribeLinks("http://192.168.1.20:3000/", "A".repeat(43));
    expect(links.url).toBe(`http://192.168.1.20:3000/calendar/${"A".repeat(43)}.ics`);
    expect(links.webcal).toBe(`webcal://192.168.1.20:3000/calendar/${"A".repeat(43)}.ics`);
    expect(subscribeLinks(PUBLIC, "x").webcal).toBe("webcal://bookings.example.com/calendar/x.ics");
  });

  it("creates feeds for the business, a walker and a client; lists who they can be for", () => {
    const { db, sam } = setup();
    expect(createOwnerFeed(db, { scope: "business" }, now, PUBLIC).feed.scope).toBe("business");
    expect(createOwnerFeed(db, { scope: "staff", staffId: sam }, now, PUBLIC).feed.targetName).toBe("Sam");
    expect(
      createOwnerFeed(db, { scope: "client", clientStripeId: "cus_a" }, now, PUBLIC).feed.targetName,
    ).toBe("Ann Smith");
    expect(() => createOwnerFeed(db, { scope: "staff", staffId: 999 }, now, PUBLIC)).toThrow();
    expect(listFeedTargets(db)).toMatchObject({
      staff: [{ id: sam, name: "Sam", active: true }],
      clients: [{ stripeId: "cus_a", name: "Ann Smith" }],
    });
  });
});

describe("rotate and revoke", () => {
  it("rotate: the old URL answers 404, the new one serves the same feed (same id), fetch record reset", () => {
    const { db } = setup();
    const issued = createOwnerFeed(db, { scope: "business", label: "Office" }, now, PUBLIC);
    const oldToken = tokenOf(issued.url);
    expect(serve(oldToken, now, { userAgent: "Google-Calendar-Importer" }).status).toBe(200);
    expect(feed(issued.feed.id).lastFetchedAt).toEqual(now);

    const rotated = rotateFeed(db, issued.feed.id, now, PUBLIC);
    expect(rotated.url).not.toBe(issued.url);
    expect(rotated.feed).toMatchObject({
      id: issued.feed.id,
      label: "Office",
      lastFetchedAt: null,
      lastUserAgent: null,
    });
    expect(rotated.feed.prefix).toBe(tokenOf(rotated.url).slice(0, 6));
    expect(serve(oldToken, now).status).toBe(404);
    expect(serve(tokenOf(rotated.url), now).status).toBe(200);
    expect(listFeeds(db)).toHaveLength(1);
  });

  it("revoke: the URL answers 404; rotating a revoked or unknown feed is refused", () => {
    const { db } = setup();
    const issued = createOwnerFeed(db, { scope: "business" }, now, PUBLIC);
    const revoked = revokeFeedById(db, issued.feed.id, now);
    expect(revoked.revokedAt).toEqual(now);
    expect(serve(tokenOf(issued.url), now).status).toBe(404);
    expect(() => rotateFeed(db, issued.feed.id, now, PUBLIC)).toThrow(FeedNotFoundError);
    expect(() => rotateFeed(db, 999, now, PUBLIC)).toThrow(FeedNotFoundError);
    expect(() => revokeFeedById(db, 999, now)).toThrow(FeedNotFoundError);
    // Revoking again keeps the first time.
    expect(revokeFeedById(db, issued.feed.id, new Date(now.getTime() + 5000)).revokedAt).toEqual(now);
  });
});

describe("last fetched", () => {
  it("records time and user agent on 200 and 304, at most once a minute, never on 404", () => {
    const { db } = setup();
    const issued = createOwnerFeed(db, { scope: "business" }, now, PUBLIC);
    const token = tokenOf(issued.url);
    expect(feed(issued.feed.id).lastFetchedAt).toBeNull();

    const first = serve(token, now, { userAgent: "iOS/17.2 (21C62) dataaccessd/1.0" });
    expect(first.status).toBe(200);
    expect(feed(issued.feed.id)).toMatchObject({
      lastFetchedAt: now,
      lastUserAgent: "iOS/17.2 (21C62) dataaccessd/1.0",
    });

    // A 304 storm within the minute writes nothing.
    const etag = first.status === 200 ? first.headers.etag! : "";
    const changesBefore = (db.prepare("SELECT total_changes() AS n").get() as { n: number }).n;
    for (let i = 1; i <= 20; i++) {
      const at = new Date(now.getTime() + i * 1000);
      expect(serve(token, at, { ifNoneMatch: etag, userAgent: "Thunderbird" }).status).toBe(304);
    }
    expect((db.prepare("SELECT total_changes() AS n").get() as { n: number }).n).toBe(changesBefore);
    expect(feed(issued.feed.id).lastUserAgent).toBe("iOS/17.2 (21C62) dataaccessd/1.0");

    // After the minute, a 304 is recorded.
    const later = new Date(now.getTime() + FETCH_RECORD_INTERVAL_MS + 1);
    expect(serve(token, later, { ifNoneMatch: etag, userAgent: "Thunderbird/115" }).status).toBe(304);
    expect(feed(issued.feed.id)).toMatchObject({ lastFetchedAt: later, lastUserAgent: "Thunderbird/115" });

    // A 404 (unknown token) records nothing anywhere.
    expect(serve("B".repeat(43), later).status).toBe(404);
  });

  it("the record is guarded in SQL too (two servers racing) and long user agents are cut", () => {
    const { db } = setup();
    const issued = createOwnerFeed(db, { scope: "business" }, now, PUBLIC);
    const stale = { id: issued.feed.id, lastFetchedAt: null };
    expect(recordFeedFetch(db, stale, "x".repeat(500), now)).toBe(true);
    expect(recordFeedFetch(db, stale, "other", new Date(now.getTime() + 1000))).toBe(false);
    expect(feed(issued.feed.id).lastUserAgent).toHaveLength(200);
  });
  it("a writer holding the database skips the record (the feed still answers) and restores the busy timeout", () => {
    const { db } = setup();
    const issued = createOwnerFeed(db, { scope: "business" }, now, PUBLIC);
    loadSettings(db); // the settings row exists before the lock (its first read creates it)
    const timeout = db.pragma("busy_timeout", { simple: true });
    const other = openSqlite(t!.file);
    other.exec("BEGIN IMMEDIATE");
    try {
      expect(serve(tokenOf(issued.url), now, { userAgent: "Busy/1" }).status).toBe(200);
      expect(feed(issued.feed.id).lastFetchedAt).toBeNull();
      expect(db.pragma("busy_timeout", { simple: true })).toBe(timeout);
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
    const later = new Date(now.getTime() + 1000);
    expect(serve(tokenOf(issued.url), later, { userAgent: "Free/1" }).status).toBe(200);
    expect(feed(issued.feed.id)).toMatchObject({ lastFetchedAt: later, lastUserAgent: "Free/1" });
  });
});
