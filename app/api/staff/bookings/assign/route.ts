// POST /api/staff/bookings/assign {ids, staffId|null} — assign (or unassign) a walker by hand on
// one or many bookings, all or none. A hand assignment is sticky: defaults and re-derivation
// never change it.
import { route, readJson } from "@/lib/http/handler";
import { actorOf } from "@/lib/auth/principal";
import { sqlite } from "@/lib/db/sqlite";
import { bulkAssign } from "@/lib/bookings/edits";
import { assignFormSchema } from "@/lib/schedule/forms";
import { rethrowEditError } from "@/lib/schedule/edit-errors";

export const dynamic = "force-dynamic";

export const POST = route("staff.bookings.assign", "staff", async (request, _context, principal) => {
  const body = await readJson(request, assignFormSchema);
  try {
    bulkAssign(sqlite(), {
      ids: body.ids,
      staffId: body.staffId,
      actor: actorOf(principal),
      now: new Date(),
    });
  } catch (error) {
    rethrowEditError(error);
  }
  return Response.json({ assigned: body.ids.length, staffId: body.staffId });
});
