// The /api/v1 contract: every request the routes validate and every response they send, as zod
// schemas. The OpenAPI document (lib/api/v1/openapi.ts) is generated from these same objects,
// so the documentation cannot drift from what the server enforces.
import { z } from "zod";
import "zod-openapi";
import { bookingStatuses } from "@/lib/bookings/types";
import { editableStatuses } from "@/lib/bookings/edits";
import { TEXT_LIMITS } from "@/lib/text-limits";

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

const dateTime = z.iso
  .datetime({ offset: true })
  .meta({ description: "RFC 3339 date-time with an offset, e.g. 2026-12-08T09:00:00Z." });
const nullableDateTime = dateTime.nullable();
const dateOrDateTime = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()])
  .meta({ description: "An instant (RFC 3339) or a date (YYYY-MM-DD, midnight UTC)." });
/** A date (midnight UTC) or an instant, as milliseconds. */
export const instantOf = (text: string) => Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text);
const positiveId = z.coerce.number().int().positive();
const limit = z.coerce
  .number()
  .int()
  .min(1)
  .max(MAX_LIMIT)
  .default(DEFAULT_LIMIT)
  .meta({ description: `Page size (default ${DEFAULT_LIMIT}, at most ${MAX_LIMIT}).` });
const cursor = z
  .string()
  .min(1)
  .max(500)
  .optional()
  .meta({ description: "The `nextCursor` of the previous page; omit for the first page." });
const hasMore = z.boolean().meta({ description: "Whether another page follows (`nextCursor` is then set)." });

// ---------------------------------------------------------------- resources

export const bookingSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    serviceCode: z.string(),
    status: z.enum(bookingStatuses),
    statusReason: z.string().nullable(),
    startAt: dateTime,
    endAt: dateTime,
    staffId: z.number().int().nullable(),
    clientId: z.string().nullable().meta({ description: "The client's Stripe customer id." }),
    clientName: z.string().nullable(),
    source: z.object({
      kind: z.enum(["subscription", "invoice", "manual"]),
      id: z.string().nullable(),
      lineId: z.string().nullable(),
    }),
    ruleId: z.number().int().nullable(),
    notes: z.string().nullable(),
    checkInAt: nullableDateTime,
    checkOutAt: nullableDateTime,
    overridden: z
      .object({ time: z.boolean(), staff: z.boolean(), status: z.boolean() })
      .meta({ description: "What staff set by hand (kept when bookings are re-derived from Stripe)." }),
    sequence: z.number().int().meta({ description: "iCalendar SEQUENCE: bumped on every change." }),
    updatedAt: dateTime,
  })
  .meta({ id: "Booking" });
export type ApiBooking = z.infer<typeof bookingSchema>;

export const bookingEventSchema = z
  .object({
    id: z.number().int(),
    at: dateTime,
    kind: z.enum(["created", "derived", "edited"]),
    actor: z.string(),
    cause: z.string().nullable(),
    reason: z.string().nullable(),
    changes: z
      .record(z.string(), z.array(z.unknown()).min(2).max(2))
      .meta({ description: "`{ field: [before, after] }` of each field that changed." }),
  })
  .meta({ id: "BookingEvent" });

// ---------------------------------------------------------------- errors

