"use client";
// Copies a text to the clipboard and says so in a toast; falls back to selecting it when the
// browser refuses the clipboard (plain http on a LAN address is not a secure context).
import { Button, type ButtonProps } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";

export function CopyButton({
  text,
  label = "Copy",
  what = "Link",
  fallbackInputId,
  ...props
}: { text: string; label?: string; what?: string; fallbackInputId?: string } & ButtonProps) {
  const toast = useToast();
  return (
    <Button
      {...props}
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
          toast({ title: `${what} copied` });
        } catch {
          const input = fallbackInputId ? document.getElementById(fallbackInputId) : null;
          if (input instanceof HTMLInputElement) input.select();
          toast({
            title: "Copy it by hand",
            description: "The browser did not allow copying; the text is selected.",
          });
        }
      }}
    >
      {label}
    </Button>
  );
}
