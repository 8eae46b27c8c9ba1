// Browser-side JSON calls to our routes: a problem JSON answer becomes an ApiError carrying the
// field errors, so forms show the server's message next to the field at fault.
export class ApiError extends Error {
  constructor(
    public readonly status: number,
    message: string,
    public readonly fields: Record<string, string>,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

function fieldsOf(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const errors = (body as { errors?: { path?: string; message?: string }[] } | null)?.errors ?? [];
  for (const e of errors) {
    const key =
      String(e.path ?? "")
        .replace(/^form\./, "")
        .split(/[.[]/)[0] || "form";
    if (e.message && !out[key]) out[key] = e.message;
  }
  return out;
}

export async function apiJson<T>(url: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(url, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: init.body === undefined ? undefined : { "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    cache: "no-store",
  });
  const text = await response.text();
  const body: unknown = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const detail =
      (body as { detail?: string; title?: string } | null)?.detail ?? `Request failed (${response.status})`;
    throw new ApiError(response.status, detail, fieldsOf(body));
  }
  return body as T;
}
