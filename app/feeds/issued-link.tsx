"use client";
// A feed's subscribe links, shown once after it is created or rotated (only a hash is kept):
// the URL with Copy, the webcal:// link that opens the calendar app, and a QR code for a phone.
import { useId } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { Input } from "@/components/ui/field";
import { QrCode } from "@/components/ui/qr-code";

export interface Issued {
  url: string;
  webcal: string;
  title: string;
}

export function IssuedLink({ issued }: { issued: Issued }) {
  const id = useId();
  return (
    <section
      aria-label="Subscribe links"
      className="space-y-3 rounded-lg border border-emerald-200 bg-emerald-50 p-4"
      data-testid="issued-link"
    >
      <div>
        <h2 className="font-medium text-emerald-950">{issued.title}</h2>
        <p className="text-sm text-emerald-900">
          Shown once: copy it now. Anyone with the link can read this calendar; rotate it if it leaks.
        </p>
      </div>
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
        <div className="min-w-0 flex-1 space-y-2">
          <label htmlFor={id} className="block text-sm font-medium text-slate-800">
            Feed URL
          </label>
          <div className="flex gap-2">
            <Input
              id={id}
              readOnly
              value={issued.url}
              onFocus={(e) => e.target.select()}
              className="font-mono"
            />
            <CopyButton text={issued.url} fallbackInputId={id} what="Feed URL" />
          </div>
          <p className="text-sm">
            <a
              href={issued.webcal}
              className="font-medium text-indigo-800 underline underline-offset-2 hover:text-indigo-950"
            >
              Subscribe in the calendar app (webcal://)
            </a>
          </p>
          <p className="text-xs text-slate-700">
            Google Calendar: Other calendars → From URL, paste the URL. Apple Calendar and Outlook open the
            webcal link. On a phone, scan the code.
          </p>
        </div>
        <QrCode value={issued.url} label="QR code of the feed URL" size={168} />
      </div>
    </section>
  );
}
