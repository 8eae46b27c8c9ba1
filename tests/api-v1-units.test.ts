// Units of the /api/v1 shell on a real SQLite file: Idempotency-Key storage (replay, refusal,
// 24 h expiry, failures not remembered), the token bucket, and cursors bound to their query.
import { afterEach, describe, expect, it } from "vitest";
import { freshDb, type TestDb } from "@/tests/support/db";
import { IDEMPOTENCY_TTL_MS, once } from "@/lib/api/v1/idempotency";
import { takeToken } from "@/lib/api/v1/rate-limit";
import { decodeCursor, encodeCursor } from "@/lib/api/v1/cursor";
import { ApiError } from "@/lib/api/v1/problems";

let t: TestDb | undefined;
afterEach(() => t?.cleanup());

const now = new Date("2026-12-01T12:00:00Z");
const request = (body: string, at = now) => ({
  owner: "token:1",
  key: "k1",
  method: "POST",
  path: "/api/v1/bookings",
  body,
  now: at,
});

describe("Idempotency-Key storage", () => {
  it("runs once per key and body, refuses another body, and forgets the key after 24 h", () => {
    t = freshDb();
    let runs = 0;
    const write = () => ({
      status: 201,
      headers: { location: `/x/${++runs}` },
      body: JSON.stringify({ n: runs }),
    });
    const first = once(t.db, request("{}"), write);
    const again = once(t.db, request("{}"), write);
    expect(first).toMatchObject({ status: 201, replayed: false, body: '{"n":1}' });
    expect(again).toMatchObject({
      status: 201,
      replayed: true,
      body: '{"n":1}',
      headers: { location: "/x/1" },
    });
    expect(() => once(t!.db, request('{"a":1}'), write)).toThrow(ApiError);
    const later = new Date(now.getTime() + IDEMPOTENCY_TTL_MS + 1000);
    expect(once(t.db, request("{}", later), write)).toMatchObject({ replayed: false, body: '{"n":2}' });
    expect(runs).toBe(2);
  });

  it("does not remember a failure of ours, so the retry runs", () => {
    t = freshDb();
    let runs = 0;
    once(t.db, request("{}"), () => ({ status: 503, headers: {}, body: null, n: ++runs }));
    const retry = once(t.db, request("{}"), () => ({ status: 200, headers: {}, body: String(++runs) }));
    expect(retry).toMatchObject({ replayed: false, body: "2" });
  });
});

describe("per-caller token bucket", () => {
  it("allows a burst of the per-minute limit, then one request per 60/limit s", () => {
    const key = `unit-${Math.random()}`;
    const at = 1_000_000;
    expect([1, 2, 3].map(() => takeToken(key, 3, at).ok)).toEqual([true, true, true]);
    const refused = takeToken(key, 3, at);
    expect(refused).toMatchObject({ ok: false, retryAfter: 20 });
    expect(takeToken(key, 3, at + 19_000).ok).toBe(false);
    expect(takeToken(key, 3, at + 40_000).ok).toBe(true);
  });
});

describe("cursors", () => {
  it("round-trip for the same filters and are refused for others", () => {
    const cursor = encodeCursor(42, { staffId: 3, q: null });
    expect(decodeCursor(cursor, { q: null, staffId: 3 })).toBe(42);
    expect(() => decodeCursor(cursor, { staffId: 4, q: null })).toThrow(ApiError);
    expect(() => decodeCursor("not-a-cursor", {})).toThrow(ApiError);
    expect(decodeCursor(undefined, {})).toBe(0);
  });
});
