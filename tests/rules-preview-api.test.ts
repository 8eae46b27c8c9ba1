// POST /api/rules/preview through the real route handler, on the demo business.
import { afterEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/rules/preview/route";
import { closeSqlite } from "@/lib/db/sqlite";
import { localDateOf, localToUtc } from "@/lib/bookings/local-time";
import { loadDemoData } from "@/lib/demo";
import { loadSettings } from "@/lib/settings";
import { pointAppAtDatabase } from "@/tests/support/app-env";
import { freshDb, type TestDb } from "@/tests/support/db";
import { signedInCookie, withAuth } from "@/tests/support/auth";

let t: TestDb | undefined;
afterEach(() => {
  closeSqlite();
  t?.cleanup();
  t = undefined;
});

const ctx = { params: Promise.resolve({}) };
const post = async (body: unknown) =>
  POST(
    withAuth(
      new Request("http://localhost/api/rules/preview", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
      { cookie: await signedInCookie("owner") },
    ),
    ctx,
  );

function demo() {
  t = freshDb();
  // Loaded at the start of the business's day, as if it had run since: today's visits exist
  // whatever time the test runs at (loaded later, a visit earlier today would never have been
  // booked, and moving the start time past now would book it).
  const zone = loadSettings(t.db).timeZone;
  loadDemoData(t.db, localToUtc(localDateOf(new Date(), zone), "00:00", zone));
  pointAppAtDatabase(t.file);
  const rule = t.db
    .prepare(
      "SELECT id, name, serviceCode, matcherJson, allocationJson, priority FROM Rule WHERE serviceCode = 'WALK60_3X'",
    )
    .get() as {
    id: number;
    name: string;
    serviceCode: string;
    matcherJson: string;
    allocationJson: string;
    priority: number;
  };
  const input = {
    name: rule.name,
    serviceCode: rule.serviceCode,
    priority: rule.priority,
    matcher: JSON.parse(rule.matcherJson),
    allocation: JSON.parse(rule.allocationJson),
  };
  const state = () =>
    t!.db.prepare("SELECT count(*) AS n, sum(sequence) AS s, group_concat(status) AS st FROM Booking").get();
  return { db: t.db, rule, input, state };
}

describe("POST /api/rules/preview", () => {
  it("shows the bookings that deactivating a rule would cancel, and writes nothing", async () => {
    const { rule, input, state } = demo();
    const before = state();
    const response = await post({ ruleId: rule.id, rule: { ...input, active: false } });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.cancelled.length).toBeGreaterThan(0);
    expect(body.created).toEqual([]);
    expect(
      body.cancelled.every((b: { bookingKey: string }) => b.bookingKey.startsWith("subscription:")),
    ).toBe(true);
    expect(state()).toEqual(before);
  });

  it("shows changed bookings when the duration or the start time changes", async () => {
    const { rule, input, state } = demo();
    const before = state();
    const longer = await (
      await post({
        ruleId: rule.id,
        rule: { ...input, allocation: { ...input.allocation, durationMin: 90 } },
      })
    ).json();
    expect(longer.changed.length).toBeGreaterThan(0);
    expect(longer.changed[0].changed).toContain("endAt");
    // The booking key holds no time of day: a new time moves the same bookings, none cancelled.
    const later = await (
      await post({
        ruleId: rule.id,
        rule: { ...input, allocation: { ...input.allocation, startTimes: ["11:30"] } },
      })
    ).json();
    expect([later.created.length, later.cancelled.length]).toEqual([0, 0]);
    expect(later.changed.length).toBeGreaterThan(0);
    expect(later.changed[0].changed).toContain("startAt");
    expect(state()).toEqual(before);
  });

  it("refuses invalid rule JSON with the path of each problem (422), and an unknown rule id (404)", async () => {
    const { rule, input } = demo();
    const bad = await post({
      rule: { ...input, allocation: { ...input.allocation, startTimes: ["25:99"] } },
    });
    expect(bad.status).toBe(422);
    const problem = await bad.json();
    expect(problem.errors.map((e: { path: string }) => e.path)).toContain("allocation.startTimes[0]");
    expect((await post({ ruleId: rule.id + 1000, rule: input })).status).toBe(404);
    expect((await post("not an object")).status).toBe(422);
  });
});
