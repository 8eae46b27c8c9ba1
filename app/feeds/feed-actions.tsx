"use client";
// Rotate (new URL, the old one answers 404) and revoke a feed, each confirmed once in a dialog.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import { useToast } from "@/components/ui/toast";
import { apiJson, ApiError } from "@/lib/schedule/api-client";
import type { Issued } from "@/app/feeds/issued-link";

type Action = "rotate" | "revoke";

const copy: Record<Action, { title: string; body: string; confirm: string; done: string }> = {
  rotate: {
    title: "Rotate this feed?",
    body: "It gets a new URL. Calendars subscribed to the old URL stop updating: subscribe them again with the new one.",
    confirm: "Rotate",
    done: "Feed rotated: the old URL no longer works",
  },
  revoke: {
    title: "Revoke this feed?",
    body: "Its URL stops working at once and cannot be restored. Calendars subscribed to it stop updating.",
    confirm: "Revoke",
    done: "Feed revoked",
  },
};

export function FeedActions({
  id,
  name,
  onIssued,
}: {
  id: number;
  name: string;
  onIssued: (issued: Issued) => void;
}) {
  const [open, setOpen] = useState<Action | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const router = useRouter();
  const toast = useToast();

  async function run(action: Action) {
    setPending(true);
    setError(undefined);
    try {
      if (action === "rotate") {
        const issued = await apiJson<{ url: string; webcal: string }>(`/api/owner/feeds/${id}/rotate`, {
          method: "POST",
        });
        onIssued({ ...issued, title: `New URL for ${name}` });
      } else {
        await apiJson(`/api/owner/feeds/${id}`, { method: "DELETE" });
      }
      toast({ title: copy[action].done, description: name });
      setOpen(null);
      router.refresh();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="flex gap-2">
      {(["rotate", "revoke"] as const).map((action) => (
        <Dialog
          key={action}
          open={open === action}
          onOpenChange={(next) => setOpen(next ? action : null)}
          title={copy[action].title}
          description={name}
          trigger={
            <Button size="sm" variant={action === "revoke" ? "danger" : "secondary"}>
              {action === "rotate" ? "Rotate" : "Revoke"}
              <span className="sr-only"> {name}</span>
            </Button>
          }
        >
          <p className="text-sm text-slate-700">{copy[action].body}</p>
          <FormError message={error} />
          <div className="mt-4 flex justify-end gap-2">
            <DialogClose asChild>
              <Button>Keep it</Button>
            </DialogClose>
            <Button
              variant={action === "revoke" ? "danger" : "primary"}
              disabled={pending}
              onClick={() => void run(action)}
            >
              {copy[action].confirm}
            </Button>
          </div>
        </Dialog>
      ))}
    </div>
  );
}
