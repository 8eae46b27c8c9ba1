// Rule writes: validated as a whole, nothing written on error, bookings re-derived on success;
// the preview shows the same changes and writes nothing; the CLI shells report JSON paths.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Sqlite } from "@/lib/db/sqlite";
import { createRule, deactivateRule, listRules, updateRule } from "@/lib/rules/store";
import { seedDefaultRules } from "@/lib/rules/defaults";
import { previewRuleChange } from "@/lib/bookings/preview";
import * as rulesCli from "@/cli/commands/rules";
import type { CommandSpec } from "@/cli/spec";
import { runSpec } from "@/tests/support/cli";
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

const count = (db: Sqlite, where = "1") =>
  (db.prepare(`SELECT count(*) AS n FROM Booking WHERE ${where}`).get() as { n: number }).n;
const changes = (db: Sqlite) => db.prepare("SELECT total_changes() AS n").get();

describe("rule store", () => {
  it("creates a rule and derives its bookings in the same step", () => {
    const db = setup();
    const result = createRule(db, walkRule, now);
    expect(result).toMatchObject({ ok: true, rule: { id: 1, priority: 100 }, summary: { inserted: 8 } });
    expect(count(db, "status = 'scheduled' AND ruleId = 1")).toBe(8);
  });

  it("refuses invalid rules with the JSON path and writes nothing", () => {
    const db = setup();
    const before = changes(db);
    const bad = {
      ...walkRule,
      allocation: { ...walkRule.allocation, schedule: { kind: "weekly", byWeekday: ["MO", "Monday"] } },
    };
    expect(createRule(db, bad, now)).toEqual({
      ok: false,
      errors: [
        { path: "allocation.schedule.byWeekday[1]", message: "must be one of MO, TU, WE, TH, FR, SA, SU" },
      ],
    });
    expect(
      createRule(db, { ...walkRule, allocation: { ...walkRule.allocation, staffId: 99 } }, now),
    ).toMatchObject({
      ok: false,
      errors: [{ path: "allocation.staffId" }],
    });
    expect(changes(db)).toEqual(before);
    expect(listRules(db)).toHaveLength(0);
  });

  it("moves bookings when a rule changes, and cancels them when it is deactivated", () => {
    const db = setup();
    createRule(db, walkRule, now);
    const moved = updateRule(
      db,
      1,
      { allocation: { ...walkRule.allocation, schedule: { kind: "weekly", byWeekday: ["TU"] } } },
      now,
    );
    expect(moved).toMatchObject({ ok: true, summary: { inserted: 8, cancelled: 8 } });
    expect(updateRule(db, 1, { priority: "high" }, now)).toMatchObject({
      ok: false,
      errors: [{ path: "priority" }],
    });
    expect(deactivateRule(db, 1, now)).toMatchObject({ ok: true, summary: { cancelled: 8 } });
    expect(count(db, "status != 'cancelled'")).toBe(0);
    expect(listRules(db)[0]).toMatchObject({ id: 1, active: false });
    expect(updateRule(db, 42, { priority: 1 }, now)).toMatchObject({ ok: false, notFound: true });
  });

  it("hands lines to a higher-priority rule when one is added", () => {
    const db = setup();
    createRule(db, walkRule, now);
    const first = createRule(
      db,
      {
        ...walkRule,
        name: "Early walks",
        priority: 10,
        allocation: { ...walkRule.allocation, startTimes: ["07:00"] },
      },
      now,
    );
    // Same line, same days: the same bookings, moved to 07:00 and owned by the new rule.
    expect(first).toMatchObject({ ok: true, summary: { inserted: 0, updated: 8, cancelled: 0 } });
    expect(count(db, "status = 'scheduled' AND ruleId = 2")).toBe(8);
  });

  it("seeds the default rules once", () => {
    const db = setup();
    expect(seedDefaultRules(db, now)).toMatchObject({ inserted: 7, summary: { inserted: 8 } });
    expect(seedDefaultRules(db, now)).toEqual({ inserted: 0, summary: null });
    expect(listRules(db).map((r) => r.serviceCode)).toEqual([
      "WALK30",
      "WALK60",
      "WALK60_3X",
      "DAYCARE",
      "PUPPY",
      "GROOM",
      "BOARD",
    ]);
  });
});

