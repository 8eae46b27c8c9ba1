"use client";
// What staff do to one visit: assign, reschedule (this one or this and following), complete or
// no-show with a note and check-in/out (local date and time), cancel (with Undo), restore. Each
// tells what it changed; the server's refusals (too early, a correction without a reason, a
// walker's correction after the fact) are shown at the field they name.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { AssignControl, type StaffOption } from "@/components/schedule/assign-control";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { DateInput, DateTimeInput, Field, Input, Select, Textarea, TimeInput } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { useToast } from "@/components/ui/toast";
import { useZodForm } from "@/components/ui/use-form";
import { apiJson } from "@/lib/schedule/api-client";
import { rescheduleFormSchema, seriesFormSchema, statusFormSchema } from "@/lib/schedule/forms";

export interface ActionBooking {
  id: number;
  status: string;
  staffId: number | null;
  date: string;
  startTime: string;
  durationMin: number;
  series: boolean;
  notes: string | null;
  /** Local "yyyy-MM-ddTHH:mm", or "HH:mm" on the visit's own day. */
  checkIn: string | null;
  checkOut: string | null;
}

/** The value of a datetime-local input: a bare time is on the visit's own day. */
const moment = (value: string | null, date: string) =>
  !value ? "" : value.includes("T") ? value : `${date}T${value}`;

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

function useEdit(id: number) {
  const router = useRouter();
  const toast = useToast();
  return {
    toast,
    refresh: () => router.refresh(),
    patch: (body: unknown) => apiJson(`/api/staff/bookings/${id}`, { method: "PATCH", body }),
  };
}

function RescheduleDialog({ booking }: { booking: ActionBooking }) {
  const [open, setOpen] = useState(false);
  const [v, setV] = useState({
    date: booking.date,
    startTime: booking.startTime,
    durationMin: String(booking.durationMin),
  });
  const form = useZodForm(rescheduleFormSchema);
  const { patch, toast, refresh } = useEdit(booking.id);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title="Reschedule this visit"
      trigger={<Button>Reschedule</Button>}
    >
      <form
        className="space-y-3"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const ok = await form.submit(v, (values) =>
            patch({ action: "reschedule", form: values }).then(() => undefined),
          );
          if (ok) {
            setOpen(false);
            toast({ title: `Visit moved to ${v.date} at ${v.startTime} (${v.durationMin} min)` });
            refresh();
          }
        }}
      >
        <FormError message={form.errors.form} />
        <Field label="Date" error={form.errors.date}>
          {(ids) => (
            <DateInput {...ids} value={v.date} onChange={(e) => setV({ ...v, date: e.target.value })} />
          )}
        </Field>
        <Field label="Start time" error={form.errors.startTime}>
          {(ids) => (
            <TimeInput
              {...ids}
              value={v.startTime}
              onChange={(e) => setV({ ...v, startTime: e.target.value })}
            />
          )}
        </Field>
        <Field label="Duration (minutes)" error={form.errors.durationMin}>
          {(ids) => (
            <Input
              {...ids}
              inputMode="numeric"
              value={v.durationMin}
              onChange={(e) => setV({ ...v, durationMin: e.target.value })}
            />
          )}
        </Field>
        <Button type="submit" variant="primary" disabled={form.pending}>
          Save
        </Button>
      </form>
    </Dialog>
  );
}

