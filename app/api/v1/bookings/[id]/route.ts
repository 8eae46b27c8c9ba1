// GET /api/v1/bookings/{id} — one booking with its ETag; PATCH — a staff edit (sticky), If-Match honoured.
import { withTokens } from "@/lib/auth/policy";
import { sqlite } from "@/lib/db/sqlite";
import { preflight, v1Read, v1Write } from "@/lib/api/v1/http";
import { bookingWithEtag, patchBooking } from "@/lib/api/v1/writes";
import { bookingIdParams, bookingPatchBody, emptyQuery } from "@/lib/api/v1/schemas";

export const dynamic = "force-dynamic";

export const GET = v1Read(
  "v1.bookings.get",
  withTokens("staff", "read"),
  { query: emptyQuery, params: bookingIdParams },
  (ctx) => {
    const { etag, ...result } = bookingWithEtag(sqlite(), ctx.params.id, ctx.scope);
    if (ctx.request.headers.get("if-none-match") === etag) return { status: 304, headers: { etag } };
    return result;
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
