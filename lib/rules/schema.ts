// The shape of a rule: which purchased line items it matches (matcher) and how each one
// becomes bookings (allocation). Every rule write and every rule read goes through here.
import { z } from "zod";
import { zodIssues } from "@/lib/http/problem";
import { parseRRuleBody, weekdayCodes } from "@/lib/rules/rrule";

const ids = (what: string) =>
  z
    .array(z.string().min(1, `each ${what} must be a non-empty string`))
    .min(1, `list at least one ${what}, or leave it out`);

export const weekdaySchema = z.enum(weekdayCodes, { error: `must be one of ${weekdayCodes.join(", ")}` });
const weekdays = z.array(weekdaySchema).min(1, "list at least one weekday");

export const recurringIntervals = ["day", "week", "month", "year", "one_time"] as const;

export const matcherSchema = z
  .strictObject({
    priceIds: ids("price id").optional().describe("Stripe price ids (price_…); any one matches."),
    productIds: ids("product id").optional().describe("Stripe product ids (prod_…); any one matches."),
    lookupKeys: ids("lookup key").optional().describe("Price lookup keys; any one matches."),
    productMetadata: z
      .record(z.string().min(1), z.string())
      .refine((entries) => Object.keys(entries).length > 0, "list at least one metadata key, or leave it out")
      .optional()
      .describe("Product metadata that must all be present with these exact values."),
    serviceCodes: ids("service code")
      .optional()
      .describe("The product's `service_code` metadata; any one matches."),
    recurringInterval: z
      .enum(recurringIntervals, { error: `must be one of ${recurringIntervals.join(", ")}` })
      .optional()
      .describe("The price's billing interval; `one_time` for one-off prices."),
    currency: z
      .string()
      .regex(/^[A-Za-z]{3}$/, "must be a 3-letter ISO currency code")
      .transform((code) => code.toLowerCase())
      .optional()
      .describe("The price's currency (3 letters, any case)."),
  })
  .refine((m) => Object.values(m).some((value) => value !== undefined), {
    message:
      "needs at least one criterion: priceIds, productIds, lookupKeys, productMetadata, serviceCodes, recurringInterval or currency",
  });
export type Matcher = z.infer<typeof matcherSchema>;

const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a local time HH:mm (00:00–23:59)");
const positive = (max: number, what: string) =>
  z
    .number()
    .int(`${what} must be a whole number`)
    .min(1, `${what} must be at least 1`)
    .max(max, `${what} must be at most ${max}`);

export const scheduleSchema = z.discriminatedUnion(
  "kind",
  [
    z
      .strictObject({
        kind: z.literal("weekly"),
        byWeekday: weekdays.describe("The weekdays of each booking: MO TU WE TH FR SA SU."),
        everyWeeks: positive(52, "everyWeeks").optional().describe("Every n weeks (default 1)."),
      })
      .describe("Fixed weekdays, every week or every n weeks."),
    z
      .strictObject({
        kind: z.literal("perPeriod"),
        count: positive(31, "count").describe("Bookings per billing period, spread evenly."),
        byWeekday: weekdays.optional().describe("Only these weekdays (default: any day)."),
      })
      .describe("A number of bookings per billing period (e.g. 8 a month), spread over the period."),
    z
      .strictObject({
        kind: z.literal("rrule"),
        rule: z
          .string()
          .superRefine((rule, ctx) => {
            try {
              parseRRuleBody(rule);
            } catch (error) {
              ctx.addIssue({
                code: "custom",
                message: error instanceof Error ? error.message : String(error),
              });
            }
          })
          .describe("An RFC 5545 RRULE body without DTSTART, e.g. FREQ=MONTHLY;BYDAY=1SA."),
      })
      .describe("Any iCalendar recurrence."),
    z
      .strictObject({
        kind: z.literal("once"),
        offsetDays: z
          .number()
          .int()
          .min(0)
          .max(365)
          .optional()
          .describe("Days after the purchase (default 0: the first slot from the purchase on)."),
      })
      .describe("One booking per purchase."),
    z
      .strictObject({
        kind: z.literal("consecutiveDays"),
        offsetDays: z
          .number()
          .int()
          .min(0)
          .max(365)
          .optional()
          .describe("Days after the purchase the first day falls on (default 0)."),
      })
      .describe("One booking a day for `quantity` days in a row (boarding nights)."),
  ],
  { error: "kind must be one of weekly, perPeriod, rrule, once, consecutiveDays" },
);
export type Schedule = z.infer<typeof scheduleSchema>;

