// GET /api/bookings — bookings filtered by time range, status, staff, client or source.
import { listBookings, bookingQuerySchema } from "@/lib/api/bookings";
import { sqlite } from "@/lib/db/sqlite";
import { route } from "@/lib/http/handler";
import { withTokens } from "@/lib/auth/policy";

export const dynamic = "force-dynamic";

export const GET = route("bookings.list", withTokens("staff", "read"), async (request) => {
  const query = bookingQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json({ bookings: listBookings(sqlite(), query) });
});
