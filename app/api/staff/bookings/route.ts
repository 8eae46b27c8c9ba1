// POST /api/staff/bookings — a booking made by hand, for any client or none. A walker's own
// booking is theirs: assigned to them (another walker: 403), as in /api/v1.
import { route, readJson } from "@/lib/http/handler";
import { actorOf } from "@/lib/auth/principal";
import { assertMayAssign, walkerScope } from "@/lib/auth/policy";
import { HttpError } from "@/lib/http/problem";
import { prisma } from "@/lib/db/prisma";
import { sqlite } from "@/lib/db/sqlite";
import { createManualBooking } from "@/lib/bookings/edits";
import { manualFormSchema } from "@/lib/schedule/forms";
import { rethrowEditError } from "@/lib/schedule/edit-errors";
import { screenContext } from "@/lib/schedule/context";
import { fromLocal } from "@/lib/schedule/time";

export const dynamic = "force-dynamic";

export const POST = route("staff.bookings.create", "staff", async (request, _context, principal) => {
  const form = await readJson(request, manualFormSchema);
  assertMayAssign(principal!, form.staffId);
  if (
    form.clientStripeId &&
    !(await prisma().client.findUnique({ where: { stripeId: form.clientStripeId } }))
  )
    throw new HttpError(422, "No such client.", [
      { path: "clientStripeId", message: "no client with this id" },
    ]);
  const { zone } = screenContext();
  const startAt = fromLocal(form.date, form.startTime, zone);
  try {
    const booking = createManualBooking(
      sqlite(),
      {
        title: form.title,
        serviceCode: form.serviceCode,
        clientStripeId: form.clientStripeId ?? null,
        startAt,
        endAt: new Date(startAt.getTime() + form.durationMin * 60_000),
        staffId: walkerScope(principal!) ?? form.staffId ?? null,
        notes: form.notes ?? null,
      },
      new Date(),
      actorOf(principal),
    );
    return Response.json({ id: booking.id }, { status: 201 });
  } catch (error) {
    rethrowEditError(error, { endAt: "durationMin" });
  }
});
