"use client";
// A set-password link shown once: the address to copy, a QR code for the walker's phone, when
// it expires, and a plain warning when the link names this computer (127.0.0.1/localhost).
import { CopyButton } from "@/components/ui/copy-button";
import { QrCode } from "@/components/ui/qr-code";

export interface LinkJson {
  url: string;
  expiresAt: string;
  localOnly: boolean;
}

export function LinkReveal({ link, email, zone }: { link: LinkJson; email: string; zone: string }) {
  const expires = new Intl.DateTimeFormat("en-GB", {
    timeZone: zone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
  }).format(new Date(link.expiresAt));
  const inputId = "set-password-link";
  return (
    <div className="space-y-4" data-testid="set-password-link">
      <p className="text-sm text-slate-800">
        Give this link to <strong className="break-words">{email}</strong>. It lets them choose a password and
        signs them in. It works once, until {expires}, and is shown only now.
      </p>
      {link.localOnly ? (
        <p
          role="note"
          className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          This link starts with {new URL(link.url).host}, which means this computer: it works only here, not
          on a phone. Open this page at the address the phone uses (or set PUBLIC_URL, see docs/LAN.md) and
          make a new link.
        </p>
      ) : null}
      <div className="flex flex-col items-center gap-4 sm:flex-row sm:items-start">
        <div className="shrink-0">
          <QrCode value={link.url} label={`QR code of the set-password link for ${email}`} size={176} />
        </div>
        <div className="w-full min-w-0 space-y-2">
          <label htmlFor={inputId} className="block text-xs font-medium text-slate-600 uppercase">
            Link
          </label>
          <input
            id={inputId}
            readOnly
            value={link.url}
            onFocus={(event) => event.currentTarget.select()}
            className="block w-full rounded-md border border-slate-300 bg-slate-50 px-2.5 py-1.5 font-mono text-xs text-slate-900"
          />
          <CopyButton
            text={link.url}
            label="Copy link"
            fallbackInputId={inputId}
            variant="primary"
            size="sm"
          />
          <p className="text-xs text-slate-600">Scan the code with the walker&apos;s phone camera.</p>
        </div>
      </div>
    </div>
  );
}
