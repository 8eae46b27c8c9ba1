"use client";
// A destructive action on an account asked once in a dialog (end a session, revoke a token,
// disable the account): the request, a toast saying what changed, the lists refreshed.
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import { useToast } from "@/components/ui/toast";
import { apiJson, ApiError } from "@/lib/schedule/api-client";

export function ConfirmAction({
  url,
  method,
  label,
  srLabel,
  title,
  description,
  explain,
  done,
}: {
  url: string;
  method: "DELETE" | "POST";
  /** The button's text, e.g. "End". */
  label: string;
  /** What the button acts on, for screen readers ("session of Chrome on Android"). */
  srLabel: string;
  title: string;
  description?: string;
  explain: ReactNode;
  /** The toast's title afterwards. */
  done: string;
}) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const router = useRouter();
  const toast = useToast();

  async function act() {
    setPending(true);
    setError(undefined);
    try {
      await apiJson(url, method === "POST" ? { body: {} } : { method });
      toast({ title: done, description });
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
      title={title}
      description={description}
      trigger={
        <Button size="sm" variant="danger">
          {label}
          <span className="sr-only"> {srLabel}</span>
        </Button>
      }
    >
      <div className="text-sm text-slate-700">{explain}</div>
      <FormError message={error} />
      <div className="mt-4 flex justify-end gap-2">
        <DialogClose asChild>
          <Button>Cancel</Button>
        </DialogClose>
        <Button variant="danger" disabled={pending} onClick={() => void act()}>
          {label}
        </Button>
      </div>
    </Dialog>
  );
}
