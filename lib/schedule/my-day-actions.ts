// What My day's buttons send: one PATCH /api/v1/bookings/{id} per action, with the session
// cookie and the visit's ETag as If-Match, so a visit changed meanwhile (the owner moved it) is
// answered 412 instead of overwritten. Browser-safe: no server imports.
import type { MyDayVisit } from "@/lib/schedule/my-day";

export type VisitPatch = {
  checkInAt?: string | null;
  checkOutAt?: string | null;
  status?: "scheduled" | "completed";
  notes?: string | null;
};

export class VisitActionError extends Error {
  constructor(
    public readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "VisitActionError";
  }
}

/** The patch applied to a visit as shown (the optimistic view before the server answers). */
export function applyPatch(visit: MyDayVisit, patch: VisitPatch): MyDayVisit {
  return { ...visit, ...patch } as MyDayVisit;
}

/** What to say when the server refuses: the field's message in words, else the problem's detail. */
function messageOf(status: number, body: unknown): string {
  if (status === 412) return "Someone changed this visit meanwhile; it now shows the latest. Try again.";
  const problem = body as { detail?: string; errors?: { message?: string }[] } | null;
  const first = problem?.errors?.find((e) => e.message)?.message;
  if (status === 401) return "You are signed out; sign in again.";
  return first ?? problem?.detail ?? `The visit could not be saved (${status}).`;
}

/** Sends one change; resolves with the visit as stored and its new ETag. */
export async function patchVisit(
  visit: MyDayVisit,
  patch: VisitPatch,
): Promise<{ visit: MyDayVisit; etag: string }> {
  let response: Response;
  try {
    response = await fetch(`/api/v1/bookings/${visit.id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json", "if-match": visit.etag },
      body: JSON.stringify(patch),
      cache: "no-store",
    });
  } catch {
    throw new VisitActionError(0, "No connection: nothing was saved. Try again when you have signal.");
  }
  const text = await response.text();
  const body: unknown = text ? JSON.parse(text) : null;
  if (!response.ok) throw new VisitActionError(response.status, messageOf(response.status, body));
  const saved = body as Pick<MyDayVisit, "status" | "checkInAt" | "checkOutAt" | "notes">;
  const etag = response.headers.get("etag") ?? visit.etag;
  return {
    visit: {
      ...visit,
      status: saved.status,
      checkInAt: saved.checkInAt,
      checkOutAt: saved.checkOutAt,
      notes: saved.notes,
      etag,
    },
    etag,
  };
}
