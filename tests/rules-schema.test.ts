// Rule JSON validation: every problem is reported with the JSON path a user can fix.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseRule, type RuleInputRaw } from "@/lib/rules/schema";
import { defaultRuleInputs } from "@/lib/rules/defaults";

const base = {
  name: "Walk",
  serviceCode: "WALK60",
  matcher: { serviceCodes: ["WALK60"] },
  allocation: { durationMin: 60, schedule: { kind: "weekly", byWeekday: ["MO"] } },
};
const withAllocation = (patch: Record<string, unknown>) => ({
  ...base,
  allocation: { ...base.allocation, ...patch },
});

describe("parseRule", () => {
  it("accepts a minimal rule and fills in the defaults", () => {
    const result = parseRule(base);
    expect(result).toEqual({
      ok: true,
      value: {
        ...base,
        priority: 100,
        active: true,
        allocation: { ...base.allocation, quantity: "multiply" },
      },
    });
  });

  it("accepts every default rule", () => {
    for (const input of defaultRuleInputs) expect(parseRule(input).ok).toBe(true);
  });

  it.each([
    [
      "a bad weekday",
      withAllocation({ schedule: { kind: "weekly", byWeekday: ["MO", "XX"] } }),
      "allocation.schedule.byWeekday[1]",
      /MO, TU, WE/,
    ],
    ["an empty matcher", { ...base, matcher: {} }, "matcher", /at least one criterion/],
    [
      "a misspelt matcher key",
      { ...base, matcher: { priceID: ["price_1"] } },
      "matcher",
      /Unrecognized key: "priceID"/,
    ],
    [
      "a start time without a leading zero",
      withAllocation({ startTimes: ["09:00", "9:30"] }),
      "allocation.startTimes[1]",
      /HH:mm/,
    ],
    [
      "an unknown schedule kind",
      withAllocation({ schedule: { kind: "monthly" } }),
      "allocation.schedule.kind",
      /weekly, perPeriod/,
    ],
    [
      "an invalid RRULE day",
      withAllocation({ schedule: { kind: "rrule", rule: "FREQ=WEEKLY;BYDAY=XX" } }),
      "allocation.schedule.rule",
      /BYDAY/,
    ],
    [
      "an hourly RRULE",
      withAllocation({ schedule: { kind: "rrule", rule: "FREQ=HOURLY" } }),
      "allocation.schedule.rule",
      /FREQ=DAILY/,
    ],
    [
      "an RRULE with DTSTART",
      withAllocation({ schedule: { kind: "rrule", rule: "DTSTART:20260101T000000Z\nRRULE:FREQ=DAILY" } }),
      "allocation.schedule.rule",
      /DTSTART/,
    ],
    ["a span in months", withAllocation({ span: { months: 2 } }), "allocation.span", /"invoicePeriod"/],
    [
      "perPeriod with count 0",
      withAllocation({ schedule: { kind: "perPeriod", count: 0 } }),
      "allocation.schedule.count",
      /at least 1/,
    ],
    [
      "an unknown interval",
      { ...base, matcher: { recurringInterval: "fortnight" } },
      "matcher.recurringInterval",
      /day, week, month, year, one_time/,
    ],
    ["a bad currency", { ...base, matcher: { currency: "pounds" } }, "matcher.currency", /3-letter/],
    [
      "a bad extraWeekdays entry",
      withAllocation({ extraWeekdays: ["TU", "funday"] }),
      "allocation.extraWeekdays",
      /parallel/,
    ],
    ["a missing name", { ...base, name: " " }, "name", /required/],
    [
      "a fractional duration",
      withAllocation({ durationMin: 30.5 }),
      "allocation.durationMin",
      /whole number/,
    ],
  ])("refuses %s, naming %s", (_label, input, path, message) => {
    const result = parseRule(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const issue = result.errors.find((e) => e.path === path);
    expect(issue, JSON.stringify(result.errors)).toBeDefined();
    expect(issue?.message).toMatch(message);
  });

  it("round-trips any valid weekly rule through JSON unchanged", () => {
    const weekday = fc.constantFrom("MO", "TU", "WE", "TH", "FR", "SA", "SU");
    const time = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`);
    fc.assert(
      fc.property(
        fc.uniqueArray(weekday, { minLength: 1 }),
        fc.uniqueArray(time, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 600 }),
        (days, times, duration) => {
          const input: RuleInputRaw = {
            name: "r",
            serviceCode: "X",
            matcher: { lookupKeys: ["k"] },
            allocation: {
              durationMin: duration,
              startTimes: times,
              schedule: { kind: "weekly", byWeekday: days },
            },
          };
          const first = parseRule(input);
          expect(first.ok).toBe(true);
          if (first.ok) expect(parseRule(JSON.parse(JSON.stringify(first.value)))).toEqual(first);
        },
      ),
    );
  });
});
