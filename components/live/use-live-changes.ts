"use client";
// Open screens follow the changes stream (GET /api/v1/changes/stream, the session cookie as its
// credential) from the cursor the page was rendered at, and refresh within a second of any
// change the signed-in person may see. EventSource reconnects by itself, resuming with
// Last-Event-ID; while it is not open, the screen's own polling is the fallback.
import { useEffect, useRef, useState } from "react";

/** What changed, as the stream names it (a screen showing one item refreshes only for it). */
export interface LiveChange {
  entity: "booking" | "client";
  id: string;
}

/** Whether the stream is open; `onChange` runs after every event that carries changes. */
export function useLiveChanges(cursor: string | null, onChange: (changes: LiveChange[]) => void): boolean {
  const [open, setOpen] = useState(false);
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  }, [onChange]);
  useEffect(() => {
    if (!cursor || typeof EventSource === "undefined") return;
    const source = new EventSource(`/api/v1/changes/stream?cursor=${encodeURIComponent(cursor)}`);
    source.onopen = () => setOpen(true);
    source.onerror = () => setOpen(false);
    source.addEventListener("changes", (event) => {
      const page = JSON.parse((event as MessageEvent<string>).data) as { data?: LiveChange[] };
      if (page.data && page.data.length > 0) latest.current(page.data);
    });
    return () => source.close();
  }, [cursor]);
  return open;
}
