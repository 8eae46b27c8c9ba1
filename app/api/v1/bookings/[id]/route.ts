// GET /api/v1/bookings/{id} — one booking with its ETag (expand=client,staff); PATCH — a staff edit
// (sticky), If-Match honoured: check-in/out by the phone's clock, a stale version gets what to merge.
import { withTokens } from "@/lib/auth/policy";
import { sqlite } from "@/lib/db/sqlite";
import { notAllowed, preflight, v1Read, v1Write } from "@/lib/api/v1/http";
import { bookingWithEtag, patchBooking } from "@/lib/api/v1/writes";
import { expandBookings } from "@/lib/api/v1/bookings";
import { bookingGetQuery, bookingIdParams, bookingPatchBody, type ApiBooking } from "@/lib/api/v1/schemas";

export const dynamic = "force-dynamic";

export const GET = v1Read(
  "v1.bookings.get",
  withTokens("staff", "read"),
  { query: bookingGetQuery, params: bookingIdParams },
  (ctx) => {
    const { body, headers } = bookingWithEtag(sqlite(), ctx.params.id, ctx.scope);
    return { body: expandBookings(sqlite(), [body as ApiBooking], ctx.query.expand ?? [])[0], headers };
  },
);

export const PATCH = v1Write(
  "v1.bookings.patch",
  withTokens("staff", "write"),
  { body: bookingPatchBody, params: bookingIdParams },
  (ctx) =>
    patchBooking(sqlite(), {
      id: ctx.params.id,
      body: ctx.body,
      scope: ctx.scope,
      ifMatch: ctx.request.headers.get("if-match"),
      now: ctx.now,
    }),
);
export const OPTIONS = preflight;
export const { POST, PUT, DELETE } = notAllowed(["GET", "PATCH"]);
