// What each calendar says (issue 15), read back with ical.js from real feeds over real derived
// bookings: the client named once; client feeds without staff-only details; a rule's time change
// updates the same events; cancelled events stay for the retention setting, then drop out.
import { afterEach, describe, expect, it } from "vitest";
import { serveFeed } from "@/lib/calendar/feed";
import { createFeed } from "@/lib/feeds/tokens";
import { createRule, updateRule } from "@/lib/rules/store";
import { updateSettings } from "@/lib/settings";
import { parseIcs } from "@/tests/calendar-fixtures";
import { freshDb, type TestDb } from "@/tests/support/db";
import { seedWalkSubscription, walkRule } from "@/tests/support/walk-subscription";
import { insertStaff } from "@/tests/support/mirror-rows";

let t: TestDb | undefined;
afterEach(() => t?.cleanup());

// A Sunday: every Monday of the 8-week horizon has both 09:00 and 18:00 inside it.
const now = new Date("2026-03-01T12:00:00Z");
const publicUrl = "https://cal.example.com";

function setup(options: { staff: boolean }) {
  t = freshDb();
  const db = t.db;
  seedWalkSubscription(db, now, "Harry Evans");
  const sam = insertStaff(db, "Sam Patel");
  const rule = createRule(
    db,
    { ...walkRule, allocation: { ...walkRule.allocation, ...(options.staff ? { staffId: sam } : {}) } },
    now,
  );
  if (!rule.ok) throw new Error("rule not created");
  const feed = (scope: Parameters<typeof createFeed>[1]) => createFeed(db, scope, now).token;
  const tokens = {
    business: feed({ scope: "business" }),
    staff: feed({ scope: "staff", staffId: sam }),
    client: feed({ scope: "client", clientStripeId: "cus_1" }),
  };
  const read = (token: string, at = now) => {
    const response = serveFeed(db, token, { now: at, publicUrl });
    if (response.status !== 200) throw new Error(`feed answered ${response.status}`);
    return parseIcs(response.body);
  };
  return { db, sam, ruleId: rule.rule.id, tokens, read };
}

const occurrences = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe("calendar content per feed scope", () => {
  it("business and staff feeds name the client once and keep the operational details", () => {
    const { tokens, read } = setup({ staff: true });
    for (const token of [tokens.business, tokens.staff]) {
      const events = read(token).events;
      expect(events.length).toBeGreaterThan(0);
      for (const event of events) {
        expect(event.summary).toBe("Weekly Walk (1h) — Harry Evans");
        expect(occurrences(event.description, "Harry Evans")).toBe(1);
        expect(event.description).toContain("Staff: Sam Patel");
        expect(event.description).toContain("Source: subscription sub_1");
        expect(event.url).toMatch(/^https:\/\/cal\.example\.com\/bookings\/\d+$/);
      }
    }
  });

  it("a client feed shows time, service, the walker's first name and a plain status — nothing staff-only", () => {
    const { tokens, read } = setup({ staff: true });
    const events = read(tokens.client).events;
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      expect(event.summary).toBe("Weekly Walk (1h) with Sam");
      expect(event.description).toBe("Service: Weekly Walk (1h)\nWalker: Sam\nStatus: Booked");
      expect(event.url).toBeNull();
      expect(`${event.summary}\n${event.description}`).not.toMatch(
        /sub_1|si_1|cus_1|Patel|Staff:|\/bookings\//,
      );
    }
  });

  it("a client feed without a walker assigned says nothing about staff; a cancellation is plain words", () => {
    const { db, ruleId, tokens, read } = setup({ staff: false });
    const unassigned = read(tokens.client).events[0];
    expect(unassigned?.summary).toBe("Weekly Walk (1h)");
    expect(unassigned?.description).toBe("Service: Weekly Walk (1h)\nStatus: Booked");
    expect(read(tokens.business).events[0]?.description).toContain("Staff: Unassigned");

    updateRule(db, ruleId, { active: false }, now);
    const cancelled = read(tokens.client).events;
    expect(cancelled.every((e) => e.status === "CANCELLED")).toBe(true);
    expect(cancelled[0]?.summary).toBe("Cancelled: Weekly Walk (1h)");
    expect(cancelled[0]?.description).toBe("Service: Weekly Walk (1h)\nStatus: Cancelled");
    // The business feed keeps the reason.
    expect(read(tokens.business).events[0]?.description).toMatch(/Status: Cancelled \(\w+\)/);
  });

  it("a rule's time change updates the same events: same UIDs, SEQUENCE + 1, nothing cancelled", () => {
    const { db, ruleId, tokens, read } = setup({ staff: true });
    const before = read(tokens.business).events;
    const result = updateRule(db, ruleId, { allocation: { startTimes: ["18:00"] } }, now);
    expect(result).toMatchObject({ ok: true, summary: { inserted: 0, cancelled: 0 } });
    const after = read(tokens.business).events;
    expect(after.map((e) => e.uid)).toEqual(before.map((e) => e.uid));
    expect(after.every((e) => e.status === "CONFIRMED" && e.localStart.endsWith("T18:00:00"))).toBe(true);
    expect(after.map((e) => e.sequence)).toEqual(before.map((e) => e.sequence + 1));
  });

  it("cancelled events stay in feeds for cancelledKeepDays after the cancellation, then drop out", () => {
    const { db, ruleId, tokens, read } = setup({ staff: true });
    updateRule(db, ruleId, { active: false }, now);
    const day = 86_400_000;
    expect(read(tokens.business, new Date(now.getTime() + 13 * day)).events.length).toBeGreaterThan(0);
    expect(read(tokens.business, new Date(now.getTime() + 15 * day)).events).toEqual([]);
    updateSettings(db, { cancelledKeepDays: 30 });
    expect(read(tokens.business, new Date(now.getTime() + 15 * day)).events.length).toBeGreaterThan(0);
  });
});
