"use client";
// The owner's edits of a client's file: dialogs for the address override, emergency contact,
// access notes and pets (validated with the server's own zod schemas), and a pet photo chosen
// from the phone's camera or gallery, or a file on a desktop. Each change says so in a toast.
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import type { z } from "zod";
import type { ClientFileView, PetView } from "@/lib/clients/file";
import { addressInputSchema } from "@/lib/clients/address";
import { accessNotesSchema, ACCESS_LABELS, type AccessNotesInput } from "@/lib/clients/access-schema";
import { emergencySchema, MAX_PHOTO_BYTES, petCreateSchema, PHOTO_TYPES } from "@/lib/clients/forms";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input, Textarea } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { useToast } from "@/components/ui/toast";
import { useZodForm } from "@/components/ui/use-form";
import { fileRequest } from "@/components/client-file/api";

type Values = Record<string, string>;
type FieldSpec = {
  name: string;
  label: string;
  hint?: string;
  long?: boolean;
  type?: string;
  autoComplete?: string;
};

/** A dialog with a form of text fields, checked by `schema` before `send`. */
function FormDialog({
  title,
  description,
  trigger,
  fields,
  initial,
  schema,
  send,
  done,
  extra,
}: {
  title: string;
  description?: string;
  trigger: React.ReactNode;
  fields: FieldSpec[];
  initial: Values;
  schema: z.ZodType;
  send: (values: Values) => Promise<unknown>;
  done: string;
  extra?: React.ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Values>(initial);
  const form = useZodForm(schema);
  const router = useRouter();
  const toast = useToast();
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          setValues(initial);
          form.setErrors({});
        }
      }}
      trigger={trigger}
      title={title}
      description={description}
    >
      <form
        noValidate
        className="space-y-3"
        aria-label={title}
        onSubmit={(event) => {
          event.preventDefault();
          void form
            .submit(values, async (checked) => {
              await send(checked as Values);
            })
            .then((ok) => {
              if (!ok) return;
              setOpen(false);
              toast({ title: done });
              router.refresh();
            });
        }}
      >
        <FormError message={form.errors.form} />
        {fields.map((spec) => (
          <Field key={spec.name} label={spec.label} hint={spec.hint} error={form.errors[spec.name]}>
            {(ids) =>
              spec.long ? (
                <Textarea
                  {...ids}
                  value={values[spec.name] ?? ""}
                  onChange={(e) => setValues({ ...values, [spec.name]: e.target.value })}
                />
              ) : (
                <Input
                  {...ids}
                  type={spec.type ?? "text"}
                  autoComplete={spec.autoComplete ?? "off"}
                  value={values[spec.name] ?? ""}
                  onChange={(e) => setValues({ ...values, [spec.name]: e.target.value })}
                />
              )
            }
          </Field>
        ))}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" variant="primary" disabled={form.pending}>
            {form.pending ? "Saving…" : "Save"}
          </Button>
          {extra}
        </div>
      </form>
    </Dialog>
  );
}

const text = (value: string | null | undefined) => value ?? "";

export function FileEditor({ file }: { file: ClientFileView }) {
  const id = file.clientStripeId;
  const a = file.addressSource === "local" ? file.address : null;
  const router = useRouter();
  const toast = useToast();
  const backToStripe = async () => {
    await fileRequest(id, "/file", { method: "PATCH", json: { address: null } });
    toast({ title: "Address from Stripe again" });
    router.refresh();
  };
  return (
    <div className="flex flex-wrap justify-end gap-1.5">
      <FormDialog
        title="Address"
        description="Kept here: a Stripe sync never changes it. Leave Stripe's by not saving."
        trigger={<Button size="sm">Edit address</Button>}
        schema={addressInputSchema}
        fields={[
          { name: "line1", label: "Street and number", autoComplete: "address-line1" },
          { name: "line2", label: "Flat, building", hint: "Optional", autoComplete: "address-line2" },
          { name: "city", label: "Town or city", autoComplete: "address-level2" },
          { name: "postalCode", label: "Postcode", autoComplete: "postal-code" },
          { name: "state", label: "County or state", hint: "Optional", autoComplete: "address-level1" },
          { name: "country", label: "Country", hint: "Two letters, e.g. GB", autoComplete: "country" },
        ]}
        initial={{
          line1: text(a?.line1 ?? file.address?.line1),
          line2: text(a?.line2 ?? file.address?.line2),
          city: text(a?.city ?? file.address?.city),
          postalCode: text(a?.postalCode ?? file.address?.postalCode),
          state: text(a?.state ?? file.address?.state),
          country: text(a?.country ?? file.address?.country),
        }}
        send={(values) => fileRequest(id, "/file", { method: "PATCH", json: { address: values } })}
        done="Address saved"
        extra={
          file.addressSource === "local" ? (
            <Button variant="ghost" onClick={() => void backToStripe()}>
              Use Stripe&apos;s address
            </Button>
          ) : null
        }
      />
      <FormDialog
        title="Emergency contact"
        trigger={<Button size="sm">Emergency contact</Button>}
        schema={emergencySchema}
        fields={[
          { name: "name", label: "Name" },
          { name: "phone", label: "Phone", type: "tel" },
          { name: "note", label: "Note", hint: "Optional, e.g. “neighbour, has a key”", long: true },
        ]}
        initial={{
          name: text(file.emergency?.name),
          phone: text(file.emergency?.phone),
          note: text(file.emergency?.note),
        }}
        send={(values) => fileRequest(id, "/file", { method: "PATCH", json: { emergency: values } })}
        done="Emergency contact saved"
      />
      <FormDialog
        title="Access notes"
        description={
          file.access.stored
            ? "Replaces the notes stored now (show them first to copy what stays). All empty removes them."
            : "Stored encrypted; shown to walkers only around their visits, and every showing is recorded."
        }
        trigger={<Button size="sm">Access notes</Button>}
        schema={accessNotesSchema}
        fields={(Object.keys(ACCESS_LABELS) as (keyof AccessNotesInput)[]).map((name) => ({
          name,
          label: ACCESS_LABELS[name],
          hint: "Optional",
          long: name === "other" || name === "keyLocation" || name === "parking",
        }))}
        initial={{}}
        send={(values) => fileRequest(id, "/access", { method: "PUT", json: values })}
        done="Access notes saved"
      />
    </div>
  );
}

