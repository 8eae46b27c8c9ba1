// POST /api/staff/bookings/assign {ids, staffId|null} — assign (or unassign) a walker by hand
// on one or many bookings, in one transaction. A hand assignment is an override: defaults and
// re-derivation never change it.
import { z } from "zod";
import { route, readJson } from "@/lib/http/handler";
import { HttpError } from "@/lib/http/problem";
import { sqlite } from "@/lib/db/sqlite";
import { BookingEditError, setBookingOverride } from "@/lib/bookings/edits";

export const dynamic = "force-dynamic";

const bodySchema = z.strictObject({
  ids: z.array(z.number().int().positive()).min(1, "select at least one booking").max(500),
  staffId: z.number().int().positive().nullable(),
});

export const POST = route("staff.bookings.assign", "staff", async (request) => {
  const body = await readJson(request, bodySchema);
  const db = sqlite();
  const now = new Date();
  try {
    db.transaction(() => {
      for (const id of body.ids) setBookingOverride(db, id, { staffId: body.staffId }, now);
    }).immediate();
  } catch (error) {
    if (error instanceof BookingEditError)
      throw new HttpError(error.code === "not_found" ? 404 : 422, error.message, [
        { path: error.message.startsWith("staffId") ? "staffId" : "ids", message: error.message },
      ]);
    throw error;
  }
  return Response.json({ assigned: body.ids.length, staffId: body.staffId });
});
