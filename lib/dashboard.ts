// Read models for the home screen: the day's bookings and the state of the Stripe feed.
import { DateTime } from "luxon";
import { z } from "zod";
import type { Sqlite } from "@/lib/db/sqlite";
import { quarantineSummary } from "@/lib/stripe/quarantine";

export const dayBookingSchema = z.object({
  id: z.number(),
  startAt: z.number(),
  endAt: z.number(),
  title: z.string(),
  serviceCode: z.string(),
  status: z.string(),
  clientName: z.string().nullable(),
  staffName: z.string().nullable(),
});
export type DayBooking = z.infer<typeof dayBookingSchema>;

/**
 * Bookings that start on the business-local day containing `now`, in start order; only
 * `walker`'s when given (a staff caller's walkerScope, lib/auth/policy.ts).
 */
export function bookingsOfDay(
  db: Sqlite,
  now: Date,
  timeZone: string,
  walker: number | null = null,
): DayBooking[] {
  const day = DateTime.fromJSDate(now, { zone: timeZone }).startOf("day");
  const rows = db
    .prepare(
      `SELECT b.id, b.startAt, b.endAt, b.title, b.serviceCode, b.status, c.name AS clientName, s.name AS staffName
       FROM Booking b LEFT JOIN Client c ON c.stripeId = b.clientStripeId LEFT JOIN Staff s ON s.id = b.staffId
       WHERE b.startAt >= ? AND b.startAt < ? AND (? IS NULL OR b.staffId = ?) ORDER BY b.startAt, b.id`,
    )
    .all(day.toMillis(), day.plus({ days: 1 }).toMillis(), walker, walker);
  return rows.map((row) => dayBookingSchema.parse(row));
}

export const overviewSchema = z.object({
  clients: z.number(),
  activeSubscriptions: z.number(),
  upcomingBookings: z.number(),
  pendingWebhooks: z.number(),
  failedWebhooks: z.number(),
  /** Stripe objects that failed validation (lib/stripe/quarantine.ts). */
  quarantined: z.number(),
  lastSync: z
    .object({
      id: z.number(),
      status: z.string(),
      mode: z.string(),
      startedAt: z.number(),
      finishedAt: z.number().nullable(),
      error: z.string().nullable(),
    })
    .nullable(),
});
export type Overview = z.infer<typeof overviewSchema>;

export function overview(db: Sqlite, now: Date): Overview {
  const one = (sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { n: number }).n;
  return overviewSchema.parse({
    clients: one("SELECT count(*) AS n FROM Client WHERE deleted = 0"),
    activeSubscriptions: one(
      "SELECT count(*) AS n FROM SubscriptionMap WHERE status IN ('active', 'trialing', 'past_due')",
    ),
    upcomingBookings: one(
      "SELECT count(*) AS n FROM Booking WHERE startAt >= ? AND status IN ('scheduled', 'held')",
      now.getTime(),
    ),
    pendingWebhooks: one("SELECT count(*) AS n FROM WebhookEvent WHERE status = 'pending'"),
    failedWebhooks: one("SELECT count(*) AS n FROM WebhookEvent WHERE status = 'failed'"),
    quarantined: quarantineSummary(db).total,
    lastSync:
      db
        .prepare(
          "SELECT id, status, mode, startedAt, finishedAt, error FROM SyncRun ORDER BY id DESC LIMIT 1",
        )
        .get() ?? null,
  });
}
