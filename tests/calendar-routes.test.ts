import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as exportGet } from "@/app/api/bookings/export/route";
import { GET as feedGet } from "@/app/calendar/[file]/route";
import { resetConfigForTests } from "@/lib/config";
import { closeSqlite } from "@/lib/db/sqlite";
import { createFeed, revokeFeed } from "@/lib/feeds/tokens";
import { log } from "@/lib/log";
import {
  insertBooking,
  insertClient,
  insertStaff,
  parseIcs,
  setFeedSettings,
} from "@/tests/calendar-fixtures";
import { freshDb, type TestDb } from "@/tests/support/db";
import { signedInCookie, withAuth } from "@/tests/support/auth";

let t: TestDb;
let token: string;
let feedId: number;

beforeEach(() => {
  t = freshDb();
  process.env.DATABASE_URL = `file:${t.file}`;
  process.env.PUBLIC_URL = "http://bookings.local:3000";
  resetConfigForTests();
  closeSqlite();
  setFeedSettings(t.db, { timeZone: "Europe/London", feedPastDays: 30, feedFutureDays: 365 });
  const sam = insertStaff(t.db, "Sam");
  insertClient(t.db, "cus_a", "Ann Smith");
  // Relative to the real clock: the route reads it.
  const day = 86_400_000;
  const base = Math.floor(Date.now() / day) * day + 9 * 3_600_000;
  insertBooking(t.db, {
    key: "soon",
    start: new Date(base + 2 * day),
    staffId: sam,
    clientStripeId: "cus_a",
    title: "Secret Walk",
  });
  insertBooking(t.db, {
    key: "later",
    start: new Date(base + 9 * day),
    staffId: sam,
    clientStripeId: "cus_a",
  });
  ({
    token,
    feed: { id: feedId },
  } = createFeed(t.db, { scope: "business" }, new Date()));
});

afterEach(() => {
  closeSqlite();
  delete process.env.PUBLIC_URL;
  delete process.env.DATABASE_URL;
  vi.restoreAllMocks();
  resetConfigForTests();
  t.cleanup();
});

const feedRequest = (file: string, headers: Record<string, string> = {}) =>
  feedGet(new Request(`http://bookings.local:3000/calendar/${encodeURIComponent(file)}`, { headers }), {
    params: Promise.resolve({ file }),
  });

describe("GET /calendar/[file]", () => {
  it("serves the feed, then 304 with an empty body for its ETag", async () => {
    const response = await feedRequest(`${token}.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const body = await response.text();
    const events = parseIcs(body).events;
    expect(events.map((event) => event.uid)).toEqual(["soon@stripe-bookings", "later@stripe-bookings"]);
    expect(events[0]?.url).toMatch(/^http:\/\/bookings\.local:3000\/bookings\/\d+$/);

    const again = await feedRequest(`${token}.ics`, { "if-none-match": response.headers.get("etag") ?? "" });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(response.headers.get("etag"));
    expect(await again.text()).toBe("");
  });

  it("logs the request with the token's prefix only", async () => {
    const info = vi.spyOn(log, "info");
    await feedRequest(`${token}.ics`);
    const logged = JSON.stringify(info.mock.calls);
    expect(logged).toContain(`/calendar/${token.slice(0, 6)}-redacted.ics`);
    expect(logged).not.toContain(token);
  });

  it("answers 404 without booking data for a wrong extension, a wrong token and a revoked token", async () => {
    const wrong = `${token.slice(0, 42)}${token.endsWith("A") ? "B" : "A"}`;
    const before = [
      await feedRequest(token),
      await feedRequest(`${token}.ical`),
      await feedRequest(`${wrong}.ics`),
    ];
    revokeFeed(t.db, String(feedId), new Date());
    const responses = [...before, await feedRequest(`${token}.ics`)];
    for (const response of responses) {
      expect(response.status).toBe(404);
      const text = await response.text();
      expect(text).not.toMatch(/Secret Walk|Ann Smith|VCALENDAR/);
      expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    }
  });
});

const exportRequest = async (query: string) =>
  exportGet(
    withAuth(new Request(`http://bookings.local:3000/api/bookings/export?${query}`), {
      // The business's export: a walker's account exports only their own visits (route-matrix).
      cookie: await signedInCookie("owner"),
    }),
    { params: Promise.resolve({}) },
  );

function dayOffset(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe("GET /api/bookings/export", () => {
  it("downloads the bookings of the range as an attachment", async () => {
    const response = await exportRequest(`from=${dayOffset(-1)}&to=${dayOffset(5)}&staffId=&clientId=cus_a`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="[a-z0-9-]+\.ics"$/);
    expect(parseIcs(await response.text()).events.map((event) => event.uid)).toEqual([
      "soon@stripe-bookings",
    ]);
  });

  it.each([
    ["from=2026-13-01&to=2026-12-31", "from"],
    ["from=2026-01-01", "to"],
    ["from=2026-01-02&to=2026-01-01", "to"],
    ["from=2026-01-01&to=2026-01-02&staffId=abc", "staffId"],
    ["from=2026-01-01&to=2026-01-02&staffId=77", "staffId"],
    ["from=2026-01-01&to=2026-01-02&clientId=cus_nobody", "clientId"],
  ])("answers 422 problem JSON naming the parameter for %s", async (query, parameter) => {
    const response = await exportRequest(query);
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const problem = (await response.json()) as { errors?: Array<{ path: string }> };
    expect(problem.errors?.map((error) => error.path)).toEqual([parameter]);
  });
});
