// The reconcile path keeps compiled statements, parsed rules and parsed settings per connection
// (issue 14 §3: a webhook batch's fixed cost). These caches must never serve a stale value,
// whoever changed the row (the store, Prisma, plain SQL), and no caller may change what
// another caller gets.
import { afterEach, describe, expect, it } from "vitest";
import { cachedStatement, openSqlite, type Sqlite } from "@/lib/db/sqlite";
import { loadActiveRules } from "@/lib/rules/repo";
import { createRule } from "@/lib/rules/store";
import { loadSettings } from "@/lib/settings";
import { reconcileSources } from "@/lib/bookings/reconcile";
import { freshDb, type TestDb } from "@/tests/support/db";
import { seedWalkSubscription, walkRule } from "@/tests/support/walk-subscription";

let t: TestDb | undefined;
afterEach(() => t?.cleanup());

const now = new Date("2026-03-02T12:00:00Z");

function setup(): Sqlite {
  t = freshDb();
  seedWalkSubscription(t.db, now);
  return t.db;
}

const scheduledDurations = (db: Sqlite) =>
  (
    db
      .prepare("SELECT DISTINCT (endAt - startAt) / 60000 AS minutes FROM Booking WHERE status = 'scheduled'")
      .all() as { minutes: number }[]
  ).map((row) => row.minutes);

describe("hot-path caches", () => {
  it("derives with a rule changed around the store (plain SQL) at the very next reconcile", () => {
    const db = setup();
    createRule(db, walkRule, now);
    expect(scheduledDurations(db)).toEqual([60]);
    const changed = { ...walkRule.allocation, durationMin: 30 };
    db.prepare("UPDATE Rule SET allocationJson = ? WHERE id = 1").run(JSON.stringify(changed));
    reconcileSources(db, [{ kind: "subscription", stripeId: "sub_1" }], { now });
    expect(scheduledDurations(db)).toEqual([30]);
  });

  it("drops a rule made invalid by hand, and sees one seen by another connection", () => {
    const db = setup();
    createRule(db, walkRule, now);
    expect(loadActiveRules(db).map((rule) => rule.name)).toEqual(["Walks"]);
    db.prepare("UPDATE Rule SET matcherJson = '{' WHERE id = 1").run();
    expect(loadActiveRules(db)).toEqual([]);
    const other = openSqlite(t!.file);
    try {
      other
        .prepare("UPDATE Rule SET matcherJson = ?, name = 'Renamed' WHERE id = 1")
        .run(JSON.stringify(walkRule.matcher));
    } finally {
      other.close();
    }
    expect(loadActiveRules(db).map((rule) => rule.name)).toEqual(["Renamed"]);
  });

  it("hands out rules no caller can change for the next one", () => {
    const db = setup();
    createRule(db, walkRule, now);
    const first = loadActiveRules(db);
    first.pop();
    expect(loadActiveRules(db)).toHaveLength(1);
    const rule = loadActiveRules(db)[0]!;
    expect(() => {
      (rule.allocation as { durationMin: number }).durationMin = 5;
    }).toThrow(TypeError);
    expect(loadActiveRules(db)[0]?.allocation.durationMin).toBe(60);
  });

  it("reads settings changed by plain SQL, and a caller's change stays its own", () => {
    const db = setup();
    const settings = loadSettings(db);
    settings.horizonWeeks = 99;
    expect(loadSettings(db).horizonWeeks).not.toBe(99);
    db.prepare("UPDATE Setting SET horizonWeeks = 3, timeZone = 'America/New_York' WHERE id = 1").run();
    expect(loadSettings(db)).toMatchObject({ horizonWeeks: 3, timeZone: "America/New_York" });
  });

  it("compiles a statement once per connection", () => {
    const db = setup();
    const other = openSqlite(t!.file);
    try {
      const sql = "SELECT count(*) AS n FROM Rule";
      expect(cachedStatement(db, sql)).toBe(cachedStatement(db, sql));
      expect(cachedStatement(other, sql)).not.toBe(cachedStatement(db, sql));
      expect(cachedStatement(other, sql).get()).toEqual({ n: 0 });
    } finally {
      other.close();
    }
  });
});
