// The schemas of the staff screens' forms. Browser-safe (zod only): the form validates with
// them before sending, and the /api/staff routes parse the same schema, so an error the server
// finds names the same field. Dates and times are local to the business time zone.
import { z } from "zod";
import { TEXT_LIMITS } from "@/lib/text-limits";

const date = z.iso.date({ message: "pick a date" });
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "use HH:mm, e.g. 09:30");
const duration = z.coerce
  .number({ message: "minutes, e.g. 60" })
  .int("whole minutes")
  .min(5, "at least 5 minutes")
  .max(24 * 60, "at most 24 hours");
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `at most ${max} characters`)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();
const optionalTime = time
  .or(z.literal(""))
  .transform((v) => (v === "" ? null : v))
  .nullable()
  .optional();

/** A moment as a datetime-local input gives it (local to the business): "2026-12-07T09:30". */
const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, "pick a date and a time, e.g. 7 Dec 09:30");
/** A check-in/out moment; a bare time (older clients) means the visit's own day. Empty clears. */
const optionalMoment = localDateTime
  .or(time)
  .or(z.literal(""))
  .transform((v) => (v === "" ? null : v))
  .nullable()
  .optional();

export const rescheduleFormSchema = z.strictObject({ date, startTime: time, durationMin: duration });

export const statusFormSchema = z.strictObject({
  status: z.enum(["scheduled", "cancelled", "completed", "no_show"]),
  note: optionalText(TEXT_LIMITS.note),
  reason: optionalText(TEXT_LIMITS.statusReason),
  checkIn: optionalMoment,
  checkOut: optionalMoment,
});

export const seriesFormSchema = z
  .strictObject({
    fromDate: date,
    weekday: z.coerce.number().int().min(1).max(7).nullable().optional(),
    startTime: optionalTime,
    durationMin: duration.nullable().optional(),
  })
  .refine((v) => v.weekday != null || v.startTime != null || v.durationMin != null, {
    message: "change the day, the time or the length",
    path: ["startTime"],
  });

export const manualFormSchema = z.strictObject({
  title: z
    .string()
    .trim()
    .min(1, "a title is required")
    .max(TEXT_LIMITS.bookingTitle, `at most ${TEXT_LIMITS.bookingTitle} characters`),
  serviceCode: z
    .string()
    .trim()
    .min(1, "a service is required")
    .max(TEXT_LIMITS.serviceCode, `at most ${TEXT_LIMITS.serviceCode} characters`),
  clientStripeId: optionalText(TEXT_LIMITS.stripeId),
  date,
  startTime: time,
  durationMin: duration,
  staffId: z.coerce.number().int().positive().nullable().optional(),
  notes: optionalText(TEXT_LIMITS.note),
});

export const assignFormSchema = z.strictObject({
  ids: z.array(z.number().int().positive()).min(1, "select at least one booking").max(500),
  staffId: z.number().int().positive().nullable(),
  /** Booking id → the SEQUENCE the screen showed: a visit changed since is not assigned (412). */
  versions: z.record(z.string(), z.number().int().nonnegative()).optional(),
});

export const defaultFormSchema = z.strictObject({
  scope: z.enum(["client", "subscription", "rule"]),
  key: z.string().min(1).max(TEXT_LIMITS.stripeId),
  staffId: z.number().int().positive().nullable(),
});

export const staffFormSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, "a name is required")
    .max(TEXT_LIMITS.staffName, `at most ${TEXT_LIMITS.staffName} characters`),
  email: z
    .string()
    .trim()
    .max(TEXT_LIMITS.staffEmail, `at most ${TEXT_LIMITS.staffEmail} characters`)
    .transform((v) => (v === "" ? null : v))
    .pipe(z.email("not an email address").nullable())
    .nullable()
    .optional(),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, "a colour like #2563eb"),
  active: z.boolean().optional(),
});

/** First error message per top-level field, for showing next to the inputs. */
export function formErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}
