"use client";
// Revokes a paired phone after one confirmation: its token answers 401 from then on.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import { useToast } from "@/components/ui/toast";
import { apiJson, ApiError } from "@/lib/schedule/api-client";

export function RevokeDevice({ id, name }: { id: number; name: string }) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const router = useRouter();
  const toast = useToast();

  async function revoke() {
    setPending(true);
    setError(undefined);
    try {
      await apiJson(`/api/v1/device/devices/${id}`, { method: "DELETE" });
      toast({ title: "Phone revoked: it is signed out", description: name });
      setOpen(false);
      router.refresh();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    } finally {
      setPending(false);
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title="Revoke this phone?"
      description={name}
      trigger={
        <Button size="sm" variant="danger">
          Revoke<span className="sr-only"> {name}</span>
        </Button>
      }
    >
      <p className="text-sm text-slate-700">
        The app on it is signed out at once. To use it again, pair the phone again.
      </p>
      <FormError message={error} />
      <div className="mt-4 flex justify-end gap-2">
        <DialogClose asChild>
          <Button>Keep it</Button>
        </DialogClose>
        <Button variant="danger" disabled={pending} onClick={() => void revoke()}>
          Revoke
        </Button>
      </div>
    </Dialog>
  );
}
