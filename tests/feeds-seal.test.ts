// Feed links kept so the owner can show them again: the token sealed (AES-256-GCM, HKDF key from
// the app's secret, the token's hash as associated data) opens only unchanged, under the same
// secret and on its own row; show-again returns the link first given; rotation replaces the
// sealed copy; feeds made before have none; revocation drops it. Who a link reaches, by address.
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { serveFeed } from "@/lib/calendar/feed";
import { FEEDS_DOC, feedOrigin, reachOf, reachWarning } from "@/lib/feeds/reach";
import {
  createOwnerFeed,
  FeedNotSealedError,
  revokeFeedById,
  rotateFeed,
  showFeedLink,
} from "@/lib/feeds/manage";
import { FeedSealError, feedSealKey, sealFeedToken, unsealFeedToken } from "@/lib/feeds/seal";
import { FeedNotFoundError, hashToken, listFeeds } from "@/lib/feeds/tokens";
import { insertClient } from "@/tests/calendar-fixtures";
import { freshDb, type TestDb } from "@/tests/support/db";

let t: TestDb | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

const now = new Date("2026-03-15T12:00:00Z");
const PUBLIC = "https://bookings.example.com";
const key = feedSealKey("a".repeat(43));
const otherKey = feedSealKey("b".repeat(43));
const token = "Q".repeat(43);
const tokenOf = (url: string) => /\/calendar\/([^/]+)\.ics$/.exec(url)![1]!;
const sealedColumn = (id: number) =>
  (
    t!.db.prepare("SELECT tokenSealed FROM CalendarFeed WHERE id = ?").get(id) as {
      tokenSealed: string | null;
    }
  ).tokenSealed;

describe("seal and unseal", () => {
  it("opens what it sealed, never as plain text, with a fresh IV each time", () => {
    const sealed = sealFeedToken(token, key, hashToken(token));
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain(token);
    expect(sealFeedToken(token, key, hashToken(token))).not.toBe(sealed);
    expect(unsealFeedToken(sealed, key, hashToken(token))).toBe(token);
  });

  it("refuses another secret, another row's hash, and any changed byte", () => {
    const hash = hashToken(token);
    const sealed = sealFeedToken(token, key, hash);
    expect(() => unsealFeedToken(sealed, otherKey, hash)).toThrow(FeedSealError);
    expect(() => unsealFeedToken(sealed, key, hashToken("R".repeat(43)))).toThrow(FeedSealError);
    for (const bad of ["", "v1.", "v2." + sealed.slice(3), `${sealed}.x`, "v1.AAAA"])
      expect(() => unsealFeedToken(bad, key, hash)).toThrow(FeedSealError);
    const bytes = Buffer.from(sealed.slice(3), "base64url");
    fc.assert(
      fc.property(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, flip) => {
        const changed = Buffer.from(bytes);
        changed[at] = changed[at]! ^ flip;
        expect(() => unsealFeedToken(`v1.${changed.toString("base64url")}`, key, hash)).toThrow(
          FeedSealError,
        );
      }),
    );
  });
});

