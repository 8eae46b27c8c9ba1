// GET /api/v1/bookings — filtered, cursor-paginated bookings; POST — a manual booking.
import { withTokens } from "@/lib/auth/policy";
import { sqlite } from "@/lib/db/sqlite";
import { notAllowed, preflight, v1Read, v1Write } from "@/lib/api/v1/http";
import { listApiBookings } from "@/lib/api/v1/bookings";
import { createBooking } from "@/lib/api/v1/writes";
import { bookingCreateBody, bookingListQuery } from "@/lib/api/v1/schemas";

export const dynamic = "force-dynamic";

export const GET = v1Read(
  "v1.bookings.list",
  withTokens("staff", "read"),
  { query: bookingListQuery },
  (ctx) => ({
    body: listApiBookings(sqlite(), ctx.query, ctx.scope.staffId),
  }),
);

export const POST = v1Write(
  "v1.bookings.create",
  withTokens("staff", "write"),
  { body: bookingCreateBody },
  (ctx) => createBooking(sqlite(), { body: ctx.body, scope: ctx.scope, now: ctx.now }),
);
export const OPTIONS = preflight;
export const { PUT, PATCH, DELETE } = notAllowed(["GET", "POST"]);