export const spanSchema = z.union(
  [
    z.literal("subscription"),
    z.literal("invoicePeriod"),
    z.strictObject({ weeks: positive(520, "weeks") }),
    z.strictObject({ count: positive(1000, "count") }),
  ],
  { error: 'must be "subscription", "invoicePeriod", { "weeks": n } or { "count": n }' },
);
export type Span = z.infer<typeof spanSchema>;

export const allocationSchema = z.strictObject({
  durationMin: positive(7 * 24 * 60, "durationMin")
    .optional()
    .describe("Minutes per booking. Default: the business's default duration (60)."),
  startTimes: z
    .array(localTime)
    .min(1, "list at least one start time, or leave startTimes out")
    .refine((times) => new Set(times).size === times.length, "start times must not repeat")
    .optional()
    .describe(
      "Local times HH:mm in the business time zone; one booking at each. Default: the business's default start time (09:00).",
    ),
  schedule: scheduleSchema.describe("Which days: one of the schedule kinds below, told apart by `kind`."),
  span: spanSchema
    .optional()
    .describe(
      'How long the line keeps producing bookings. Default: "subscription" for subscription items, "invoicePeriod" for invoice lines.',
    ),
  quantity: z
    .enum(["multiply", "ignore"], { error: 'must be "multiply" or "ignore"' })
    .default("multiply")
    .describe(
      "What the line's Stripe quantity means: multiply = that many bookings per occurrence; ignore = one.",
    ),
  extraWeekdays: z
    .union([z.literal("parallel"), weekdays], { error: 'must be "parallel" or a list of weekdays' })
    .optional()
    .describe(
      'Where the extra bookings of a quantity above 1 go: "parallel" (same slot, the default) or later weekdays of the same week.',
    ),
  staffId: z
    .number()
    .int()
    .positive("staffId must be a staff id")
    .optional()
    .describe("Assign every booking to this staff member (`./run staff:list`). Default: unassigned."),
});
export type Allocation = z.infer<typeof allocationSchema>;
export type AllocationInput = z.input<typeof allocationSchema>;

export const ruleInputSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, "name is required")
    .max(120)
    .describe("Shown on the rules screen and in previews."),
  serviceCode: z
    .string()
    .trim()
    .min(1, "serviceCode is required")
    .max(64)
    .describe("The service the bookings are for (written on each booking); not a matching criterion."),
  priority: z
    .number()
    .int()
    .min(0)
    .max(1_000_000)
    .default(100)
    .describe("Lower wins when several active rules match the same line."),
  active: z.boolean().default(true).describe("Inactive rules are kept but make no bookings."),
  matcher: matcherSchema.describe(
    "Which purchased line items the rule takes; every criterion given must match.",
  ),
  allocation: allocationSchema.describe("How each matched line becomes bookings."),
});
export type RuleInput = z.infer<typeof ruleInputSchema>;
/** What callers may send (defaults not yet applied). */
export type RuleInputRaw = z.input<typeof ruleInputSchema>;

/** A stored, validated rule. */
export interface Rule extends RuleInput {
  id: number;
}

export interface RuleIssue {
  /** e.g. `allocation.schedule.byWeekday[1]` */
  path: string;
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: RuleIssue[] };

function parseWith<T extends z.ZodType>(schema: T, input: unknown): ParseResult<z.infer<T>> {
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: zodIssues(parsed.error) };
}

/** Validates a whole rule; errors carry JSON paths such as `allocation.schedule.byWeekday[1]`. */
export function parseRule(input: unknown): ParseResult<RuleInput> {
  return parseWith(ruleInputSchema, input);
}

export function parseMatcher(input: unknown): ParseResult<Matcher> {
  return parseWith(matcherSchema, input);
}

export function parseAllocation(input: unknown): ParseResult<Allocation> {
  return parseWith(allocationSchema, input);
}

/** Formats issues one per line, `path: message`. */
export function formatIssues(errors: RuleIssue[]): string[] {
  return errors.map((issue) => `${issue.path || "(rule)"}: ${issue.message}`);
}
