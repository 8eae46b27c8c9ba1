// Rules for the built-in demo catalog, matched by the products' service codes. The gift card
// deliberately has none: it buys no time, and shows up as an unmapped line.
import type { Sqlite } from "@/lib/db/sqlite";
import type { ReconcileSummary } from "@/lib/bookings/types";
import { rebuildAllBookings } from "@/lib/bookings/reconcile";
import { ruleInputSchema, type RuleInput, type RuleInputRaw } from "@/lib/rules/schema";
import { insertRule } from "@/lib/rules/store";

const byCode = (code: string) => ({ serviceCodes: [code] });

export const defaultRuleInputs: RuleInputRaw[] = [
  {
    name: "Weekly walk (30 min)",
    serviceCode: "WALK30",
    matcher: byCode("WALK30"),
    allocation: {
      durationMin: 30,
      startTimes: ["09:00"],
      schedule: { kind: "weekly", byWeekday: ["MO"] },
      extraWeekdays: ["WE", "FR"],
    },
  },
  {
    name: "Weekly walk (1h)",
    serviceCode: "WALK60",
    matcher: byCode("WALK60"),
    allocation: {
      durationMin: 60,
      startTimes: ["09:00"],
      schedule: { kind: "weekly", byWeekday: ["MO"] },
      extraWeekdays: ["WE", "FR"],
    },
  },
  {
    name: "Walks Mon/Wed/Fri (1h)",
    serviceCode: "WALK60_3X",
    matcher: byCode("WALK60_3X"),
    allocation: {
      durationMin: 60,
      startTimes: ["09:00"],
      schedule: { kind: "weekly", byWeekday: ["MO", "WE", "FR"] },
    },
  },
  {
    name: "Daycare Tue/Thu",
    serviceCode: "DAYCARE",
    matcher: byCode("DAYCARE"),
    allocation: {
      durationMin: 540,
      startTimes: ["08:00"],
      schedule: { kind: "weekly", byWeekday: ["TU", "TH"] },
    },
  },
  {
    name: "Puppy class (fortnightly)",
    serviceCode: "PUPPY",
    matcher: byCode("PUPPY"),
    allocation: {
      durationMin: 30,
      startTimes: ["10:00"],
      schedule: { kind: "weekly", byWeekday: ["SA"], everyWeeks: 2 },
    },
  },
  {
    name: "Grooming",
    serviceCode: "GROOM",
    matcher: byCode("GROOM"),
    allocation: { durationMin: 90, startTimes: ["10:00"], schedule: { kind: "once", offsetDays: 1 } },
  },
  {
    name: "Boarding (per night)",
    serviceCode: "BOARD",
    matcher: byCode("BOARD"),
    allocation: { durationMin: 900, startTimes: ["18:00"], schedule: { kind: "consecutiveDays" } },
  },
];

/** The demo rules, validated (a typo here fails loudly at first use, not silently in the schedule). */
export function defaultRules(): RuleInput[] {
  return defaultRuleInputs.map((input) => ruleInputSchema.parse(input));
}

/** Inserts the default rules only when the Rule table is empty, then derives bookings; a second call does nothing. */
export function seedDefaultRules(
  db: Sqlite,
  now: Date,
): { inserted: number; summary: ReconcileSummary | null } {
  const rules = defaultRules();
  return db
    .transaction(() => {
      const { n } = db.prepare("SELECT count(*) AS n FROM Rule").get() as { n: number };
      if (n > 0) return { inserted: 0, summary: null };
      for (const rule of rules) insertRule(db, rule, now);
      return { inserted: rules.length, summary: rebuildAllBookings(db, now) };
    })
    .immediate();
}
