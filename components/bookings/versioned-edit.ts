"use client";
// The booking screens' one write path: PATCH /api/v1/bookings/{id} with the session, sending the
// version (ETag) the form was made from as If-Match. A stale version is answered 412 with the
// booking as it is now, its ETag and the changes since; the caller shows them (ConflictDialog)
// and either keeps theirs or sends again with the new ETag. Nothing is ever overwritten unseen.
import { useState } from "react";
import { ApiError } from "@/lib/schedule/api-client";
import type { ChangeEvent, EditableBooking } from "@/lib/text/booking-changes";

/** A booking as the screens edit it: the API's fields plus the version they came with. */
export interface BookingVersion extends EditableBooking {
  id: number;
  etag: string;
}

export interface Conflict {
  current: BookingVersion;
  changes: ChangeEvent[];
  /** What the person tried to save, sent again by "Save mine anyway". */
  body: Record<string, unknown>;
}

/** The API's field paths mapped to the form fields that show them. */
const FIELDS: Record<string, string> = {
  startAt: "startTime",
  endAt: "durationMin",
  checkInAt: "checkIn",
  checkOutAt: "checkOut",
  notes: "note",
  reason: "reason",
  staffId: "form",
  status: "form",
};

function fieldErrors(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const errors = (body as { errors?: { path?: string; message?: string }[] } | null)?.errors ?? [];
  for (const e of errors) {
    const name =
      String(e.path ?? "")
        .replace(/^body\./, "")
        .split(/[.[]/)[0] ?? "";
    const key = FIELDS[name] ?? "form";
    if (e.message && !out[key]) out[key] = e.message;
  }
  return out;
}

type Outcome = { saved: BookingVersion } | { conflict: Conflict };

/** One PATCH; a 412 is an outcome (the conflict), every other refusal an ApiError. */
export async function patchBooking(
  id: number,
  etag: string,
  body: Record<string, unknown>,
): Promise<Outcome> {
  const response = await fetch(`/api/v1/bookings/${id}`, {
    method: "PATCH",
    headers: { "content-type": "application/json", "if-match": etag },
    body: JSON.stringify(body),
    cache: "no-store",
  });
  const text = await response.text();
  const json: unknown = text ? JSON.parse(text) : null;
  const tag = response.headers.get("etag") ?? "";
  if (response.status === 412) {
    const problem = json as { current: EditableBooking & { id: number }; changes: ChangeEvent[] | null };
    return { conflict: { current: { ...problem.current, etag: tag }, changes: problem.changes ?? [], body } };
  }
  if (!response.ok) {
    const detail = (json as { detail?: string } | null)?.detail ?? `Request failed (${response.status})`;
    throw new ApiError(response.status, detail, fieldErrors(json));
  }
  return { saved: { ...(json as EditableBooking & { id: number }), etag: tag } };
}

/**
 * The state of one edit form: the version it was made from (`base`, set when the form opens),
 * the conflict a save ran into, and the two ways out of it.
 */
export function useVersionedEdit(latest: BookingVersion) {
  const [base, setBase] = useState(latest);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  return {
    base,
    conflict,
    /** Changed on the server since the form was opened (the live stream told the page). */
    stale: base.etag !== latest.etag,
    /** (Re)start the form from the newest version the page has. */
    start: () => {
      setBase(latest);
      setConflict(null);
      return latest;
    },
    /** Saves; resolves to the saved version, or null when a conflict is now shown. */
    save: async (body: Record<string, unknown>, etag = base.etag): Promise<BookingVersion | null> => {
      const outcome = await patchBooking(latest.id, etag, body);
      if ("conflict" in outcome) {
        setConflict(outcome.conflict);
        return null;
      }
      setConflict(null);
      setBase(outcome.saved);
      return outcome.saved;
    },
    /** "Keep their change": the form restarts from the current version; nothing is written. */
    keepTheirs: () => {
      const current = conflict?.current ?? latest;
      setBase(current);
      setConflict(null);
      return current;
    },
  };
}
