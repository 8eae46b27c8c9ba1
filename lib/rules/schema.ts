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
    priceIds: ids("price id").optional(),
    productIds: ids("product id").optional(),
    lookupKeys: ids("lookup key").optional(),
    productMetadata: z
      .record(z.string().min(1), z.string())
      .refine((entries) => Object.keys(entries).length > 0, "list at least one metadata key, or leave it out")
      .optional(),
    serviceCodes: ids("service code").optional(),
    recurringInterval: z
      .enum(recurringIntervals, { error: `must be one of ${recurringIntervals.join(", ")}` })
      .optional(),
    currency: z
      .string()
      .regex(/^[A-Za-z]{3}$/, "must be a 3-letter ISO currency code")
      .transform((code) => code.toLowerCase())
      .optional(),
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
    z.strictObject({
      kind: z.literal("weekly"),
      byWeekday: weekdays,
      everyWeeks: positive(52, "everyWeeks").optional(),
    }),
    z.strictObject({
      kind: z.literal("perPeriod"),
      count: positive(31, "count"),
      byWeekday: weekdays.optional(),
    }),
    z.strictObject({
      kind: z.literal("rrule"),
      rule: z.string().superRefine((rule, ctx) => {
        try {
          parseRRuleBody(rule);
        } catch (error) {
          ctx.addIssue({ code: "custom", message: error instanceof Error ? error.message : String(error) });
        }
      }),
    }),
    z.strictObject({ kind: z.literal("once"), offsetDays: z.number().int().min(0).max(365).optional() }),
    z.strictObject({
      kind: z.literal("consecutiveDays"),
      offsetDays: z.number().int().min(0).max(365).optional(),
    }),
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
  /** Default: settings.defaultDurationMin. */
  durationMin: positive(7 * 24 * 60, "durationMin").optional(),
  /** Local business times; default: [settings.defaultStartTime]. */
  startTimes: z
    .array(localTime)
    .min(1, "list at least one start time, or leave startTimes out")
    .refine((times) => new Set(times).size === times.length, "start times must not repeat")
    .optional(),
  schedule: scheduleSchema,
  /** Default: "subscription" for subscription items, "invoicePeriod" for invoice lines. */
  span: spanSchema.optional(),
  quantity: z.enum(["multiply", "ignore"], { error: 'must be "multiply" or "ignore"' }).default("multiply"),
  /** Where the extra bookings of a quantity above 1 go; default "parallel" (same slot). */
  extraWeekdays: z
    .union([z.literal("parallel"), weekdays], { error: 'must be "parallel" or a list of weekdays' })
    .optional(),
  staffId: z.number().int().positive("staffId must be a staff id").optional(),
});
export type Allocation = z.infer<typeof allocationSchema>;
export type AllocationInput = z.input<typeof allocationSchema>;

export const ruleInputSchema = z.strictObject({
  name: z.string().trim().min(1, "name is required").max(120),
  serviceCode: z.string().trim().min(1, "serviceCode is required").max(64),
  priority: z.number().int().min(0).max(1_000_000).default(100),
  active: z.boolean().default(true),
  matcher: matcherSchema,
  allocation: allocationSchema,
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
