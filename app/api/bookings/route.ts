// GET /api/bookings — bookings filtered by time range, status, staff, client or source.
import { listBookings, bookingQuerySchema } from "@/lib/api/bookings";
import { sqlite } from "@/lib/db/sqlite";
import { route } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

export const GET = route("bookings.list", async (request) => {
  const query = bookingQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json({ bookings: listBookings(sqlite(), query) });
});
