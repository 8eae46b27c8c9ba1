"use client";
// "Make a set-password link" for an existing account (a walker who never set one, or forgot
// it): asks once, since older unused links stop working, then shows the new link once.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import { useRouter } from "next/navigation";
import { LinkReveal, type LinkJson } from "@/components/accounts/link-reveal";
import { apiJson, ApiError } from "@/lib/schedule/api-client";

export function MakeLink({ userId, email, zone }: { userId: string; email: string; zone: string }) {
  const [open, setOpen] = useState(false);
  const [link, setLink] = useState<LinkJson>();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const router = useRouter();

  async function make() {
    setPending(true);
    setError(undefined);
    try {
      const made = await apiJson<{ link: LinkJson }>(`/api/owner/users/${encodeURIComponent(userId)}/links`, {
        body: {},
      });
      setLink(made.link);
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
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) {
          setLink(undefined);
          setError(undefined);
        }
      }}
      title="Set-password link"
      description={link ? undefined : email}
      trigger={
        <Button size="sm">
          Make a set-password link<span className="sr-only"> for {email}</span>
        </Button>
      }
    >
      {link ? (
        <div className="space-y-4">
          <LinkReveal link={link} email={email} zone={zone} />
          <div className="flex justify-end">
            <DialogClose asChild>
              <Button>Done</Button>
            </DialogClose>
          </div>
        </div>
      ) : (
        <div className="space-y-4">
          <p className="text-sm text-slate-700">
            The link lets the person choose a new password; their current password and sessions end when they
            use it. Any earlier link for this account stops working now.
          </p>
          <FormError message={error} />
          <div className="flex justify-end gap-2">
            <DialogClose asChild>
              <Button>Cancel</Button>
            </DialogClose>
            <Button variant="primary" disabled={pending} onClick={() => void make()}>
              Make the link
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
