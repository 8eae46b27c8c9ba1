// POST /api/staff/bookings/<id>/series — "this and following": from the given local date on,
// this visit's series (its subscription item) happens on another weekday / time / length.
// Owner only: it moves every later visit of the series, whoever walks them.
import { z } from "zod";
import { route, readJson } from "@/lib/http/handler";
import { HttpError } from "@/lib/http/problem";
import { actorOf } from "@/lib/auth/principal";
import { sqlite } from "@/lib/db/sqlite";
import { getBooking } from "@/lib/bookings/stored";
import { editSeriesFrom } from "@/lib/bookings/series";
import { seriesFormSchema } from "@/lib/schedule/forms";
import { rethrowEditError } from "@/lib/schedule/edit-errors";
import { screenContext } from "@/lib/schedule/context";
import { fromLocal } from "@/lib/schedule/time";

export const dynamic = "force-dynamic";

const idSchema = z.coerce.number().int().positive();

export const POST = route(
  "staff.bookings.series",
  "owner",
  async (request, context: { params: Promise<{ id: string }> }, principal) => {
    const id = idSchema.parse((await context.params).id);
    const form = await readJson(request, seriesFormSchema);
    const db = sqlite();
    const booking = getBooking(db, id);
    if (!booking) throw new HttpError(404, `Booking ${id} does not exist`);
    if (booking.sourceKind !== "subscription" || !booking.sourceId || !booking.sourceLineId)
      throw new HttpError(422, "Only visits of a subscription belong to a series.", [
        { path: "fromDate", message: "this visit is not part of a recurring series" },
      ]);
    const { zone } = screenContext();
    try {
      const result = editSeriesFrom(db, {
        sourceKind: "subscription",
        sourceId: booking.sourceId,
        sourceLineId: booking.sourceLineId,
        from: fromLocal(form.fromDate, "00:00", zone),
        weekday: form.weekday ?? null,
        startTime: form.startTime ?? null,
        durationMin: form.durationMin ?? null,
        actor: actorOf(principal),
        now: new Date(),
      });
      return Response.json(result);
    } catch (error) {
      rethrowEditError(error, { from: "fromDate" });
    }
  },
);
