// Browser calls of the client's file (/api/v1/clients/{id}/…): a problem answer becomes an
// ApiError whose field errors are keyed by the form's own field names (`body.address.line1` →
// `line1`), so the dialogs show the server's message next to the field.
import { ApiError } from "@/lib/schedule/api-client";

const base = (clientStripeId: string) => `/api/v1/clients/${encodeURIComponent(clientStripeId)}`;

export async function fileRequest<T>(
  clientStripeId: string,
  path: string,
  init: { method: string; json?: unknown; bytes?: Blob },
): Promise<T> {
  const response = await fetch(`${base(clientStripeId)}${path}`, {
    method: init.method,
    headers: init.json !== undefined ? { "content-type": "application/json" } : undefined,
    body: init.json !== undefined ? JSON.stringify(init.json) : init.bytes,
    cache: "no-store",
  });
  const text = await response.text();
  const body: unknown = text ? (JSON.parse(text) as unknown) : null;
  if (!response.ok) {
    const problem = body as { detail?: string; errors?: { path?: string; message?: string }[] } | null;
    const fields: Record<string, string> = {};
    for (const error of problem?.errors ?? []) {
      const key =
        String(error.path ?? "")
          .split(".")
          .at(-1) || "form";
      if (error.message && !fields[key]) fields[key] = error.message;
    }
    throw new ApiError(response.status, problem?.detail ?? `Request failed (${response.status})`, fields);
  }
  return body as T;
}