describe("show a link again", () => {
  it("gives the link first shown; rotation replaces the sealed token; the feed still serves", () => {
    t = freshDb();
    insertClient(t.db, "cus_a", "Ann Smith");
    const issued = createOwnerFeed(
      t.db,
      { scope: "client", clientStripeId: "cus_a" },
      now,
      PUBLIC,
      null,
      key,
    );
    expect(issued.feed.sealed).toBe(true);
    expect(sealedColumn(issued.feed.id)).not.toContain(tokenOf(issued.url));
    const again = showFeedLink(t.db, issued.feed.id, PUBLIC, key);
    expect(again.url).toBe(issued.url);
    expect(again.webcal).toBe(issued.webcal);
    // Another origin (the LAN address the owner uses) keeps the token.
    expect(showFeedLink(t.db, issued.feed.id, "http://192.168.1.20:3000", key).url).toBe(
      `http://192.168.1.20:3000/calendar/${tokenOf(issued.url)}.ics`,
    );
    expect(() => showFeedLink(t!.db, issued.feed.id, PUBLIC, otherKey)).toThrow(FeedSealError);

    const sealedBefore = sealedColumn(issued.feed.id);
    const rotated = rotateFeed(t.db, issued.feed.id, now, PUBLIC, key);
    expect(sealedColumn(issued.feed.id)).not.toBe(sealedBefore);
    expect(showFeedLink(t.db, issued.feed.id, PUBLIC, key).url).toBe(rotated.url);
    const serve = (tok: string) => serveFeed(t!.db, tok, { now, publicUrl: PUBLIC }).status;
    expect(serve(tokenOf(issued.url))).toBe(404);
    expect(serve(tokenOf(rotated.url))).toBe(200);

    // Rotating without a key drops the sealed copy rather than keep the old token's.
    rotateFeed(t.db, issued.feed.id, now, PUBLIC);
    expect(sealedColumn(issued.feed.id)).toBeNull();
    expect(() => showFeedLink(t!.db, issued.feed.id, PUBLIC, key)).toThrow(FeedNotSealedError);
  });

  it("feeds made before have no sealed token and say to rotate; revoked feeds show nothing", () => {
    t = freshDb();
    const old = createOwnerFeed(t.db, { scope: "business" }, now, PUBLIC);
    expect(old.feed.sealed).toBe(false);
    expect(() => showFeedLink(t!.db, old.feed.id, PUBLIC, key)).toThrow(
      /made before links could be shown again — rotate it to get one you can show again/,
    );
    const fresh = createOwnerFeed(t.db, { scope: "business" }, now, PUBLIC, null, key);
    revokeFeedById(t.db, fresh.feed.id, now);
    expect(sealedColumn(fresh.feed.id)).toBeNull();
    expect(() => showFeedLink(t!.db, fresh.feed.id, PUBLIC, key)).toThrow(FeedNotFoundError);
    expect(() => showFeedLink(t!.db, 999, PUBLIC, key)).toThrow(FeedNotFoundError);
    expect(listFeeds(t.db).map((f) => f.sealed)).toEqual([false, false]);
  });
});

describe("who a link reaches", () => {
  it("classifies addresses", () => {
    expect(reachOf("http://127.0.0.1:3000")).toBe("this-computer");
    expect(reachOf("http://localhost:3000")).toBe("this-computer");
    expect(reachOf("http://[::1]:3000")).toBe("this-computer");
    expect(reachOf("http://192.168.1.20:3000")).toBe("network");
    expect(reachOf("http://10.0.0.5")).toBe("network");
    expect(reachOf("http://172.20.1.1")).toBe("network");
    expect(reachOf("http://bookings.local:3000")).toBe("network");
    expect(reachOf("https://bookings.example.com")).toBe("anywhere");
    expect(reachOf("http://172.32.0.1")).toBe("anywhere");
  });

  it("uses PUBLIC_URL, else the owner's address, else a LAN address over loopback", () => {
    const base = { fallback: "http://127.0.0.1:3000", host: "127.0.0.1", port: 3000, lan: [] };
    expect(feedOrigin({ ...base, publicUrl: PUBLIC, ownOrigin: "http://127.0.0.1:3000" })).toEqual({
      origin: PUBLIC,
      reach: "anywhere",
    });
    expect(feedOrigin({ ...base, publicUrl: undefined, ownOrigin: "http://127.0.0.1:3000" })).toEqual({
      origin: "http://127.0.0.1:3000",
      reach: "this-computer",
    });
    const lanServer = { ...base, host: "0.0.0.0", lan: ["http://192.168.1.20:3000"] };
    expect(feedOrigin({ ...lanServer, publicUrl: undefined, ownOrigin: "http://192.168.1.20:3000" })).toEqual(
      { origin: "http://192.168.1.20:3000", reach: "network" },
    );
    expect(feedOrigin({ ...lanServer, publicUrl: undefined, ownOrigin: "http://127.0.0.1:3000" })).toEqual({
      origin: "http://192.168.1.20:3000",
      reach: "network",
    });
    expect(
      feedOrigin({ ...lanServer, lan: [], publicUrl: undefined, ownOrigin: "http://localhost:3000" }),
    ).toEqual({ origin: "http://localhost:3000", reach: "this-computer" });
  });

  it("warns in plain words, naming the fix, only when the link does not work everywhere", () => {
    expect(reachWarning("http://127.0.0.1:3000", "this-computer")).toMatch(
      /^127\.0\.0\.1:3000 is this computer only; Google, Apple and phones cannot reach it\. Set PUBLIC_URL/,
    );
    expect(reachWarning("http://127.0.0.1:3000", "this-computer")).toContain(FEEDS_DOC);
    expect(reachWarning("http://192.168.1.20:3000", "network")).toMatch(/Google Calendar and iCloud cannot/);
    expect(reachWarning(PUBLIC, "anywhere")).toBeNull();
  });
});
