// The General settings form's schema. Browser-safe (zod only): the form validates with it
// before sending and /api/owner/settings parses the same schema, so errors name the same field.
import { z } from "zod";
import { TEXT_LIMITS } from "@/lib/text-limits";

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return zone.includes("/") || zone === "UTC";
  } catch {
    return false;
  }
}

/** An ISO 3166 region the browser knows by name ("GB"; not "ZZ", the unknown region). */
function isRegion(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code) || code === "ZZ") return false;
  return new Intl.DisplayNames(["en-GB"], { type: "region", fallback: "none" }).of(code) !== undefined;
}

/** A blank box is no number (z.coerce would read it as 0). */
const blankIsNaN = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? Number.NaN : value;

export const generalSettingsSchema = z.strictObject({
  businessName: z
    .string()
    .trim()
    .min(1, "a business name is required")
    .max(TEXT_LIMITS.businessName, `at most ${TEXT_LIMITS.businessName} characters`),
  timeZone: z
    .string()
    .trim()
    .refine(isTimeZone, "an IANA time zone such as Europe/London or America/New_York"),
  horizonWeeks: z.coerce
    .number({ message: "a number of weeks" })
    .int("whole weeks")
    .min(1, "at least 1 week")
    .max(104, "at most 104 weeks"),
  feedPastDays: z.coerce
    .number({ message: "a number of days" })
    .int("whole days")
    .min(0, "0 or more days")
    .max(3650, "at most 3650 days"),
  feedFutureDays: z.coerce
    .number({ message: "a number of days" })
    .int("whole days")
    .min(1, "at least 1 day")
    .max(3650, "at most 3650 days"),
  paymentFailedPolicy: z.enum(["keep", "hold"], { message: "keep or hold" }),
  // Optional (left as they are when absent) so callers written before them keep working.
  startGraceMin: z
    .preprocess(
      blankIsNaN,
      z.coerce
        .number({ message: "a number of minutes" })
        .int("whole minutes")
        .min(0, "0 or more minutes")
        .max(24 * 60, "at most 1440 minutes (a day)"),
    )
    .optional(),
  /** "" (or null): numbers without a country code are read with the time zone's country. */
  phoneCountry: z
    .string()
    .trim()
    .refine((code) => code === "" || isRegion(code), "a country from the list, or “From the time zone”")
    .transform((code) => (code === "" ? null : code))
    .nullable()
    .optional(),
});
export type GeneralSettings = z.output<typeof generalSettingsSchema>;

/** Settings that derivation reads: changing one re-derives bookings, so it is previewed first. */
export const REDERIVING_SETTINGS = ["timeZone", "horizonWeeks", "paymentFailedPolicy"] as const;
