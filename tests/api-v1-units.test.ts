// Units of the /api/v1 shell on a real SQLite file: Idempotency-Key storage (replay, refusal,
// 24 h expiry, failures not remembered, canonical JSON bodies, secrets not stored), the token
// bucket, cursors bound to their query, validation messages in words, If-None-Match, visit times.
import { afterEach, describe, expect, it } from "vitest";
import { freshDb, type TestDb } from "@/tests/support/db";
import { IDEMPOTENCY_TTL_MS, once } from "@/lib/api/v1/idempotency";
import { takeToken } from "@/lib/api/v1/rate-limit";
import { decodeCursor, decodePosition, encodeCursor } from "@/lib/api/v1/cursor";
import canonicalize from "canonicalize";
import { z } from "zod";
import { describeErrors, plainIssues } from "@/lib/api/v1/messages";
import { etagMatches } from "@/lib/api/v1/http";
import { assertVisitTimes } from "@/lib/api/v1/validation";
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

describe("time-ordered cursors", () => {
  it("carry the last start time with the id, bound to the filters", () => {
    const cursor = encodeCursor({ after: 7, until: 90, at: 1_700_000_000_000 }, { sort: "startAt" });
    expect(decodePosition(cursor, { sort: "startAt" })).toEqual({
      after: 7,
      until: 90,
      at: 1_700_000_000_000,
    });
    expect(() => decodePosition(cursor, { sort: "id" })).toThrow(ApiError);
  });
});

describe("Idempotency-Key bodies in canonical JSON", () => {
  it("replays the same fields in another order and spacing; refuses other values", () => {
    t = freshDb();
    let runs = 0;
    const write = () => ({ status: 201, headers: {}, body: String(++runs) });
    const body = (text: string) => request(canonicalize(JSON.parse(text)) ?? "");
    once(t.db, body('{"title":"a","n":[1,{"y":2,"x":1}]}'), write);
    const again = once(t.db, body('{ "n": [1, {"x":1, "y":2}],\n "title" : "a" }'), write);
    expect(again).toMatchObject({ replayed: true, body: "1" });
    expect(() => once(t!.db, body('{"title":"a","n":[{"x":1,"y":2},1]}'), write)).toThrow(ApiError);
    expect(runs).toBe(1);
  });

  it("stores the replay a write names instead of its answer (a secret never kept)", () => {
    t = freshDb();
    const secret = { status: 201, headers: {}, body: '{"url":"secret"}' };
    const replay = { status: 409, headers: {}, body: '{"shown":"once"}' };
    expect(
      once(
        t.db,
        request("{}"),
        () => secret,
        () => replay,
      ),
    ).toMatchObject({ body: '{"url":"secret"}' });
    expect(once(t.db, request("{}"), () => secret)).toMatchObject({ status: 409, replayed: true });
    const rows = t.db.prepare("SELECT body FROM IdempotencyKey").all() as { body: string }[];
    expect(rows.map((r) => r.body)).toEqual(['{"shown":"once"}']);
  });
});

describe("validation messages in words", () => {
  const schema = z.strictObject({
    from: z.union([z.iso.datetime({ offset: true }), z.iso.date()]).optional(),
    at: z.iso.datetime({ offset: true }),
    limit: z.coerce.number().int().min(1).max(200),
    title: z.string().trim().min(1),
    status: z.enum(["scheduled", "cancelled"]),
  });
  const input = { from: "yesterday", limit: "abc", title: "", status: "lost", extra: 1 };

  it("names each field with the expected format, never the library's wording", () => {
    const parsed = schema.safeParse(input);
    const errors = plainIssues(parsed.error!, input, "query");
    expect(errors).toEqual([
      {
        path: "query.from",
        message: "must be a date-time like 2026-12-07T09:00:00Z or a date like 2026-12-07",
      },
      { path: "query.at", message: "is required" },
      { path: "query.limit", message: "must be a number" },
      { path: "query.title", message: "must not be empty" },
      { path: "query.status", message: 'must be one of "scheduled", "cancelled"' },
      { path: "query.extra", message: "is not a known field" },
    ]);
    const detail = describeErrors(errors);
    expect(detail).toMatch(
      /^`query.from` must be a date-time like .*; `query.at` is required; .* and 1 more \(see `errors`\)\.$/,
    );
    expect(detail).not.toMatch(/Invalid|NaN|received/);
  });

  it("words numbers and lengths out of range", () => {
    const value = { at: "2026-12-07T09:00:00Z", limit: "500", title: "x", status: "scheduled" };
    expect(plainIssues(schema.safeParse(value).error!, value)).toEqual([
      { path: "limit", message: "must be at most 200" },
    ]);
  });
});

describe("If-None-Match", () => {
  it("matches *, any tag of a list, and weak tags by their value", () => {
    expect(etagMatches('"a"', '"a"')).toBe(true);
    expect(etagMatches('W/"x", "a"', '"a"')).toBe(true);
    expect(etagMatches('W/"a"', '"a"')).toBe(true);
    expect(etagMatches("*", '"a"')).toBe(true);
    expect(etagMatches('"b"', '"a"')).toBe(false);
    expect(etagMatches(null, '"a"')).toBe(false);
  });
});

describe("visit times recorded offline", () => {
  const at = new Date("2026-12-07T10:00:00Z");
  const minutes = (n: number) => new Date(at.getTime() + n * 60_000);
  const changed = { checkInAt: true, checkOutAt: true };
  const check = (checkInAt: Date | null, checkOutAt: Date | null) => () =>
    assertVisitTimes({ checkInAt, checkOutAt, changed }, at);

  it("accepts past visits in order and a phone clock up to 5 minutes fast", () => {
    expect(check(minutes(-60), minutes(-5))).not.toThrow();
    expect(check(minutes(-60), minutes(4))).not.toThrow();
    expect(check(minutes(-60), null)).not.toThrow();
  });

  it("refuses the future, a check-out not after the check-in, and times years away", () => {
    expect(check(minutes(6), null)).toThrow(/`body.checkInAt` must not be in the future/);
    expect(check(minutes(-5), minutes(-5))).toThrow(/`body.checkOutAt` must be after `checkInAt`/);
    expect(check(minutes(-5), minutes(-60))).toThrow(/must be after/);
    expect(check(new Date("2020-01-01T00:00:00Z"), null)).toThrow(/within 730 days/);
    // Stored values out of order do not block an edit of other fields.
    expect(() =>
      assertVisitTimes({ checkInAt: minutes(-5), checkOutAt: minutes(-60), changed: {} }, at),
    ).not.toThrow();
  });
});
