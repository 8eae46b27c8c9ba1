"use client";
// Show a feed's link again (from its sealed token; audited), rotate it (new URL, the old one
// answers 404) and revoke it; rotate and revoke are confirmed once in a dialog.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import { useToast } from "@/components/ui/toast";
import { apiJson, ApiError } from "@/lib/schedule/api-client";
import { FeedLinkBody, type FeedLinkJson } from "@/components/schedule/feed-link-body";
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
  sealed,
  onIssued,
}: {
  id: number;
  name: string;
  /** A sealed copy of the token exists: the link can be shown again. */
  sealed: boolean;
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
        const issued = await apiJson<FeedLinkJson>(`/api/owner/feeds/${id}/rotate`, {
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
    <div className="flex flex-wrap gap-2">
      {sealed ? <ShowLink id={id} name={name} /> : null}
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

/** Shows the feed's current link in a dialog, fetched (and audited) each time it opens. */
function ShowLink({ id, name }: { id: number; name: string }) {
  const [link, setLink] = useState<FeedLinkJson | null>(null);
  const [error, setError] = useState<string>();
  const [open, setOpen] = useState(false);

  async function load() {
    setLink(null);
    setError(undefined);
    try {
      setLink(await apiJson<FeedLinkJson>(`/api/owner/feeds/${id}/link`, { method: "POST" }));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) void load();
      }}
      title="Feed link"
      description={name}
      trigger={
        <Button size="sm" variant="primary">
          Show link
          <span className="sr-only"> of {name}</span>
        </Button>
      }
    >
      <FormError message={error} />
      {link ? (
        <div data-testid="shown-link">
          <FeedLinkBody link={link} qrSize={144} />
        </div>
      ) : error ? null : (
        <p className="text-sm text-slate-700" role="status">
          Opening the link…
        </p>
      )}
      <div className="mt-4 flex justify-end">
        <DialogClose asChild>
          <Button>Done</Button>
        </DialogClose>
      </div>
    </Dialog>
  );
}
