"use client";
// The dialogs that edit one visit's time and outcome, each made from the version the page shows
// (EditDialog: If-Match, the conflict dialog, toasts in words). Check-in/out are local date-times.
import { useRouter } from "next/navigation";
import { EditDialog } from "@/components/bookings/edit-dialog";
import { patchBooking, type BookingVersion } from "@/components/bookings/versioned-edit";
import { Button } from "@/components/ui/button";
import { DateInput, DateTimeInput, Field, Input, Textarea, TimeInput } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { useToast } from "@/components/ui/toast";
import { rescheduleFormSchema, statusFormSchema } from "@/lib/schedule/forms";
import { fromLocal, localDate, localTime } from "@/lib/schedule/time";
import type { ChangeWordsContext } from "@/lib/text/booking-changes";

type Props = { booking: BookingVersion; words: ChangeWordsContext };

/** "yyyy-MM-ddTHH:mm" in the zone, for a datetime-local input. */
const localMoment = (iso: string | null, zone: string) =>
  iso ? `${localDate(new Date(iso), zone)}T${localTime(new Date(iso), zone)}` : "";

/** A check-in/out as the API wants it: unchanged at minute precision (the form shows minutes) is left out. */
function momentBody(value: string | null | undefined, stored: string | null, day: string, zone: string) {
  if (value === undefined) return undefined;
  if (!value) return stored === null ? undefined : null;
  const [date, time] = value.includes("T") ? value.split("T") : [day, value];
  const at = fromLocal(date!, time!, zone);
  const shown = stored ? Math.floor(Date.parse(stored) / 60_000) : null;
  return shown === at.getTime() / 60_000 ? undefined : at.toISOString();
}

const defined = (body: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));

export function RescheduleDialog({ booking, words }: Props) {
  const { zone } = words;
  return (
    <EditDialog
      version={booking}
      words={words}
      schema={rescheduleFormSchema}
      title="Reschedule this visit"
      trigger={<Button>Reschedule</Button>}
      submitLabel="Save"
      valuesFrom={(b) => ({
        date: localDate(new Date(b.startAt), zone),
        startTime: localTime(new Date(b.startAt), zone),
        durationMin: String(Math.round((Date.parse(b.endAt) - Date.parse(b.startAt)) / 60_000)),
      })}
      toBody={(v) => {
        const startAt = fromLocal(v.date, v.startTime, zone);
        return {
          startAt: startAt.toISOString(),
          endAt: new Date(startAt.getTime() + Number(v.durationMin) * 60_000).toISOString(),
        };
      }}
    >
      {({ values: v, set, errors }) => (
        <>
          <Field label="Date" error={errors.date}>
            {(ids) => <DateInput {...ids} value={v.date} onChange={(e) => set({ date: e.target.value })} />}
          </Field>
          <Field label="Start time" error={errors.startTime}>
            {(ids) => (
              <TimeInput {...ids} value={v.startTime} onChange={(e) => set({ startTime: e.target.value })} />
            )}
          </Field>
          <Field label="Duration (minutes)" error={errors.durationMin}>
            {(ids) => (
              <Input
                {...ids}
                inputMode="numeric"
                value={v.durationMin}
                onChange={(e) => set({ durationMin: e.target.value })}
              />
            )}
          </Field>
        </>
      )}
    </EditDialog>
  );
}

