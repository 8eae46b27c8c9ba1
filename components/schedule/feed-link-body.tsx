"use client";
// A feed's subscribe links wherever one is shown (the feeds screen, the client card, a walker's
// page): the URL with Copy, the webcal:// link, and — only when a phone can open the link — a
// QR code. A link on this computer's address says so plainly (docs/FEEDS.md says how to fix it).
import { useId } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { Input } from "@/components/ui/field";
import { QrCode } from "@/components/ui/qr-code";
import { cn } from "@/components/ui/cn";

export type FeedReach = "anywhere" | "network" | "this-computer";

export interface FeedLinkJson {
  url: string;
  webcal: string;
  reach: FeedReach;
  /** From the server (lib/feeds/reach.ts); null when the link works anywhere. */
  warning: string | null;
}

const NOTE_TITLE: Record<Exclude<FeedReach, "anywhere">, string> = {
  "this-computer": "This link works only on this computer",
  network: "This link works only on your local network",
};

/** The plain warning about who can open a link; nothing when it works anywhere. */
export function ReachNote({
  reach,
  warning,
  title,
}: {
  reach: FeedReach;
  warning: string | null;
  title?: string;
}) {
  if (reach === "anywhere" || !warning) return null;
  return (
    <div
      role="note"
      data-testid="reach-note"
      className={cn(
        "rounded-md border px-3 py-2 text-sm",
        reach === "this-computer"
          ? "border-amber-300 bg-amber-50 text-amber-950"
          : "border-sky-200 bg-sky-50 text-sky-950",
      )}
    >
      <p className="font-medium">{title ?? NOTE_TITLE[reach]}</p>
      <p>{warning}</p>
    </div>
  );
}

export function FeedLinkBody({
  link,
  qrSize = 168,
  stacked = false,
}: {
  link: FeedLinkJson;
  qrSize?: number;
  /** One column at every width (narrow cards). */
  stacked?: boolean;
}) {
  const id = useId();
  const phone = link.reach !== "this-computer";
  return (
    <div className="space-y-3">
      <ReachNote reach={link.reach} warning={link.warning} />
      <div className={cn("flex flex-col gap-4", stacked ? null : "sm:flex-row sm:items-start")}>
        <div className="min-w-0 flex-1 space-y-2">
          <label htmlFor={id} className="block text-sm font-medium text-slate-800">
            Feed URL
          </label>
          <div className="flex gap-2">
            <Input
              id={id}
              readOnly
              value={link.url}
              onFocus={(e) => e.target.select()}
              className="font-mono"
            />
            <CopyButton text={link.url} fallbackInputId={id} what="Feed URL" />
          </div>
          <p className="text-sm">
            <a
              href={link.webcal}
              className="font-medium text-indigo-800 underline underline-offset-2 hover:text-indigo-950"
            >
              Subscribe in the calendar app (webcal://)
            </a>
          </p>
          <p className="text-xs text-slate-700" data-testid="feed-link-hint">
            {link.reach === "anywhere"
              ? "Google Calendar: Other calendars → From URL, paste the URL. Apple Calendar and Outlook open the webcal link. On a phone, scan the code."
              : link.reach === "network"
                ? "Apple Calendar and Thunderbird open the webcal link. On a phone on the same Wi-Fi, scan the code."
                : "A calendar app on this computer opens the webcal link."}
          </p>
        </div>
        {phone ? <QrCode value={link.url} label="QR code of the feed URL" size={qrSize} /> : null}
      </div>
    </div>
  );
}
