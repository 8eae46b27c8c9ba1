// Request body limits, enforced before a body is held in memory: a declared Content-Length
// over the limit is refused without reading; otherwise the body is read chunk by chunk and the
// read stops (the stream cancelled) as soon as it passes the limit. Either way: 413.
import { HttpError } from "@/lib/http/problem";

/** Limit of a route that declares none: the screens' JSON bodies are a few KiB, a rule a few dozen. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;
/** A pet's photo (PUT /api/v1/clients/{id}/pets/{petId}/photo; lib/clients/forms.ts MAX_PHOTO_BYTES). */
export const PHOTO_BODY_LIMIT = 5 * 1024 * 1024;
const PHOTO_PATH = /^\/api\/v1\/clients\/[^/]+\/pets\/[^/]+\/photo$/;
/** Sign-in, first run and Better Auth's endpoints: an email and a password. */
export const AUTH_BODY_LIMIT = 16 * 1024;

/** The one 413 of every route (the server's own readers answer it too). */
export const tooLarge = (limit: number) =>
  new HttpError(413, `The request body is larger than this route accepts (${limit} bytes).`);

/** The whole body (at most `limit` bytes), or HttpError 413 without reading further. */
export async function readBodyLimited(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > limit) throw tooLarge(limit);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

const hasBody = (request: Request) => request.method !== "GET" && request.method !== "HEAD";

/**
 * The same request with its body read under the limit and held as bytes, so whoever reads it
 * next (a handler, Better Auth) can never read more. Requests without a body pass unchanged.
 */
export async function withBodyLimit(request: Request, limit: number): Promise<Request> {
  if (!hasBody(request) || !request.body) {
    const declared = request.headers.get("content-length");
    if (declared !== null && Number(declared) > limit) throw tooLarge(limit);
    return request;
  }
  const body = await readBodyLimited(request, limit);
  const headers = new Headers(request.headers);
  headers.delete("transfer-encoding");
  headers.set("content-length", String(body.byteLength));
  return new Request(request.url, { method: request.method, headers, body, signal: request.signal });
}

/**
 * The most any route under `pathname` reads: the server refuses more before Next sees the
 * request (server/body-limit.ts), because Next's proxy step reads a whole body (keeping up to
 * 10 MB) before a route handler can look at it. Keep it ≥ every route's `bodyLimit`.
 */
export function transportBodyLimit(pathname: string): number {
  if (PHOTO_PATH.test(pathname)) return PHOTO_BODY_LIMIT;
  return pathname.startsWith("/api/auth/") ||
    pathname === "/api/setup/owner" ||
    pathname === "/api/set-password"
    ? AUTH_BODY_LIMIT
    : DEFAULT_BODY_LIMIT;
}
