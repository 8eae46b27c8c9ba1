// GET /api/v1/bookings/{id}/history — every change: derived from Stripe (which event) or edited by whom.
import { withTokens } from "@/lib/auth/policy";
import { sqlite } from "@/lib/db/sqlite";
import { notAllowed, preflight, v1Read } from "@/lib/api/v1/http";
import { apiBookingEvents, bookingWithEtag } from "@/lib/api/v1/writes";
import { bookingIdParams, emptyQuery } from "@/lib/api/v1/schemas";

export const dynamic = "force-dynamic";

export const GET = v1Read(
  "v1.bookings.history",
  withTokens("staff", "read"),
  { query: emptyQuery, params: bookingIdParams },
  (ctx) => {
    bookingWithEtag(sqlite(), ctx.params.id, ctx.scope);
    return { body: { data: apiBookingEvents(sqlite(), ctx.params.id), nextCursor: null, hasMore: false } };
  },
);
export const OPTIONS = preflight;
export const { POST, PUT, PATCH, DELETE } = notAllowed(["GET"]);
