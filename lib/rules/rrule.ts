// The `rrule` package ships CommonJS to Node (no "exports" map) and ESM to bundlers; a
// namespace import has the classes either directly or under `default`. This module hides it.
import * as rruleModule from "rrule";
import type { Options } from "rrule";

type RRuleModule = typeof rruleModule;
const namespace = rruleModule as RRuleModule & { default?: RRuleModule };
const lib: RRuleModule = namespace.RRule ? namespace : (namespace.default ?? namespace);

export const RRule = lib.RRule;
export type RRuleOptions = Partial<Options>;

/** Weekday codes in rrule order (MO = 0). */
export const weekdayCodes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export type WeekdayCode = (typeof weekdayCodes)[number];

const allowedFreqs = new Set([RRule.YEARLY, RRule.MONTHLY, RRule.WEEKLY, RRule.DAILY]);

/** Parses an RRULE body (no DTSTART: rules are anchored by their source); throws a readable message. */
export function parseRRuleBody(rule: string): RRuleOptions {
  if (/DTSTART|TZID/i.test(rule))
    throw new Error("must not contain DTSTART or TZID (the source sets the start)");
  const body = rule.trim().replace(/^RRULE:/i, "");
  let options: RRuleOptions;
  try {
    options = RRule.parseString(body);
  } catch (error) {
    throw new Error(`is not a valid RRULE: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (options.freq === undefined || !allowedFreqs.has(options.freq)) {
    throw new Error("needs FREQ=DAILY, WEEKLY, MONTHLY or YEARLY");
  }
  for (const [name, value] of Object.entries(options)) {
    const values: unknown[] = Array.isArray(value) ? value : [value];
    if (values.some((v) => v === undefined || (typeof v === "number" && Number.isNaN(v)))) {
      throw new Error(`has an invalid ${name === "byweekday" ? "BYDAY" : name.toUpperCase()} value`);
    }
  }
  return options;
}