function PhotoInput({ file, pet }: { file: ClientFileView; pet: PetView }) {
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const router = useRouter();
  const toast = useToast();
  const upload = async (chosen: File) => {
    setError("");
    if (chosen.size > MAX_PHOTO_BYTES) {
      setError(`The photo is larger than ${MAX_PHOTO_BYTES / 1024 / 1024} MB; choose a smaller one.`);
      return;
    }
    setBusy(true);
    try {
      await fileRequest(file.clientStripeId, `/pets/${pet.id}/photo`, { method: "PUT", bytes: chosen });
      toast({ title: `Photo of ${pet.name} saved` });
      router.refresh();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = "";
    }
  };
  return (
    <span className="inline-flex flex-col">
      <label
        htmlFor={inputId}
        className="inline-flex h-8 cursor-pointer items-center rounded-md border border-slate-300 bg-white px-2.5 text-xs font-medium text-slate-800 focus-within:outline-2 focus-within:outline-indigo-600 hover:bg-slate-50"
      >
        {busy ? "Uploading…" : pet.photoUrl ? `Replace photo of ${pet.name}` : `Add photo of ${pet.name}`}
        <input
          ref={input}
          id={inputId}
          type="file"
          accept={PHOTO_TYPES.join(",")}
          className="sr-only"
          disabled={busy}
          onChange={(event) => {
            const chosen = event.target.files?.[0];
            if (chosen) void upload(chosen);
          }}
        />
      </label>
      {error ? (
        <span role="alert" className="text-xs text-rose-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}

const petFields: FieldSpec[] = [
  { name: "name", label: "Name" },
  { name: "breed", label: "Breed", hint: "Optional" },
  { name: "careNotes", label: "Care notes", hint: "Feeding, medication, behaviour", long: true },
  { name: "vet", label: "Vet", hint: "Name and phone" },
];

/** "Add pet" (without `pet`), or a pet's Edit / photo / Remove. */
export function PetControls({ file, pet }: { file: ClientFileView; pet?: PetView }) {
  const router = useRouter();
  const toast = useToast();
  const [confirm, setConfirm] = useState(false);
  const id = file.clientStripeId;
  if (!pet) {
    return (
      <FormDialog
        title="Add a pet"
        trigger={<Button size="sm">Add pet</Button>}
        schema={petCreateSchema}
        fields={petFields}
        initial={{ name: "", breed: "", careNotes: "", vet: "" }}
        send={(values) => fileRequest(id, "/pets", { method: "POST", json: values })}
        done="Pet added"
      />
    );
  }
  const remove = async () => {
    await fileRequest(id, `/pets/${pet.id}`, { method: "DELETE" });
    setConfirm(false);
    toast({ title: `${pet.name} removed` });
    router.refresh();
  };
  return (
    <div className="flex flex-wrap items-start gap-1.5 pt-1">
      <FormDialog
        title={`Edit ${pet.name}`}
        trigger={<Button size="sm">Edit {pet.name}</Button>}
        schema={petCreateSchema}
        fields={petFields}
        initial={{
          name: pet.name,
          breed: text(pet.breed),
          careNotes: text(pet.careNotes),
          vet: text(pet.vet),
        }}
        send={(values) => fileRequest(id, `/pets/${pet.id}`, { method: "PATCH", json: values })}
        done={`${pet.name} saved`}
      />
      <PhotoInput file={file} pet={pet} />
      <Dialog
        open={confirm}
        onOpenChange={setConfirm}
        trigger={
          <Button size="sm" variant="ghost">
            Remove {pet.name}
          </Button>
        }
        title={`Remove ${pet.name}?`}
        description="Their care notes and photo are deleted."
      >
        <div className="flex gap-2">
          <Button variant="danger" onClick={() => void remove()}>
            Remove
          </Button>
          <Button onClick={() => setConfirm(false)}>Keep</Button>
        </div>
      </Dialog>
    </div>
  );
}
