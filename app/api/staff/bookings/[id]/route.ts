// PATCH /api/staff/bookings/<id> — one visit: {reschedule} (local date, time, length) or
// {status} (cancel, complete, no-show, back to scheduled, with a note and check-in/out). A walker
// edits only their own visits; another's is a 404 to them, as in /api/v1 (lib/auth/policy.ts).
import { z } from "zod";
import { route, readJson } from "@/lib/http/handler";
import { HttpError } from "@/lib/http/problem";
import { actorOf } from "@/lib/auth/principal";
import { seesBooking } from "@/lib/auth/policy";
import { sqlite } from "@/lib/db/sqlite";
import { editBooking, type BookingPatch } from "@/lib/bookings/edits";
import { getBooking } from "@/lib/bookings/stored";
import { rescheduleFormSchema, statusFormSchema } from "@/lib/schedule/forms";
import { rethrowEditError } from "@/lib/schedule/edit-errors";
import { screenContext } from "@/lib/schedule/context";
import { fromLocal, localDate } from "@/lib/schedule/time";

export const dynamic = "force-dynamic";

const bodySchema = z.union([
  z.strictObject({ action: z.literal("reschedule"), form: rescheduleFormSchema }),
  z.strictObject({ action: z.literal("status"), form: statusFormSchema }),
]);
const idSchema = z.coerce.number().int().positive();

export const PATCH = route(
  "staff.bookings.edit",
  "staff",
  async (request, context: { params: Promise<{ id: string }> }, principal) => {
    const id = idSchema.parse((await context.params).id);
    const body = await readJson(request, bodySchema);
    const db = sqlite();
    const { zone } = screenContext();
    const booking = getBooking(db, id);
    if (!booking || !seesBooking(principal!, booking.staffId))
      throw new HttpError(404, `Booking ${id} does not exist`);
    let patch: BookingPatch;
    if (body.action === "reschedule") {
      const startAt = fromLocal(body.form.date, body.form.startTime, zone);
      patch = { startAt, endAt: new Date(startAt.getTime() + body.form.durationMin * 60_000) };
    } else {
      // Check-in/out are local date-times; a bare time is on the visit's own local day. A value
      // equal to the stored one at minute precision (the form shows minutes) leaves it as it is.
      const day = localDate(booking.startAt, zone);
      const f = body.form;
      const moment = (value: string | null | undefined, stored: Date | null) => {
        if (value === undefined) return {};
        if (!value) return { value: null };
        const [date, time] = value.includes("T") ? value.split("T") : [day, value];
        const at = fromLocal(date!, time!, zone);
        const shown = stored ? Math.floor(stored.getTime() / 60_000) : null;
        return shown === at.getTime() / 60_000 ? {} : { value: at };
      };
      const checkIn = moment(f.checkIn, booking.checkInAt);
      const checkOut = moment(f.checkOut, booking.checkOutAt);
      patch = {
        status: f.status,
        ...(f.reason ? { reason: f.reason } : {}),
        ...(f.note !== undefined ? { notes: f.note } : {}),
        ...("value" in checkIn ? { checkInAt: checkIn.value } : {}),
        ...("value" in checkOut ? { checkOutAt: checkOut.value } : {}),
      };
    }
    try {
      const saved = editBooking(db, {
        id,
        patch,
        actor: actorOf(principal),
        now: new Date(),
        editor: { role: principal!.role },
      });
      return Response.json({ id: saved.id, status: saved.status, sequence: saved.sequence });
    } catch (error) {
      rethrowEditError(error, {
        endAt: "durationMin",
        startAt: "startTime",
        checkOutAt: "checkOut",
        checkInAt: "checkIn",
        notes: "note",
        status: "form",
      });
    }
  },
);