function SeriesDialog({ booking }: { booking: ActionBooking }) {
  const [open, setOpen] = useState(false);
  const [v, setV] = useState({
    fromDate: booking.date,
    weekday: "",
    startTime: booking.startTime,
    durationMin: "",
  });
  const form = useZodForm(seriesFormSchema);
  const toast = useToast();
  const router = useRouter();
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title="Change this and following visits"
      description="From the date on, every visit of this subscription item moves; visits not derived yet follow too."
      trigger={<Button>This and following…</Button>}
    >
      <form
        className="space-y-3"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const values = {
            fromDate: v.fromDate,
            weekday: v.weekday === "" ? null : Number(v.weekday),
            startTime: v.startTime,
            durationMin: v.durationMin === "" ? null : Number(v.durationMin),
          };
          const ok = await form.submit(values, (body) =>
            apiJson(`/api/staff/bookings/${booking.id}/series`, { body }).then(() => undefined),
          );
          if (ok) {
            setOpen(false);
            toast({
              title: `From ${v.fromDate}: ${v.weekday ? `${WEEKDAYS[Number(v.weekday) - 1]}s` : "same day"} at ${v.startTime || "the same time"}`,
            });
            router.refresh();
          }
        }}
      >
        <FormError message={form.errors.form} />
        <Field label="From" error={form.errors.fromDate}>
          {(ids) => (
            <DateInput
              {...ids}
              value={v.fromDate}
              onChange={(e) => setV({ ...v, fromDate: e.target.value })}
            />
          )}
        </Field>
        <Field label="Day of the week" error={form.errors.weekday}>
          {(ids) => (
            <Select {...ids} value={v.weekday} onChange={(e) => setV({ ...v, weekday: e.target.value })}>
              <option value="">Keep the day</option>
              {WEEKDAYS.map((d, i) => (
                <option key={d} value={i + 1}>
                  {d}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Start time" error={form.errors.startTime}>
          {(ids) => (
            <TimeInput
              {...ids}
              value={v.startTime}
              onChange={(e) => setV({ ...v, startTime: e.target.value })}
            />
          )}
        </Field>
        <Field label="Duration (minutes)" hint="Empty keeps the length" error={form.errors.durationMin}>
          {(ids) => (
            <Input
              {...ids}
              inputMode="numeric"
              value={v.durationMin}
              onChange={(e) => setV({ ...v, durationMin: e.target.value })}
            />
          )}
        </Field>
        <Button type="submit" variant="primary" disabled={form.pending}>
          Apply to this and following
        </Button>
      </form>
    </Dialog>
  );
}

function OutcomeDialog({ booking }: { booking: ActionBooking }) {
  const [open, setOpen] = useState(false);
  const [v, setV] = useState({
    status: "completed" as "completed" | "no_show",
    note: booking.notes ?? "",
    checkIn: moment(booking.checkIn, booking.date),
    checkOut: moment(booking.checkOut, booking.date),
    reason: "",
  });
  const form = useZodForm(statusFormSchema);
  const { patch, toast, refresh } = useEdit(booking.id);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title="Record the visit"
      trigger={<Button variant="primary">Complete…</Button>}
    >
      <form
        className="space-y-3"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const ok = await form.submit(v, (values) =>
            patch({ action: "status", form: values }).then(() => undefined),
          );
          if (ok) {
            setOpen(false);
            toast({ title: v.status === "completed" ? "Visit marked completed" : "Visit marked no-show" });
            refresh();
          }
        }}
      >
        <FormError message={form.errors.form ?? form.errors.status} />
        <fieldset className="flex gap-4 text-sm">
          <legend className="mb-1 font-medium">Outcome</legend>
          {(["completed", "no_show"] as const).map((s) => (
            <label key={s} className="flex items-center gap-1.5">
              <input
                type="radio"
                name="status"
                checked={v.status === s}
                onChange={() => setV({ ...v, status: s })}
              />
              {s === "completed" ? "Completed" : "No-show"}
            </label>
          ))}
        </fieldset>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Checked in" error={form.errors.checkIn}>
            {(ids) => (
              <DateTimeInput
                {...ids}
                value={v.checkIn}
                onChange={(e) => setV({ ...v, checkIn: e.target.value })}
              />
            )}
          </Field>
          <Field label="Checked out" error={form.errors.checkOut}>
            {(ids) => (
              <DateTimeInput
                {...ids}
                value={v.checkOut}
                onChange={(e) => setV({ ...v, checkOut: e.target.value })}
              />
            )}
          </Field>
        </div>
        <Field label="Note" error={form.errors.note}>
          {(ids) => (
            <Textarea {...ids} value={v.note} onChange={(e) => setV({ ...v, note: e.target.value })} />
          )}
        </Field>
        <Field
          label="Reason for a correction"
          hint="Needed when changing a check-in or check-out recorded more than 15 minutes ago (owner only)"
          error={form.errors.reason}
        >
          {(ids) => (
            <Input {...ids} value={v.reason} onChange={(e) => setV({ ...v, reason: e.target.value })} />
          )}
        </Field>
        <Button type="submit" variant="primary" disabled={form.pending}>
          Save
        </Button>
      </form>
    </Dialog>
  );
}

