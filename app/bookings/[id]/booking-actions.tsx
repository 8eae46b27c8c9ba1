"use client";
// What staff do to one visit: assign, reschedule (this one or this and following), complete or
// no-show with a note and check-in/out (local date and time), cancel (with Undo), restore. Every
// edit goes through /api/v1 with the version it was made from (components/bookings/*): a stale
// one shows who changed what since, never overwrites it. The page follows the changes stream,
// so an open page shows another person's change within a second.
import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { useLiveChanges } from "@/components/live/use-live-changes";
import { useEditFlow } from "@/components/bookings/edit-dialog";
import type { BookingVersion } from "@/components/bookings/versioned-edit";
import {
  CancelDialog,
  OutcomeDialog,
  RescheduleDialog,
  RestoreDialog,
} from "@/app/bookings/[id]/visit-forms";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { DateInput, Field, Input, Select, TimeInput } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { useToast } from "@/components/ui/toast";
import { useZodForm } from "@/components/ui/use-form";
import { apiJson } from "@/lib/schedule/api-client";
import { seriesFormSchema } from "@/lib/schedule/forms";
import { localDate, localTime } from "@/lib/schedule/time";
import type { ChangeWordsContext } from "@/lib/text/booking-changes";

export interface StaffOption {
  id: number;
  name: string;
}

export interface ActionBooking extends BookingVersion {
  series: boolean;
}

/** What the page hands the actions for words: names are plain pairs (serialisable props). */
export interface ActionWords {
  zone: string;
  staffNames: [number, string][];
  people: [string, string][];
  viewer: string;
}

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

function SeriesDialog({ booking, zone }: { booking: ActionBooking; zone: string }) {
  const [open, setOpen] = useState(false);
  const [v, setV] = useState({
    fromDate: localDate(new Date(booking.startAt), zone),
    weekday: "",
    startTime: localTime(new Date(booking.startAt), zone),
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

/** The walker, chosen from the version shown: a change made meanwhile is a conflict, not lost. */
function WalkerForm({
  booking,
  staff,
  words,
}: {
  booking: ActionBooking;
  staff: StaffOption[];
  words: ChangeWordsContext;
}) {
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const { edit, send, conflictDialog } = useEditFlow(booking, words, () => setValue(""));
  return (
    <>
      <form
        className="flex flex-wrap items-center gap-2"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!value) return;
          setBusy(true);
          setError(undefined);
          try {
            await send({ staffId: value === "none" ? null : Number(value) });
          } catch (err) {
            setError(err instanceof Error ? err.message : String(err));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Select
          aria-label="Walker"
          value={value}
          onFocus={() => {
            if (!value) edit.start();
          }}
          onChange={(e) => {
            if (!value) edit.start();
            setValue(e.target.value);
          }}
          className="w-44"
        >
          <option value="">Choose a walker…</option>
          {staff.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
          <option value="none">Unassigned</option>
        </Select>
        <Button type="submit" variant="primary" disabled={!value || busy}>
          Assign
        </Button>
      </form>
      <FormError message={error} />
      {conflictDialog(() => setValue(""))}
    </>
  );
}

export function BookingActions({
  booking,
  staff,
  words: given,
  liveCursor,
}: {
  booking: ActionBooking;
  staff: StaffOption[];
  words: ActionWords;
  liveCursor: string | null;
}) {
  const router = useRouter();
  useLiveChanges(
    liveCursor,
    useCallback(
      (changes) => {
        if (changes.some((c) => c.entity === "booking" && c.id === String(booking.id))) router.refresh();
      },
      [booking.id, router],
    ),
  );
  const words: ChangeWordsContext = {
    zone: given.zone,
    staffNames: new Map(given.staffNames),
    people: new Map(given.people),
    viewer: given.viewer,
  };
  const live = booking.status === "scheduled" || booking.status === "held";
  return (
    <div className="space-y-4">
      <div>
        <h3 className="mb-1 text-sm font-medium">Walker</h3>
        <WalkerForm booking={booking} staff={staff} words={words} />
      </div>
      <div className="flex flex-wrap gap-2">
        {live ? (
          <>
            <OutcomeDialog booking={booking} words={words} />
            <RescheduleDialog booking={booking} words={words} />
            {booking.series ? <SeriesDialog booking={booking} zone={words.zone} /> : null}
            <CancelDialog booking={booking} words={words} />
          </>
        ) : (
          <RestoreDialog booking={booking} words={words} />
        )}
      </div>
    </div>
  );
}
