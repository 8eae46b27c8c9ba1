"use client";
// One edit of a visit in a dialog, made from a known version: the form starts from the newest
// version the page has each time it opens, says so when the visit changes while it is open
// (the page refreshes live), saves with If-Match and, on a stale version, shows ConflictDialog.
// The toast says what changed, in the words of lib/text/booking-changes.ts.
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import { useToast } from "@/components/ui/toast";
import { useZodForm } from "@/components/ui/use-form";
import { ConflictDialog } from "@/components/bookings/conflict-dialog";
import { useVersionedEdit, type BookingVersion, type Conflict } from "@/components/bookings/versioned-edit";
import {
  savedInWords,
  valuesInWords,
  type ChangeWordsContext,
  type EditableBooking,
} from "@/lib/text/booking-changes";

export type Body = Record<string, unknown>;

/** The visit as it would be with `body` applied to `current` (the conflict dialog's "yours"). */
export function withBody(current: EditableBooking, body: Body): EditableBooking {
  const next = { ...current } as EditableBooking & Body;
  for (const key of Object.keys(current)) if (key in body) next[key] = body[key];
  if (body.status === "cancelled")
    next.statusReason = (body.reason as string | undefined) ?? "cancelled_by_staff";
  if (body.status === "scheduled") next.statusReason = null;
  return next;
}

/** Save, conflict and toast for one form; renders the conflict dialog when there is one. */
export function useEditFlow(
  version: BookingVersion,
  words: ChangeWordsContext,
  after?: (saved: BookingVersion) => void,
  /** The toast of a save (default: what changed, in words); Cancel adds its Undo. */
  announce?: (text: string, saved: BookingVersion) => void,
) {
  const edit = useVersionedEdit(version);
  const router = useRouter();
  const toast = useToast();
  const finish = (before: EditableBooking, saved: BookingVersion) => {
    const text = savedInWords(before, saved, words);
    if (announce) announce(text, saved);
    else toast({ title: text });
    router.refresh();
    after?.(saved);
  };
  const send = async (body: Body): Promise<void> => {
    const before = edit.base;
    const saved = await edit.save(body);
    if (saved) finish(before, saved);
  };
  const conflictDialog = (onKeep: (current: BookingVersion) => void) => (
    <ConflictDialog
      conflict={edit.conflict}
      yours={edit.conflict ? withBody(edit.conflict.current, edit.conflict.body) : null}
      words={words}
      onKeepTheirs={() => {
        onKeep(edit.keepTheirs());
        router.refresh();
      }}
      onSaveMine={async () => {
        const { current, body } = edit.conflict as Conflict;
        const saved = await edit.save(body, current.etag);
        if (saved) finish(current, saved);
      }}
    />
  );
  return { edit, send, conflictDialog };
}

/** "It changed while you had the form open", with the current values and a way to start over. */
export function StaleNotice({
  latest,
  words,
  onRestart,
}: {
  latest: EditableBooking;
  words: ChangeWordsContext;
  onRestart: () => void;
}) {
  const now = valuesInWords(latest, words);
  const text = (field: string) => now.find((v) => v.field === field)?.text;
  return (
    <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <p>
        This visit changed while the form was open: it is now {text("when")}, walker {text("staffId")},{" "}
        {text("status")?.toLowerCase()}. Saving will first show you what changed.
      </p>
      <Button size="sm" className="mt-2" onClick={onRestart}>
        Start again from the current values
      </Button>
    </div>
  );
}

export function EditDialog<S extends z.ZodType, V extends z.input<S>>({
  version,
  words,
  schema,
  title,
  description,
  trigger,
  submitLabel,
  submitVariant = "primary",
  valuesFrom,
  toBody,
  after,
  announce,
  children,
}: {
  version: BookingVersion;
  words: ChangeWordsContext;
  schema: S;
  title: string;
  description?: string;
  trigger: ReactNode;
  submitLabel: string;
  submitVariant?: "primary" | "danger";
  valuesFrom: (booking: BookingVersion) => V;
  /** The API body for the form's values, made against the version the form started from. */
  toBody: (values: V, base: BookingVersion) => Body;
  after?: (saved: BookingVersion) => void;
  announce?: (text: string, saved: BookingVersion) => void;
  children: (form: {
    values: V;
    set: (patch: Partial<V>) => void;
    errors: Record<string, string>;
  }) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<V>(() => valuesFrom(version));
  const form = useZodForm(schema);
  const { edit, send, conflictDialog } = useEditFlow(
    version,
    words,
    (saved) => {
      setOpen(false);
      after?.(saved);
    },
    announce,
  );
  const restart = () => {
    setValues(valuesFrom(edit.start()));
    form.setErrors({});
  };
  return (
    <>
      <Dialog
        open={open}
        onOpenChange={(next) => {
          if (next) restart();
          setOpen(next);
        }}
        title={title}
        description={description}
        trigger={trigger}
      >
        <form
          className="space-y-3"
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            await form.submit(values, (v) => send(toBody(v as V, edit.base)));
          }}
        >
          {edit.stale ? <StaleNotice latest={version} words={words} onRestart={restart} /> : null}
          <FormError message={form.errors.form} />
          {children({
            values,
            set: (patch) => setValues(Object.assign({}, values, patch)),
            errors: form.errors,
          })}
          <Button type="submit" variant={submitVariant} disabled={form.pending}>
            {submitLabel}
          </Button>
        </form>
      </Dialog>
      {conflictDialog((current) => setValues(valuesFrom(current)))}
    </>
  );
}