/** Undoes a recorded outcome; after 15 minutes it is the owner's correction, with a reason. */
function RestoreDialog({ booking }: { booking: ActionBooking }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const form = useZodForm(statusFormSchema);
  const { patch, toast, refresh } = useEdit(booking.id);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title="Back to scheduled?"
      description="The visit's outcome is undone. More than 15 minutes after it was recorded, only the owner may, saying why."
      trigger={<Button>Back to scheduled…</Button>}
    >
      <form
        className="space-y-3"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const values = { status: "scheduled" as const, reason };
          const ok = await form.submit(values, (body) =>
            patch({ action: "status", form: body }).then(() => undefined),
          );
          if (ok) {
            setOpen(false);
            toast({ title: "Visit back to scheduled" });
            refresh();
          }
        }}
      >
        <FormError message={form.errors.form ?? form.errors.status} />
        <Field label="Reason" error={form.errors.reason}>
          {(ids) => (
            <Input
              {...ids}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder="e.g. marked completed by mistake"
            />
          )}
        </Field>
        <Button type="submit" variant="primary" disabled={form.pending}>
          Back to scheduled
        </Button>
      </form>
    </Dialog>
  );
}

function CancelDialog({ booking }: { booking: ActionBooking }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const form = useZodForm(statusFormSchema);
  const { patch, toast, refresh } = useEdit(booking.id);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title="Cancel this visit?"
      description="Only this visit; the series goes on. Stripe changes will not bring it back."
      trigger={<Button variant="danger">Cancel visit</Button>}
    >
      <form
        className="space-y-3"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const values = { status: "cancelled" as const, reason };
          const ok = await form.submit(values, (body) =>
            patch({ action: "status", form: body }).then(() => undefined),
          );
          if (ok) {
            setOpen(false);
            refresh();
            toast({
              title: "Visit cancelled",
              action: {
                label: "Undo",
                onClick: async () => {
                  await patch({ action: "status", form: { status: "scheduled" } });
                  toast({ title: "Cancellation undone" });
                  refresh();
                },
              },
            });
          }
        }}
      >
        <FormError message={form.errors.form} />
        <Field label="Reason (optional)" error={form.errors.reason}>
          {(ids) => (
            <Input
              {...ids}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder="e.g. client away"
            />
          )}
        </Field>
        <Button type="submit" variant="danger" disabled={form.pending}>
          Cancel this visit
        </Button>
      </form>
    </Dialog>
  );
}

export function BookingActions({ booking, staff }: { booking: ActionBooking; staff: StaffOption[] }) {
  const live = booking.status === "scheduled" || booking.status === "held";
  return (
    <div className="space-y-4">
      <div>
        <h3 className="mb-1 text-sm font-medium">Walker</h3>
        <AssignControl
          staff={staff}
          bookings={[{ id: booking.id, staffId: booking.staffId }]}
          label="Assign"
        />
      </div>
      <div className="flex flex-wrap gap-2">
        {live ? (
          <>
            <OutcomeDialog booking={booking} />
            <RescheduleDialog booking={booking} />
            {booking.series ? <SeriesDialog booking={booking} /> : null}
            <CancelDialog booking={booking} />
          </>
        ) : (
          <RestoreDialog booking={booking} />
        )}
      </div>
    </div>
  );
}
