// The rules editor's domain on real SQLite: a save applies exactly what its preview showed, a
// stale preview or an invalid rule writes nothing, reorder and deactivate re-derive.
import { afterEach, describe, expect, it } from "vitest";
import type { Sqlite } from "@/lib/db/sqlite";
import {
  draftFromUnmapped,
  moveRule,
  previewRuleSave,
  reorderRules,
  saveRuleSafely,
  setRuleActive,
  upcomingRuleBookings,
} from "@/lib/rules/editor";
import { errorsByField, fieldOfPath, parseJsonText } from "@/lib/rules/editor-form";
import { listUnmappedLines } from "@/lib/rules/match";
import { listRules } from "@/lib/rules/repo";
import { createRule } from "@/lib/rules/store";
import { loadSettings } from "@/lib/settings";
import { freshDb, type TestDb } from "@/tests/support/db";
import { seedWalkSubscription, walkRule } from "@/tests/support/walk-subscription";
import { catalog, writeSubscription } from "@/tests/support/mirror-rows";

let t: TestDb | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

const now = new Date("2026-03-01T12:00:00Z"); // a Sunday: no booking of the day has started
const DAY = 86_400_000;

function setup(): Sqlite {
  t = freshDb();
  seedWalkSubscription(t.db, now);
  loadSettings(t.db); // the settings row exists before anything is counted
  return t.db;
}

const bookings = (db: Sqlite) =>
  db.prepare("SELECT bookingKey, startAt, status, ruleId FROM Booking ORDER BY bookingKey").all() as {
    bookingKey: string;
    startAt: number;
    status: string;
    ruleId: number | null;
  }[];
const totalChanges = (db: Sqlite) => (db.prepare("SELECT total_changes() AS n").get() as { n: number }).n;

describe("preview then save", () => {
  it("a new rule: the preview's counts, samples and keys are what the save writes", () => {
    const db = setup();
    const before = totalChanges(db);
    const previewed = previewRuleSave(db, { rule: walkRule }, now);
    expect(previewed.ok).toBe(true);
    if (!previewed.ok) return;
    expect(totalChanges(db)).toBe(before); // the preview wrote nothing
    const { counts, samples } = previewed.preview;
    expect(counts).toEqual({ created: 8, changed: 0, cancelled: 0, unchanged: 0 });
    expect(samples.created).toHaveLength(5);
    expect(samples.created[0]).toMatchObject({ title: expect.any(String), clientName: "Jane Doe" });
    expect(samples.created[0]!.when).toMatch(/^Mon \d+ Mar, 09:00–10:00$/);

    const saved = saveRuleSafely(db, { rule: walkRule, expect: previewed.preview.fingerprint }, now);
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    expect(saved.summary).toMatchObject({ inserted: 8, updated: 0, cancelled: 0 });
    const rows = bookings(db);
    expect(rows).toHaveLength(8);
    expect(rows.every((b) => b.ruleId === saved.rule.id && b.status === "scheduled")).toBe(true);
    const sampleKeys = samples.created.map((s) => s.bookingKey);
    expect(rows.map((b) => b.bookingKey)).toEqual(expect.arrayContaining(sampleKeys));
  });

  it("an edit: moving the time previews 8 changes and the save applies those 8", () => {
    const db = setup();
    const created = saveRuleSafely(db, { rule: walkRule }, now);
    if (!created.ok) throw new Error("setup");
    const edited = { ...walkRule, allocation: { ...walkRule.allocation, startTimes: ["14:00"] } };
    const previewed = previewRuleSave(db, { ruleId: created.rule.id, rule: edited }, now);
    if (!previewed.ok) throw new Error("preview");
    expect(previewed.preview.counts).toMatchObject({ created: 0, changed: 8, cancelled: 0 });
    expect(previewed.preview.samples.changed[0]!.before).toMatch(/09:00–10:00$/);
    expect(previewed.preview.samples.changed[0]!.when).toMatch(/14:00–15:00$/);
    const saved = saveRuleSafely(
      db,
      { ruleId: created.rule.id, rule: edited, expect: previewed.preview.fingerprint },
      now,
    );
    expect(saved).toMatchObject({ ok: true, summary: { inserted: 0, updated: 8, cancelled: 0 } });
  });

  it("an edit replaces the rule whole: a matcher field removed in the form is gone", () => {
    const db = setup();
    const first = saveRuleSafely(
      db,
      { rule: { ...walkRule, matcher: { serviceCodes: ["WALK60"], currency: "usd" } } },
      now,
    );
    if (!first.ok) throw new Error("setup");
    expect(bookings(db)).toHaveLength(0); // the catalog is in GBP
    const saved = saveRuleSafely(db, { ruleId: first.rule.id, rule: walkRule }, now);
    expect(saved).toMatchObject({ ok: true, summary: { inserted: 8 } });
    expect(JSON.parse(listRules(db)[0]!.matcherJson)).toEqual({ serviceCodes: ["WALK60"] });
  });

  it("a stale preview is refused with the new one, and nothing is written", () => {
    const db = setup();
    const previewed = previewRuleSave(db, { rule: walkRule }, now);
    if (!previewed.ok) throw new Error("preview");
    // Meanwhile a second subscription arrives: saving now would create more than was shown.
    writeSubscription(db, {
      stripeId: "sub_2",
      clientStripeId: "cus_1",
      status: "active",
      startDate: new Date(now.getTime() - 3 * DAY),
      sourceAt: now,
      items: [
        { stripeId: "si_2", priceStripeId: catalog.walk60.price, productStripeId: catalog.walk60.product },
      ],
    });
    const before = totalChanges(db);
    const saved = saveRuleSafely(db, { rule: walkRule, expect: previewed.preview.fingerprint }, now);
    expect(saved).toMatchObject({ ok: false, kind: "stale", preview: { counts: { created: 16 } } });
    expect(totalChanges(db)).toBe(before);
    expect(listRules(db)).toHaveLength(0);
  });

  it("an invalid rule changes nothing and names each field", () => {
    const db = setup();
    saveRuleSafely(db, { rule: walkRule }, now);
    const before = totalChanges(db);
    const bad = {
      ...walkRule,
      allocation: {
        ...walkRule.allocation,
        startTimes: ["09:00", "25:00"],
        schedule: { kind: "weekly", byWeekday: ["XX"] },
      },
    };
    const saved = saveRuleSafely(db, { rule: bad }, now);
    expect(saved.ok).toBe(false);
    if (saved.ok || saved.kind === "stale") return;
    const fields = errorsByField(saved.errors);
    expect(fields["allocation.startTimes"]).toMatch(/^item 2: must be a local time/);
    expect(fields["allocation.schedule.byWeekday"]).toMatch(/must be one of MO/);
    expect(totalChanges(db)).toBe(before);
    expect(listRules(db)).toHaveLength(1);
  });

  it("a staff member that does not exist is refused at write time and rolls back", () => {
    const db = setup();
    const before = totalChanges(db);
    const saved = saveRuleSafely(
      db,
      { rule: { ...walkRule, allocation: { ...walkRule.allocation, staffId: 99 } } },
      now,
    );
    expect(saved).toMatchObject({ ok: false, kind: "invalid", errors: [{ path: "allocation.staffId" }] });
    expect(listRules(db)).toHaveLength(0);
    expect(bookings(db)).toHaveLength(0);
    expect(totalChanges(db)).toBe(before);
  });
});

