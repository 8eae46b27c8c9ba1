"use client";
// The owner's pet controls: add, edit and remove a pet, and its photo (the phone's camera or
// gallery, or a file on a desktop; checked for size here and for type by the server).
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import type { ClientFileView, PetView } from "@/lib/clients/file";
import { MAX_PHOTO_BYTES, petCreateSchema, PHOTO_TYPES } from "@/lib/clients/forms";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { fileRequest } from "@/components/client-file/api";
import { FormDialog, text, type FieldSpec } from "@/components/client-file/form-dialog";

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
