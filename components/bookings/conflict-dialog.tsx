"use client";
// A stale save, shown: who changed what since the form was opened (in words, with when), the
// visit as it is now beside what this person tried to save, and the two choices. "Keep their
// change" writes nothing; "Save mine anyway" sends the same change again with the current ETag.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { Conflict } from "@/components/bookings/versioned-edit";
import {
  agoInWords,
  eventInWords,
  valuesInWords,
  type ChangeWordsContext,
  type EditableBooking,
} from "@/lib/text/booking-changes";

/** The fields of `yours` a form's body touches: "when" for either time. */
function touched(body: Record<string, unknown>): Set<string> {
  const fields = new Set(Object.keys(body));
  if (fields.has("startAt") || fields.has("endAt")) fields.add("when");
  return fields;
}

export function ConflictDialog({
  conflict,
  yours,
  words,
  onKeepTheirs,
  onSaveMine,
}: {
  conflict: Conflict | null;
  /** The visit as it would be with this person's change. */
  yours: EditableBooking | null;
  words: ChangeWordsContext;
  onKeepTheirs: () => void;
  onSaveMine: () => Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  if (!conflict || !yours) return null;
  const now = new Date();
  const theirs = valuesInWords(conflict.current, words);
  const mine = valuesInWords(yours, words);
  const fields = touched(conflict.body);
  const changed = new Set(
    conflict.changes
      .flatMap((c) => Object.keys(c.changes))
      .map((f) => (f === "startAt" || f === "endAt" ? "when" : f)),
  );
  const rows = theirs.filter((row) => fields.has(row.field) || changed.has(row.field));
  return (
    <Dialog
      open
      onOpenChange={(open) => {
        if (!open) onKeepTheirs();
      }}
      title="Someone else changed this visit"
      description="Since you opened the form, this visit was changed. Nothing of yours is saved yet."
    >
      <div className="space-y-4 text-sm">
        <section aria-labelledby="conflict-since">
          <h3 id="conflict-since" className="mb-1 font-medium">
            What changed since
          </h3>
          {conflict.changes.length === 0 ? (
            <p className="text-slate-700">The visit was updated; its current values are below.</p>
          ) : (
            <ul className="list-disc space-y-1 pl-5">
              {conflict.changes.map((event, i) => {
                const w = eventInWords(event, words);
                return (
                  <li key={i}>
                    {w.active}, {agoInWords(event.at, now)}
                    {w.reason ? ` (“${w.reason}”)` : ""}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
        <table className="w-full table-fixed border-collapse text-left">
          <caption className="sr-only">The visit now and with your change</caption>
          <thead>
            <tr className="border-b border-slate-200 text-slate-700">
              <th scope="col" className="w-1/4 py-1 pr-2 font-medium">
                <span className="sr-only">Detail</span>
              </th>
              <th scope="col" className="py-1 pr-2 font-medium">
                Now
              </th>
              <th scope="col" className="py-1 font-medium">
                Yours
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const own = mine.find((m) => m.field === row.field)?.text ?? "—";
              return (
                <tr key={row.field} className="border-b border-slate-100 align-top">
                  <th scope="row" className="py-1.5 pr-2 font-medium text-slate-700">
                    {row.label}
                  </th>
                  <td className="py-1.5 pr-2 break-words">{row.text}</td>
                  <td className={`py-1.5 break-words ${own !== row.text ? "font-semibold" : ""}`}>{own}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div className="flex flex-wrap justify-end gap-2">
          <Button onClick={onKeepTheirs} disabled={busy}>
            Keep their change
          </Button>
          <Button
            variant="primary"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              try {
                await onSaveMine();
              } finally {
                setBusy(false);
              }
            }}
          >
            Save mine anyway
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
