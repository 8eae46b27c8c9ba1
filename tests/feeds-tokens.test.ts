import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { UnknownTargetError } from "@/lib/calendar/query";
import {
  FeedNotFoundError,
  createFeed,
  feedUrl,
  findActiveFeed,
  hashToken,
  listFeeds,
  parseScope,
  revokeFeed,
} from "@/lib/feeds/tokens";
import { insertClient, insertStaff } from "@/tests/calendar-fixtures";
import { freshDb, type TestDb } from "@/tests/support/db";

let t: TestDb | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

const now = new Date("2026-03-15T12:00:00Z");

function setup() {
  t = freshDb();
  const sam = insertStaff(t.db, "Sam");
  insertClient(t.db, "cus_a", "Ann Smith");
  return { db: t.db, sam };
}

describe("createFeed", () => {
  it("returns a 256-bit base64url token and stores only its SHA-256 and a 6-character prefix", () => {
    const { db } = setup();
    const { token, feed } = createFeed(db, { scope: "business", label: "  Office  " }, now);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(feed).toMatchObject({
      scope: "business",
      prefix: token.slice(0, 6),
      label: "Office",
      createdAt: now,
      revokedAt: null,
    });
    const row = db.prepare("SELECT * FROM CalendarFeed").get() as Record<string, unknown>;
    expect(row.tokenHash).toBe(hashToken(token));
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.values(row).some((value) => String(value).includes(token))).toBe(false);
  });

  it("gives every feed a different token", () => {
    const { db } = setup();
    const tokens = new Set(
      Array.from({ length: 50 }, () => createFeed(db, { scope: "business" }, now).token),
    );
    expect(tokens.size).toBe(50);
  });

  it("links staff and client feeds to an existing staff member / client, and refuses unknown ones", () => {
    const { db, sam } = setup();
    expect(createFeed(db, { scope: "staff", staffId: sam }, now).feed).toMatchObject({
      scope: "staff",
      staffId: sam,
      targetName: "Sam",
    });
    expect(createFeed(db, { scope: "client", clientStripeId: "cus_a" }, now).feed).toMatchObject({
      clientStripeId: "cus_a",
      targetName: "Ann Smith",
    });
    expect(() => createFeed(db, { scope: "staff", staffId: 999 }, now)).toThrow(
      new UnknownTargetError("staffId", "No staff member has id 999."),
    );
    expect(() => createFeed(db, { scope: "client", clientStripeId: "cus_nope" }, now)).toThrow(
      /No client has Stripe id cus_nope/,
    );
    db.prepare("UPDATE Client SET deleted = 1").run();
    expect(() => createFeed(db, { scope: "client", clientStripeId: "cus_a" }, now)).toThrow(
      UnknownTargetError,
    );
    expect(() => createFeed(db, { scope: "staff", staffId: -1 }, now)).toThrow();
    expect(db.prepare("SELECT count(*) AS n FROM CalendarFeed").get()).toEqual({ n: 2 });
  });
});

describe("findActiveFeed / revokeFeed / listFeeds", () => {
  it("finds a feed by its token until it is revoked (by token, prefix or id)", () => {
    const { db } = setup();
    const refs = (token: string, id: number) => [token, token.slice(0, 6), String(id)];
    for (const pick of [0, 1, 2]) {
      const { token, feed } = createFeed(db, { scope: "business" }, now);
      expect(findActiveFeed(db, token)?.id).toBe(feed.id);
      const revoked = revokeFeed(db, refs(token, feed.id)[pick] ?? "", now);
      expect(revoked).toMatchObject({ id: feed.id, revokedAt: now });
      expect(findActiveFeed(db, token)).toBeNull();
    }
  });

  it("keeps the first revocation time and rejects unknown or ambiguous references", () => {
    const { db } = setup();
    const { token, feed } = createFeed(db, { scope: "business" }, now);
    revokeFeed(db, token, now);
    expect(revokeFeed(db, token, new Date("2027-01-01")).revokedAt).toEqual(now);
    expect(() => revokeFeed(db, "zzzzzz", now)).toThrow(FeedNotFoundError);
    expect(() => revokeFeed(db, "12345678", now)).toThrow(FeedNotFoundError);
    const a = createFeed(db, { scope: "business" }, now);
    const b = createFeed(db, { scope: "business" }, now);
    db.prepare("UPDATE CalendarFeed SET prefix = 'SAMEpx' WHERE id IN (?, ?)").run(a.feed.id, b.feed.id);
    expect(() => revokeFeed(db, "SAMEpx", now)).toThrow(/matches 2 feeds/);
    // Prefixes are case-sensitive, like tokens.
    expect(() => revokeFeed(db, "samepx", now)).toThrow(/No feed matches/);
    expect(findActiveFeed(db, a.token)).not.toBeNull();
    expect(feed.id).toBeLessThan(a.feed.id);
  });

  it("ignores malformed tokens and lists feeds newest first without their tokens", () => {
    const { db, sam } = setup();
    const first = createFeed(db, { scope: "business" }, new Date("2026-01-01"));
    const second = createFeed(
      db,
      { scope: "staff", staffId: sam, label: "Sam's rota" },
      new Date("2026-02-01"),
    );
    expect(findActiveFeed(db, `${first.token}=`)).toBeNull();
    expect(findActiveFeed(db, first.token.slice(0, 6))).toBeNull();
    const listed = listFeeds(db);
    expect(listed.map((feed) => feed.id)).toEqual([second.feed.id, first.feed.id]);
    expect(JSON.stringify(listed)).not.toContain(first.token);
    expect(listed[0]).toMatchObject({ label: "Sam's rota", targetName: "Sam" });
  });
});

describe("helpers", () => {
  it("feedUrl is <publicUrl>/calendar/<token>.ics", () => {
    expect(feedUrl("http://192.168.1.5:3000/", "abc")).toBe("http://192.168.1.5:3000/calendar/abc.ics");
  });

  it("parseScope reads business, staff:<id> and client:<stripeId> and nothing else", () => {
    expect(parseScope("business")).toEqual({ scope: "business" });
    expect(parseScope("staff:12")).toEqual({ scope: "staff", staffId: 12 });
    expect(parseScope("client:cus_9:x")).toEqual({ scope: "client", clientStripeId: "cus_9:x" });
    fc.assert(
      fc.property(fc.string(), (text) => {
        fc.pre(text !== "business" && !/^staff:\d+$/.test(text) && !/^client:.+/.test(text));
        expect(() => parseScope(text)).toThrow();
      }),
    );
  });
});
