"use client";
// One visit on My day: time, client, service, what needs attention, the client's file, and the
// one-tap Start / Finish (with an optional note). Every control is at least 44 px high.
import Link from "next/link";
import { useId, useState } from "react";
import { ClientFileCard } from "@/components/client-file/client-file-card";
import { Button, buttonClass } from "@/components/ui/button";
import { Textarea } from "@/components/ui/field";
import { Pill, StatusPill } from "@/components/ui/pill";
import type { ClientFileView } from "@/lib/clients/file";
import type { MyDayVisit } from "@/lib/schedule/my-day";
import { formatTimeRange, localTime } from "@/lib/schedule/time";

const LIVE = new Set(["scheduled", "held"]);

export function VisitCard({
  visit,
  file,
  zone,
  busy,
  error,
  onStart,
  onFinish,
}: {
  visit: MyDayVisit;
  file: ClientFileView | null;
  zone: string;
  busy: boolean;
  error: string | null;
  onStart: () => void;
  onFinish: (note: string) => void;
}) {
  const [note, setNote] = useState("");
  const noteId = useId();
  const time = formatTimeRange(new Date(visit.startAt), new Date(visit.endAt), zone);
  // A visit without a client (made by hand) is named by its title.
  const who = visit.clientName ?? visit.title;
  const live = LIVE.has(visit.status);
  const started = !!visit.checkInAt;
  // Once started, lateness is history; the server's list says so on its next render too.
  const attention = visit.attention.filter((a) => a.kind !== "late" || !started);
  return (
    <li
      data-testid="visit"
      data-visit-id={visit.id}
      aria-labelledby={`visit-${visit.id}`}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="text-lg font-semibold tabular-nums">{time}</p>
          <h3 id={`visit-${visit.id}`} className="text-base font-medium break-words">
            {who}
          </h3>
          {visit.service !== who ? (
            <p className="text-sm break-words text-slate-700">{visit.service}</p>
          ) : null}
        </div>
        <StatusPill status={visit.status} />
      </div>
      {attention.length > 0 ? (
        <ul className="flex flex-wrap gap-1.5" aria-label="Needs attention">
          {attention.map((a) => (
            <li key={a.kind + a.message}>
              <Pill tone={a.kind === "late" ? "amber" : "rose"}>{a.message}</Pill>
            </li>
          ))}
        </ul>
      ) : null}
      {file ? <ClientFileCard file={file} compact /> : null}
      {visit.checkInAt || visit.checkOutAt ? (
        <p className="text-sm text-slate-700">
          {visit.checkInAt ? `Started ${localTime(new Date(visit.checkInAt), zone)}` : null}
          {visit.checkOutAt ? ` · Finished ${localTime(new Date(visit.checkOutAt), zone)}` : null}
        </p>
      ) : null}
      {visit.notes && !(live && started) ? (
        <p className="text-sm break-words whitespace-pre-line text-slate-700">Note: {visit.notes}</p>
      ) : null}
      {live && started ? (
        <div className="space-y-1">
          <label htmlFor={noteId} className="block text-sm font-medium text-slate-800">
            Note for the owner (optional)
          </label>
          <Textarea
            id={noteId}
            rows={2}
            maxLength={2000}
            value={note}
            placeholder={visit.notes ?? "e.g. ate well, muddy paws"}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-900">
          {error}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {live && !started ? (
          <Button variant="primary" size="lg" className="flex-1" disabled={busy} onClick={onStart}>
            Start <span className="sr-only">the visit to {who}</span>
          </Button>
        ) : null}
        {live && started ? (
          <Button
            variant="primary"
            size="lg"
            className="flex-1"
            disabled={busy}
            onClick={() => onFinish(note)}
          >
            Finish <span className="sr-only">the visit to {who}</span>
          </Button>
        ) : null}
        <Link href={`/bookings/${visit.id}`} className={buttonClass("secondary", "lg")}>
          Details <span className="sr-only">of the visit to {who}</span>
        </Link>
      </div>
    </li>
  );
}
