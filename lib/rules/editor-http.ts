// Editor results as HTTP: invalid input → 422 naming each field, unknown id → 404, a schedule
// that moved on since the preview → 409 carrying the new preview. Shared by /api/owner/*.
import { HttpError } from "@/lib/http/problem";

export type HttpFailure =
  | { kind: "invalid" | "not-found"; errors: { path: string; message: string }[] }
  | { kind: "stale"; preview: unknown };

/** A 409 problem with the fresh preview, so the screen shows it and the owner saves again. */
export function staleResponse(preview: unknown): Response {
  return Response.json(
    {
      type: "about:blank",
      title: "Conflict",
      status: 409,
      detail: "The schedule changed since the preview; check the new preview and save again.",
      preview,
    },
    { status: 409, headers: { "content-type": "application/problem+json" } },
  );
}

/** Turns a failed editor result into a response (stale) or a thrown HttpError (422/404). */
export function failureResponse(failure: HttpFailure, what = "rule"): Response {
  if (failure.kind === "stale") return staleResponse(failure.preview);
  if (failure.kind === "not-found") throw new HttpError(404, `No such ${what}.`, failure.errors);
  throw new HttpError(422, `The ${what} is not valid.`, failure.errors);
}

/** Route param `[id]` as a positive integer, else 404. */
export async function idParam(context: { params: Promise<{ id: string }> }, what = "rule"): Promise<number> {
  const { id } = await context.params;
  if (!/^[1-9]\d{0,9}$/.test(id)) throw new HttpError(404, `No such ${what}.`);
  return Number(id);
}
