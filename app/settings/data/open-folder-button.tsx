"use client";
// Asks the server (on this computer) to show the data folder in the file manager; from another
// computer on the LAN the server refuses, and the message says so.
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function OpenFolderButton() {
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  async function open() {
    setBusy(true);
    try {
      const response = await fetch("/api/desktop/open-data-folder", { method: "POST" });
      const body = (await response.json().catch(() => ({}))) as { opened?: string; detail?: string };
      setMessage(
        response.ok
          ? { text: `Opened ${body.opened ?? "the data folder"}`, error: false }
          : { text: body.detail ?? `Could not open the folder (${response.status})`, error: true },
      );
    } catch {
      setMessage({ text: "The server cannot be reached.", error: true });
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="flex flex-col items-start gap-1 sm:items-end">
      <Button type="button" onClick={open} disabled={busy}>
        Open data folder
      </Button>
      {message ? (
        <p role={message.error ? "alert" : "status"} className={message.error ? "text-sm text-red-700" : "text-sm text-slate-600"}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
