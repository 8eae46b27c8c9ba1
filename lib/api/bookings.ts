// The bookings list of the JSON API (`GET /api/bookings`): filters in, plain rows out.
import { z } from "zod";
import type { Sqlite } from "@/lib/db/sqlite";
import { bookingStatuses } from "@/lib/bookings/types";

const isoDate = z.iso.datetime({ offset: true }).or(z.iso.date());

export const bookingQuerySchema = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    status: z.enum(bookingStatuses).optional(),
    staffId: z.coerce.number().int().positive().optional(),
    clientId: z.string().min(1).optional(),
    sourceId: z.string().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  })
  .strict();
export type BookingQuery = z.infer<typeof bookingQuerySchema>;

export const apiBookingSchema = z.object({
  id: z.number(),
  bookingKey: z.string(),
  title: z.string(),
  serviceCode: z.string(),
  status: z.string(),
  startAt: z.string(),
  endAt: z.string(),
  clientStripeId: z.string().nullable(),
  staffId: z.number().nullable(),
  sourceKind: z.string(),
  sourceId: z.string().nullable(),
  sourceLineId: z.string().nullable(),
  ruleId: z.number().nullable(),
  sequence: z.number(),
});
export type ApiBooking = z.infer<typeof apiBookingSchema>;

const rowSchema = apiBookingSchema.extend({ startAt: z.number(), endAt: z.number() });

/** Bookings matching the query, in start order. */
export function listBookings(db: Sqlite, query: BookingQuery): ApiBooking[] {
  const where: string[] = [];
  const args: Record<string, string | number> = { limit: query.limit };
  const add = (sql: string, name: string, value: string | number | undefined) => {
    if (value === undefined) return;
    where.push(sql);
    args[name] = value;
  };
  add("startAt >= @from", "from", query.from ? Date.parse(query.from) : undefined);
  add("startAt < @to", "to", query.to ? Date.parse(query.to) : undefined);
  add("status = @status", "status", query.status);
  add("staffId = @staffId", "staffId", query.staffId);
  add("clientStripeId = @clientId", "clientId", query.clientId);
  add("sourceId = @sourceId", "sourceId", query.sourceId);
  const rows = db
    .prepare(
      `SELECT id, bookingKey, title, serviceCode, status, startAt, endAt, clientStripeId, staffId, sourceKind,
              sourceId, sourceLineId, ruleId, sequence
       FROM Booking ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY startAt, id LIMIT @limit`,
    )
    .all(args);
  return rows.map((row) => {
    const r = rowSchema.parse(row);
    return { ...r, startAt: new Date(r.startAt).toISOString(), endAt: new Date(r.endAt).toISOString() };
  });
}
