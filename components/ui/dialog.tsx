"use client";
// Dialog (centred) and Sheet (from the right; full width on a phone), both on Radix Dialog:
// focus trapped, Escape closes, the title names the dialog for screen readers.
import { Dialog as D } from "radix-ui";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

interface Props {
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** The element that opens it (rendered with asChild). */
  trigger?: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
}

function Frame({
  side,
  open,
  onOpenChange,
  trigger,
  title,
  description,
  children,
}: Props & { side: "center" | "right" }) {
  return (
    <D.Root open={open} onOpenChange={onOpenChange}>
      {trigger ? <D.Trigger asChild>{trigger}</D.Trigger> : null}
      <D.Portal>
        <D.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <D.Content
          className={cn(
            "fixed z-50 overflow-y-auto bg-white p-5 shadow-xl focus:outline-none",
            side === "center"
              ? "top-1/2 left-1/2 max-h-[90vh] w-[calc(100vw-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 rounded-lg"
              : "inset-y-0 right-0 w-full max-w-md",
          )}
          {...(description ? {} : { "aria-describedby": undefined })}
        >
          <div className="mb-4 flex items-start justify-between gap-4">
            <div>
              <D.Title className="text-lg font-semibold">{title}</D.Title>
              {description ? (
                <D.Description className="text-sm text-slate-600">{description}</D.Description>
              ) : null}
            </div>
            <D.Close
              className="shrink-0 rounded p-1 text-slate-600 hover:bg-slate-100 max-sm:min-h-11 max-sm:min-w-11"
              aria-label="Close"
            >
              ✕
            </D.Close>
          </div>
          {children}
        </D.Content>
      </D.Portal>
    </D.Root>
  );
}

export function Dialog(props: Props) {
  return <Frame side="center" {...props} />;
}

export function Sheet(props: Props) {
  return <Frame side="right" {...props} />;
}

export const DialogClose = D.Close;