describe("order and activation", () => {
  it("moving a rule up makes it win the line, and its bookings follow", () => {
    const db = setup();
    const a = createRule(db, walkRule, now);
    const b = createRule(
      db,
      { ...walkRule, name: "Walks at 7", allocation: { ...walkRule.allocation, startTimes: ["07:00"] } },
      now,
    );
    if (!a.ok || !b.ok) throw new Error("setup");
    expect(
      new Set(
        bookings(db)
          .filter((x) => x.status === "scheduled")
          .map((x) => x.ruleId),
      ),
    ).toEqual(new Set([a.rule.id]));
    const moved = moveRule(db, b.rule.id, "up", now);
    expect(moved).toMatchObject({ ok: true, summary: { updated: 8 } });
    expect(listRules(db).map((r) => [r.id, r.priority])).toEqual([
      [b.rule.id, 10],
      [a.rule.id, 20],
    ]);
    expect(
      new Set(
        bookings(db)
          .filter((x) => x.status === "scheduled")
          .map((x) => x.ruleId),
      ),
    ).toEqual(new Set([b.rule.id]));
    // Moving the first rule up changes nothing.
    expect(moveRule(db, b.rule.id, "up", now)).toMatchObject({ ok: true, summary: { updated: 0 } });
  });

  it("reorder refuses a list that is not every rule exactly once", () => {
    const db = setup();
    const a = createRule(db, walkRule, now);
    if (!a.ok) throw new Error("setup");
    expect(reorderRules(db, [a.rule.id, a.rule.id], now)).toMatchObject({ ok: false, kind: "invalid" });
    expect(reorderRules(db, [], now)).toMatchObject({ ok: false });
    expect(moveRule(db, 999, "down", now)).toMatchObject({ ok: false, kind: "not-found" });
  });

  it("deactivate cancels the rule's future bookings; activate brings the same keys back", () => {
    const db = setup();
    const a = createRule(db, walkRule, now);
    if (!a.ok) throw new Error("setup");
    const keys = bookings(db).map((b) => b.bookingKey);
    expect(setRuleActive(db, a.rule.id, false, now)).toMatchObject({ ok: true, summary: { cancelled: 8 } });
    expect(upcomingRuleBookings(db, a.rule.id, now).total).toBe(0);
    expect(listUnmappedLines(db)).toHaveLength(1);
    expect(setRuleActive(db, a.rule.id, true, now)).toMatchObject({ ok: true, summary: { updated: 8 } });
    expect(bookings(db).map((b) => b.bookingKey)).toEqual(keys);
    const upcoming = upcomingRuleBookings(db, a.rule.id, now, 3);
    expect(upcoming.total).toBe(8);
    expect(upcoming.bookings).toHaveLength(3);
  });
});

describe("editor form helpers", () => {
  it("a draft from an unmapped line is a valid rule that then maps the line", () => {
    const db = setup();
    const [line] = listUnmappedLines(db);
    const draft = draftFromUnmapped(line!);
    expect(draft.matcher).toEqual({ serviceCodes: ["WALK60"] });
    const saved = saveRuleSafely(db, { rule: draft }, now);
    expect(saved.ok).toBe(true);
    expect(listUnmappedLines(db)).toHaveLength(0);
  });

  it("maps issue paths to fields and says where JSON breaks", () => {
    expect(fieldOfPath("allocation.schedule.byWeekday[1]")).toBe("allocation.schedule.byWeekday");
    expect(fieldOfPath("matcher")).toBe("matcher");
    expect(fieldOfPath("allocation.span.weeks")).toBe("allocation.span");
    expect(fieldOfPath("")).toBe("form");
    expect(fieldOfPath("bogus")).toBe("form");
    const bad = parseJsonText('{\n  "name": "x",\n  oops\n}');
    expect(bad).toMatchObject({ ok: false, message: expect.stringMatching(/line 3, column 3/) });
    expect(parseJsonText("[1]")).toMatchObject({ ok: false });
    expect(parseJsonText('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
  });
});
