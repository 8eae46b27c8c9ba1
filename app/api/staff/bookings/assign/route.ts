// POST /api/staff/bookings/assign {ids, staffId|null, versions?} — assign (or unassign) a walker by
// hand on one or many bookings, all or none. A hand assignment is sticky: defaults and
// re-derivation never change it. `versions` (id → the SEQUENCE the screen showed) makes it
// conditional: a visit changed since is a 412 saying, in words, who changed what, and nothing is
// assigned. A walker may take only their own visits, to themselves or to nobody
// (lib/auth/policy.ts); a booking outside what they see is a 404, as in /api/v1.
import { route, readJson } from "@/lib/http/handler";
import { HttpError } from "@/lib/http/problem";
import { assertMayAssign, seesBooking } from "@/lib/auth/policy";
import { getBooking } from "@/lib/bookings/stored";
import { actorOf } from "@/lib/auth/principal";
import { sqlite } from "@/lib/db/sqlite";
import { prisma } from "@/lib/db/prisma";
import { bulkAssign, StaleBookingsError } from "@/lib/bookings/edits";
import { assignFormSchema } from "@/lib/schedule/forms";
import { rethrowEditError } from "@/lib/schedule/edit-errors";
import { screenContext } from "@/lib/schedule/context";
import { staleInWords } from "@/lib/text/stale-bookings";

export const dynamic = "force-dynamic";

export const POST = route("staff.bookings.assign", "staff", async (request, _context, principal) => {
  const body = await readJson(request, assignFormSchema);
  assertMayAssign(principal!, body.staffId);
  const db = sqlite();
  for (const id of body.ids) {
    const booking = getBooking(db, id);
    if (booking && !seesBooking(principal!, booking.staffId))
      throw new HttpError(404, `Booking ${id} does not exist`);
  }
  try {
    bulkAssign(db, {
      ids: body.ids,
      staffId: body.staffId,
      actor: actorOf(principal),
      now: new Date(),
      versions: body.versions,
    });
  } catch (error) {
    if (error instanceof StaleBookingsError) {
      const [staff, accounts] = await Promise.all([
        prisma().staff.findMany({ select: { id: true, name: true } }),
        prisma().user.findMany({ select: { email: true, name: true, staff: { select: { name: true } } } }),
      ]);
      const detail = staleInWords(db, error.stale, body.versions ?? {}, {
        zone: screenContext().zone,
        staffNames: new Map(staff.map((s) => [s.id, s.name])),
        people: new Map(accounts.map((a) => [a.email, a.staff?.name ?? a.name])),
        viewer: actorOf(principal),
      });
      throw new HttpError(412, detail);
    }
    rethrowEditError(error);
  }
  return Response.json({ assigned: body.ids.length, staffId: body.staffId });
});
