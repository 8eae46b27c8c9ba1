"use client";
// The client's file on a card: address with a map link, pets, emergency contact, and access notes
// hidden until tapped (each reveal is audited on the server). `compact` is the one-glance form
// for a phone list; `editable` adds the owner's edit dialogs.
import { useState } from "react";
import type { ClientFileView } from "@/lib/clients/file";
import { addressText } from "@/lib/clients/address";
import { ACCESS_LABELS, type AccessNotes } from "@/lib/clients/access-schema";
import { Button } from "@/components/ui/button";
import { Pill } from "@/components/ui/pill";
import { cn } from "@/components/ui/cn";
import { fileRequest } from "@/components/client-file/api";
import { FileEditor, PetControls } from "@/components/client-file/client-file-edit";

const linkClass = "text-indigo-800 underline underline-offset-2 hover:text-indigo-950";

function AccessNotesReveal({ file }: { file: ClientFileView }) {
  const [notes, setNotes] = useState<AccessNotes | null>(null);
  const [state, setState] = useState<"idle" | "loading" | "error">("idle");
  const [error, setError] = useState<string>("");
  if (!file.access.stored) return <p className="text-slate-600">No access notes.</p>;
  if (!file.access.revealable) {
    return <p className="text-slate-600">Access notes are shown from the day before a visit of yours.</p>;
  }
  const reveal = async () => {
    setState("loading");
    try {
      const answer = await fileRequest<{ notes: AccessNotes }>(file.clientStripeId, "/access/reveal", {
        method: "POST",
      });
      setNotes(answer.notes);
      setState("idle");
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      setState("error");
    }
  };
  if (!notes) {
    return (
      <div className="space-y-1">
        <Button
          size="sm"
          className="min-h-11 sm:min-h-0"
          onClick={() => void reveal()}
          disabled={state === "loading"}
        >
          {state === "loading" ? "Showing…" : "Show access notes"}
        </Button>
        <p className="text-xs text-slate-600">Each time they are shown is recorded.</p>
        {state === "error" ? (
          <p role="alert" className="text-xs text-rose-700">
            {error}
          </p>
        ) : null}
      </div>
    );
  }
  const rows = (Object.keys(ACCESS_LABELS) as (keyof AccessNotes)[]).filter((key) => notes[key]);
  return (
    <div className="space-y-2">
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1" aria-live="polite">
        {rows.map((key) => (
          <div key={key} className="contents">
            <dt className="text-slate-600">{ACCESS_LABELS[key]}</dt>
            <dd className="font-medium break-words whitespace-pre-line">{notes[key]}</dd>
          </div>
        ))}
      </dl>
      <Button size="sm" variant="ghost" className="min-h-11 sm:min-h-0" onClick={() => setNotes(null)}>
        Hide access notes
      </Button>
    </div>
  );
}

function Section({
  title,
  children,
  actions,
}: {
  title: string;
  children: React.ReactNode;
  actions?: React.ReactNode;
}) {
  return (
    <div className="space-y-1.5 px-4 py-3">
      <div className="flex items-center justify-between gap-2">
        <h3 className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{title}</h3>
        {actions}
      </div>
      <div className="text-sm">{children}</div>
    </div>
  );
}

export function ClientFileCard({
  file,
  compact = false,
  editable = false,
}: {
  file: ClientFileView;
  compact?: boolean;
  /** Show the owner's edit controls (only meaningful when `file.canEdit`). */
  editable?: boolean;
}) {
  const edit = editable && file.canEdit && !compact;
  const address = file.address ? addressText(file.address) : null;
  const headingId = `file-${file.clientStripeId}`;
  return (
    <section
      aria-labelledby={headingId}
      className={cn("rounded-lg border border-slate-200 bg-white", compact ? "text-sm" : "")}
    >
      {/* In a visit's card the client is already named above it: the heading is for screen readers. */}
      <div
        className={cn(
          "flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 px-4 py-3",
          compact && "sr-only",
        )}
      >
        <h2 id={headingId} className="font-medium">
          {compact ? (file.name ?? "Client") : "Client's file"}
        </h2>
        {edit ? <FileEditor file={file} /> : null}
      </div>
      <div className="divide-y divide-slate-100">
        <Section title="Address">
          {address ? (
            <div className="space-y-1">
              <p className="break-words">
                {address}{" "}
                {file.addressSource === "local" && !compact ? <Pill tone="blue">kept here</Pill> : null}
              </p>
              {file.mapUrl ? (
                <a className={linkClass} href={file.mapUrl} target="_blank" rel="noreferrer">
                  Open in maps <span className="sr-only">(opens the maps app)</span>
                </a>
              ) : null}
            </div>
          ) : (
            <p className="text-slate-600">No address in Stripe{file.canEdit ? "; add one here" : ""}.</p>
          )}
        </Section>
        <Section
          title={file.pets.length === 1 ? "Pet" : "Pets"}
          actions={edit ? <PetControls file={file} /> : null}
        >
          {file.pets.length === 0 ? (
            <p className="text-slate-600">No pets recorded.</p>
          ) : (
            <ul className="space-y-3">
              {file.pets.map((pet) => (
                <li key={pet.id} className="flex gap-3">
                  {pet.photoUrl ? (
                    // eslint-disable-next-line @next/next/no-img-element -- a private, same-origin photo: no optimiser
                    <img
                      src={pet.photoUrl}
                      alt={`Photo of ${pet.name}`}
                      className={cn("shrink-0 rounded-md object-cover", compact ? "h-12 w-12" : "h-20 w-20")}
                    />
                  ) : (
                    <div
                      aria-hidden="true"
                      className={cn(
                        "flex shrink-0 items-center justify-center rounded-md bg-slate-100 font-semibold text-slate-600",
                        compact ? "h-12 w-12" : "h-20 w-20 text-xl",
                      )}
                    >
                      {pet.name.slice(0, 1).toUpperCase()}
                    </div>
                  )}
                  <div className="min-w-0 space-y-0.5">
                    <p className="font-medium">
                      {pet.name}
                      {pet.breed ? <span className="font-normal text-slate-600"> · {pet.breed}</span> : null}
                    </p>
                    {pet.careNotes ? (
                      <p className="break-words whitespace-pre-line text-slate-800">{pet.careNotes}</p>
                    ) : null}
                    {pet.vet && !compact ? <p className="text-slate-600">Vet: {pet.vet}</p> : null}
                    {edit ? <PetControls file={file} pet={pet} /> : null}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section title="Access">
          <AccessNotesReveal file={file} />
        </Section>
        <Section title="Emergency contact">
          {file.emergency ? (
            <p className="break-words">
              {file.emergency.name ?? "—"}
              {file.emergency.phone ? (
                <>
                  {" · "}
                  <a className={linkClass} href={`tel:${file.emergency.phone.replace(/[^\d+]/g, "")}`}>
                    {file.emergency.phone}
                  </a>
                </>
              ) : null}
              {file.emergency.note ? (
                <span className="block text-slate-600">{file.emergency.note}</span>
              ) : null}
            </p>
          ) : (
            <p className="text-slate-600">No emergency contact.</p>
          )}
        </Section>
      </div>
    </section>
  );
}