describe("previewRuleChange", () => {
  it("shows what saving would do, and writes nothing", () => {
    const db = setup();
    createRule(db, walkRule, now);
    const snapshot = db.prepare("SELECT * FROM Booking ORDER BY id").all();
    const before = changes(db);
    const preview = previewRuleChange(
      db,
      { ruleId: 1, rule: { ...walkRule, allocation: { ...walkRule.allocation, durationMin: 45 } } },
      now,
    );
    expect(preview).toMatchObject({ ok: true, created: [], cancelled: [] });
    if (!preview.ok) return;
    expect(preview.changed).toHaveLength(8);
    expect(preview.changed[0]?.changed).toEqual(["endAt", "derivedEndAt"]);
    const added = previewRuleChange(
      db,
      { rule: { ...walkRule, priority: 1, allocation: { ...walkRule.allocation, startTimes: ["10:00"] } } },
      now,
    );
    expect(added).toMatchObject({ ok: true });
    if (added.ok)
      expect([added.created.length, added.changed.length, added.cancelled.length]).toEqual([0, 8, 0]);
    expect(previewRuleChange(db, { rule: { ...walkRule, matcher: {} } }, now)).toMatchObject({
      ok: false,
      errors: [{ path: "matcher" }],
    });
    expect(changes(db)).toEqual(before);
    expect(db.prepare("SELECT * FROM Booking ORDER BY id").all()).toEqual(snapshot);
  });
});

describe("rules CLI commands", () => {
  function run(name: string, args: string[], stdin = "") {
    const spec = Object.values(rulesCli).find(
      (candidate): candidate is CommandSpec => candidate.name === name,
    );
    if (!spec) throw new Error(`no command ${name}`);
    const ctx = { db: t!.db, now, publicUrl: "http://127.0.0.1:3000", readStdin: async () => stdin };
    return runSpec(spec, args, ctx).then(({ code, lines, errors }) => ({
      code,
      text: [...lines, errors].join("\n"),
    }));
  }

  it("create, list, preview, update, deactivate, rebuild, seed — with exit codes", async () => {
    setup();
    const file = path.join(t!.dir, "rule.json");
    writeFileSync(file, JSON.stringify(walkRule));
    expect(await run("rules:create", [file])).toMatchObject({
      code: 0,
      text: expect.stringContaining("8 created"),
    });
    expect((await run("rules:list", [])).text).toContain("#1 Walks [WALK60] priority 100, active");
    const preview = await run(
      "rules:preview",
      ["-", "--id", "1"],
      JSON.stringify({ ...walkRule, allocation: { ...walkRule.allocation, startTimes: ["08:00"] } }),
    );
    expect(preview).toMatchObject({
      code: 0,
      // Same days, new time: the same bookings move (identity holds no time of day).
      text: expect.stringContaining("+0 created  ~8 changed  −0 cancelled"),
    });
    expect(await run("rules:update", ["1", "-"], '{"priority": 5}')).toMatchObject({ code: 0 });
    expect(await run("bookings:rebuild", [])).toMatchObject({
      code: 0,
      text: expect.stringContaining("0 created, 0 changed, 0 cancelled, 8 unchanged"),
    });
    expect(await run("rules:deactivate", ["1"])).toMatchObject({
      code: 0,
      text: expect.stringContaining("8 cancelled"),
    });
    expect(await run("rules:seed-defaults", [])).toMatchObject({
      code: 0,
      text: expect.stringContaining("nothing inserted"),
    });
  });

  it("exits 2 naming the JSON path for bad input, 1 for a missing rule", async () => {
    setup();
    const bad = JSON.stringify({ ...walkRule, allocation: { ...walkRule.allocation, startTimes: ["9am"] } });
    const refused = await run("rules:create", ["-"], bad);
    expect(refused).toMatchObject({
      code: 2,
      text: expect.stringContaining("allocation.startTimes[0]: must be a local time HH:mm"),
    });
    expect(await run("rules:create", ["-"], "{not json")).toMatchObject({
      code: 2,
      text: expect.stringContaining("not valid JSON"),
    });
    expect(await run("rules:create", [])).toMatchObject({ code: 2 });
    expect(await run("rules:update", ["x"])).toMatchObject({ code: 2 });
    expect(await run("rules:deactivate", ["7"])).toMatchObject({
      code: 1,
      text: expect.stringContaining("rule 7 does not exist"),
    });
    expect(listRules(t!.db)).toHaveLength(0);
  });
});
