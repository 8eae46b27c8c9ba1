// GET /api/bookings — bookings filtered by time range, status, staff, client or source; a
// walker (session or token) sees only their own (lib/auth/policy.ts).
import { listBookings, bookingQuerySchema } from "@/lib/api/bookings";
import { sqlite } from "@/lib/db/sqlite";
import { route } from "@/lib/http/handler";
import { walkerFilter, withTokens } from "@/lib/auth/policy";

export const dynamic = "force-dynamic";

export const GET = route(
  "bookings.list",
  withTokens("staff", "read"),
  async (request, _context, principal) => {
    const query = bookingQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const staffId = walkerFilter(principal!, query.staffId);
    return Response.json({ bookings: listBookings(sqlite(), { ...query, staffId }) });
  },
);