export function OutcomeDialog({ booking, words }: Props) {
  const { zone } = words;
  return (
    <EditDialog
      version={booking}
      words={words}
      schema={statusFormSchema}
      title="Record the visit"
      trigger={<Button variant="primary">Complete…</Button>}
      submitLabel="Save"
      valuesFrom={(b) => ({
        status: "completed" as "completed" | "no_show",
        note: b.notes ?? "",
        checkIn: localMoment(b.checkInAt, zone),
        checkOut: localMoment(b.checkOutAt, zone),
        reason: "",
      })}
      toBody={(v, base) => {
        const day = localDate(new Date(base.startAt), zone);
        const note = v.note.trim() === "" ? null : v.note.trim();
        return defined({
          status: v.status,
          reason: v.reason.trim() || undefined,
          notes: note === base.notes ? undefined : note,
          checkInAt: momentBody(v.checkIn, base.checkInAt, day, zone),
          checkOutAt: momentBody(v.checkOut, base.checkOutAt, day, zone),
        });
      }}
    >
      {({ values: v, set, errors }) => (
        <>
          {errors.status ? <FormError message={errors.status} /> : null}
          <fieldset className="flex gap-4 text-sm">
            <legend className="mb-1 font-medium">Outcome</legend>
            {(["completed", "no_show"] as const).map((s) => (
              <label key={s} className="flex items-center gap-1.5">
                <input
                  type="radio"
                  name="status"
                  checked={v.status === s}
                  onChange={() => set({ status: s })}
                />
                {s === "completed" ? "Completed" : "No-show"}
              </label>
            ))}
          </fieldset>
          <div className="grid gap-3 sm:grid-cols-2">
            <Field label="Checked in" error={errors.checkIn}>
              {(ids) => (
                <DateTimeInput
                  {...ids}
                  value={v.checkIn}
                  onChange={(e) => set({ checkIn: e.target.value })}
                />
              )}
            </Field>
            <Field label="Checked out" error={errors.checkOut}>
              {(ids) => (
                <DateTimeInput
                  {...ids}
                  value={v.checkOut}
                  onChange={(e) => set({ checkOut: e.target.value })}
                />
              )}
            </Field>
          </div>
          <Field label="Note" error={errors.note}>
            {(ids) => <Textarea {...ids} value={v.note} onChange={(e) => set({ note: e.target.value })} />}
          </Field>
          <Field
            label="Reason for a correction"
            hint="Needed when changing a check-in or check-out recorded more than 15 minutes ago (owner only)"
            error={errors.reason}
          >
            {(ids) => <Input {...ids} value={v.reason} onChange={(e) => set({ reason: e.target.value })} />}
          </Field>
        </>
      )}
    </EditDialog>
  );
}

/** Undoes a recorded outcome; after 15 minutes it is the owner's correction, with a reason. */
export function RestoreDialog({ booking, words }: Props) {
  return (
    <EditDialog
      version={booking}
      words={words}
      schema={statusFormSchema}
      title="Back to scheduled?"
      description="The visit's outcome is undone. More than 15 minutes after it was recorded, only the owner may, saying why."
      trigger={<Button>Back to scheduled…</Button>}
      submitLabel="Back to scheduled"
      valuesFrom={() => ({ status: "scheduled" as const, reason: "" })}
      toBody={(v) => defined({ status: "scheduled", reason: v.reason.trim() || undefined })}
    >
      {({ values, set, errors }) => (
        <Field label="Reason" error={errors.reason}>
          {(ids) => (
            <Input
              {...ids}
              value={values.reason}
              onChange={(e) => set({ reason: e.target.value })}
              placeholder="e.g. marked completed by mistake"
            />
          )}
        </Field>
      )}
    </EditDialog>
  );
}

export function CancelDialog({ booking, words }: Props) {
  const toast = useToast();
  const router = useRouter();
  // Undo puts back exactly the version the cancel made: if someone changed it since, it says so.
  const undo = async (cancelled: BookingVersion) => {
    const outcome = await patchBooking(cancelled.id, cancelled.etag, { status: "scheduled" }).catch(
      (error: Error) => ({ error }),
    );
    router.refresh();
    if ("saved" in outcome) toast({ title: "Cancellation undone" });
    else
      toast({
        title: "Not undone",
        description:
          "error" in outcome
            ? outcome.error.message
            : "The visit changed since it was cancelled; see its history.",
        tone: "error",
      });
  };
  return (
    <EditDialog
      version={booking}
      words={words}
      schema={statusFormSchema}
      title="Cancel this visit?"
      description="Only this visit; the series goes on. Stripe changes will not bring it back."
      trigger={<Button variant="danger">Cancel visit</Button>}
      submitLabel="Cancel this visit"
      submitVariant="danger"
      valuesFrom={() => ({ status: "cancelled" as const, reason: "" })}
      toBody={(v) => defined({ status: "cancelled", reason: v.reason.trim() || undefined })}
      announce={(text, saved) =>
        toast({ title: text, action: { label: "Undo", onClick: () => void undo(saved) } })
      }
    >
      {({ values, set, errors }) => (
        <Field label="Reason (optional)" error={errors.reason}>
          {(ids) => (
            <Input
              {...ids}
              value={values.reason}
              onChange={(e) => set({ reason: e.target.value })}
              placeholder="e.g. client away"
            />
          )}
        </Field>
      )}
    </EditDialog>
  );
}
