// GET /api/v1/bookings/{id}/history — every change: derived from Stripe (which event) or edited by whom.
import { withTokens } from "@/lib/auth/policy";
import { sqlite } from "@/lib/db/sqlite";
import { bookingHistory } from "@/lib/bookings/history";
import { preflight, v1Read } from "@/lib/api/v1/http";
import { bookingWithEtag } from "@/lib/api/v1/writes";
import { bookingIdParams, emptyQuery } from "@/lib/api/v1/schemas";

export const dynamic = "force-dynamic";

export const GET = v1Read(
  "v1.bookings.history",
  withTokens("staff", "read"),
  { query: emptyQuery, params: bookingIdParams },
  (ctx) => {
    bookingWithEtag(sqlite(), ctx.params.id, ctx.scope);
    const data = bookingHistory(sqlite(), ctx.params.id).map((event) => ({
      id: event.id,
      at: event.at.toISOString(),
      kind: event.kind,
      actor: event.actor,
      cause: event.cause,
      reason: event.reason,
      changes: event.changes,
    }));
    return { body: { data, nextCursor: null } };
  },
);
export const OPTIONS = preflight;