export const problemSchema = z
  .object({
    type: z.string().meta({ description: "Stable URI naming the kind of problem (see docs/API.md)." }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .meta({ description: "The input fields at fault, `a.b[0].c`." }),
    requestId: z
      .string()
      .optional()
      .meta({ description: "The `Request-Id` of the response (give it when reporting a problem)." }),
    current: z
      .unknown()
      .optional()
      .meta({ description: "412: the resource as it is now (its ETag is in the ETag header)." }),
    changes: z
      .array(z.lazy(() => bookingEventSchema))
      .nullable()
      .optional()
      .meta({
        description:
          "412 on a booking: its history events since the version named in If-Match (field by field, oldest first); null when that version is unknown.",
      }),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details." });

export const staffSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    email: z.string().nullable(),
    color: z.string(),
    active: z.boolean(),
  })
  .meta({ id: "Staff" });

export const clientSummarySchema = z
  .object({
    id: z.string().meta({ description: "Stripe customer id." }),
    name: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
  })
  .meta({ id: "ClientSummary" });

export const clientSchema = clientSummarySchema
  .extend({
    subscriptions: z.array(
      z.object({
        id: z.string(),
        status: z.string(),
        plan: z.array(z.string()).meta({ description: "Product names of the items." }),
        nextInvoiceAt: nullableDateTime,
        cancelAtPeriodEnd: z.boolean(),
      }),
    ),
    invoices: z.object({
      count: z.number().int(),
      open: z.number().int(),
      paid: z.number().int(),
      currency: z.string().nullable(),
      amountDue: z.number().int().meta({ description: "Minor units still to pay on open invoices." }),
      amountPaid: z.number().int(),
    }),
    upcomingBookings: z.array(bookingSchema),
  })
  .meta({ id: "Client" });

export const serviceSchema = z
  .object({
    ruleId: z.number().int(),
    name: z.string(),
    serviceCode: z.string(),
    durationMin: z.number().int().nullable(),
    schedule: z.string().meta({ description: "The schedule kind (weekly, once, …)." }),
  })
  .meta({ id: "Service" });

export const meSchema = z
  .object({
    kind: z.enum(["user", "token"]),
    name: z.string(),
    email: z.string().nullable(),
    role: z.enum(["owner", "staff"]),
    scope: z.enum(["read", "write"]),
    staff: staffSchema.nullable(),
  })
  .meta({ id: "Me" });

export const scheduleSchema = z
  .object({
    from: dateTime,
    to: dateTime,
    timeZone: z.string(),
    columns: z.array(z.object({ staff: staffSchema.nullable(), bookings: z.array(bookingSchema) })),
  })
  .meta({ id: "Schedule" });

export const feedSchema = z
  .object({
    id: z.number().int(),
    scope: z.enum(["business", "staff", "client"]),
    staffId: z.number().int().nullable(),
    prefix: z.string(),
    url: z.string().meta({ description: "The subscribable URL; shown only when the feed is created." }),
    createdAt: dateTime,
  })
  .meta({ id: "Feed" });

export const syncStatusSchema = z
  .object({
    running: z.boolean(),
    last: z
      .looseObject({ runId: z.number().int(), mode: z.string(), status: z.string(), durationMs: z.number() })
      .nullable()
      .meta({ description: "The last sync this server process ran." }),
    progress: z
      .object({
        kind: z.string().meta({ description: "The object type whose page was written last." }),
        done: z.number().meta({ description: "Objects listed so far (all types)." }),
        perSecond: z.number(),
        remaining: z.number().nullable().meta({ description: "Estimated objects left; null while unknown." }),
        etaSeconds: z
          .number()
          .nullable()
          .meta({ description: "Estimated seconds left; null while unknown." }),
      })
      .nullable()
      .meta({ description: "The running sync's progress; null when none runs." }),
    runs: z.array(
      z.object({
        id: z.number().int(),
        mode: z.string(),
        status: z.string(),
        startedAt: dateTime,
        finishedAt: nullableDateTime,
        error: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: "SyncStatus" });

// The changes feed's schemas: lib/api/v1/changes-schemas.ts.

const nextCursor = z
  .string()
  .nullable()
  .meta({ description: "Pass as `cursor` for the next page; null on the last page." });
const page = <T extends z.ZodType>(item: T, id: string) =>
  z.object({ data: z.array(item), nextCursor, hasMore }).meta({ id });

export const expandedBookingSchema = bookingSchema
  .extend({
    client: clientSummarySchema
      .nullable()
      .optional()
      .meta({ description: "With `expand=client`: the booking's client (null when it has none)." }),
    staff: staffSchema
      .nullable()
      .optional()
      .meta({ description: "With `expand=staff`: the assigned walker (null when unassigned)." }),
  })
  .meta({ id: "BookingExpanded" });

export type ApiExpandedBooking = z.infer<typeof expandedBookingSchema>;
export const bookingPageSchema = page(expandedBookingSchema, "BookingPage");
export const clientPageSchema = page(clientSummarySchema, "ClientPage");
/** Lists that are never paginated (all items on one page): same shape as the others. */
export const staffListSchema = page(staffSchema, "StaffList");
export const serviceListSchema = page(serviceSchema, "ServiceList");
export const historySchema = page(bookingEventSchema, "BookingHistory");

// ---------------------------------------------------------------- requests

const commaList = <T extends readonly [string, ...string[]]>(values: T, description: string) =>
  z
    .string()
    .regex(new RegExp(`^(${values.join("|")})(,(${values.join("|")}))*$`), {
      error: `must be one or more of ${values.join(", ")}, separated by commas`,
    })
    .transform((text) => [...new Set(text.split(","))] as T[number][])
    .optional()
    .meta({ description, example: values.slice(0, 2).join(",") });

export const bookingSorts = ["id", "startAt"] as const;
export const bookingExpansions = ["client", "staff"] as const;

export const bookingListQuery = z
  .strictObject({
    from: dateOrDateTime.optional().meta({ description: "Bookings starting at or after." }),
    to: dateOrDateTime.optional().meta({ description: "Bookings starting before." }),
    staffId: positiveId.optional(),
    clientId: z.string().min(1).max(100).optional(),
    status: commaList(
      bookingStatuses,
      "One status or several, comma-separated (`scheduled,completed`). Default: every status, cancelled included.",
    ),
    sort: z.enum(bookingSorts).default("id").meta({
      description:
        "`id` (default): creation order, every match seen exactly once even while bookings change. `startAt`: soonest first (with `from` = now, the next visits); a booking rescheduled during the walk may be seen twice or not at all, the changes feed catches it.",
    }),
    expand: commaList(bookingExpansions, "Embed related objects in each booking: `client`, `staff` or both."),
    q: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .meta({ description: "Text in the title or client name/email." }),
    cursor,
    limit,
  })
  .superRefine((query, ctx) => {
    if (query.from && query.to && instantOf(query.from) > instantOf(query.to)) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "must not be before `from`" });
    }
  });
export type BookingListQuery = z.infer<typeof bookingListQuery>;

export const bookingIdParams = z.strictObject({ id: positiveId });
export const bookingGetQuery = z.strictObject({
  expand: commaList(bookingExpansions, "Embed related objects: `client`, `staff` or both."),
});

export const bookingPatchBody = z
  .strictObject({
    status: z.enum(editableStatuses).optional(),
    reason: z.string().trim().min(1).max(TEXT_LIMITS.statusReason).optional(),
    staffId: z.number().int().positive().nullable().optional().meta({
      description: "Assign by hand; null goes back to the derived or default walker.",
    }),
    startAt: nullableDateTime.optional().meta({ description: "null: back to the derived time." }),
    endAt: nullableDateTime.optional(),
    notes: z.string().max(TEXT_LIMITS.note).nullable().optional(),
    checkInAt: nullableDateTime.optional().meta({
      description:
        "When the walker arrived, by the phone's clock (offline check-in syncs with its real time).",
    }),
    checkOutAt: nullableDateTime.optional().meta({ description: "When the walker left; after `checkInAt`." }),
  })
  .refine((patch) => Object.keys(patch).some((field) => field !== "reason"), {
    error: "must name at least one field to change (besides `reason`)",
  })
  .meta({ id: "BookingPatch" });

export const bookingCreateBody = z
  .strictObject({
    title: z.string().trim().min(1).max(TEXT_LIMITS.bookingTitle),
    serviceCode: z.string().trim().min(1).max(TEXT_LIMITS.serviceCode).optional(),
    startAt: dateTime,
    endAt: dateTime,
    clientId: z.string().min(1).max(100).nullable().optional(),
    staffId: z.number().int().positive().nullable().optional(),
    notes: z.string().max(TEXT_LIMITS.note).nullable().optional(),
  })
  .meta({ id: "BookingCreate" });

export const clientListQuery = z.strictObject({
  q: z.string().trim().min(1).max(100).optional().meta({ description: "Text in name, email or phone." }),
  cursor,
  limit,
});
export const clientIdParams = z.strictObject({ id: z.string().min(1).max(100) });
export const emptyQuery = z.strictObject({});
export const scheduleQuery = z.strictObject({
  date: z.iso.date().optional().meta({ description: "First day (business time zone); default today." }),
  days: z.coerce.number().int().min(1).max(14).default(1),
});
export const feedIdParams = z.strictObject({ id: positiveId });
export const feedCreateBody = z
  .strictObject({ label: z.string().trim().min(1).max(TEXT_LIMITS.feedLabel).optional() })
  .meta({ id: "FeedCreate" });
export const syncStartBody = z.strictObject({}).meta({ id: "SyncStart" });
