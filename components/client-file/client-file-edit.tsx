"use client";
// The owner's edits of a client's file: dialogs for the address override (or back to Stripe's),
// the emergency contact and the access notes, validated with the server's own zod schemas; the
// pets' controls are in pet-controls.tsx. Each change says so in a toast.
import { useRouter } from "next/navigation";
import type { ClientFileView } from "@/lib/clients/file";
import { addressInputSchema } from "@/lib/clients/address";
import { accessNotesSchema, ACCESS_LABELS, type AccessNotesInput } from "@/lib/clients/access-schema";
import { emergencySchema } from "@/lib/clients/forms";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { fileRequest } from "@/components/client-file/api";
import { FormDialog, text } from "@/components/client-file/form-dialog";

export { PetControls } from "@/components/client-file/pet-controls";

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
