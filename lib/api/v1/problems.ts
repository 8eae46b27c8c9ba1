// Problem details of /api/v1 with stable `type` URIs: clients branch on `type`, people read
// `detail`. Each type is an absolute URI (PUBLIC_URL, else the request's origin) that resolves to
// a short page explaining it (app/api/v1/problems/[type]). A type, once published, keeps its meaning.
import type { z } from "zod";
import { config } from "@/lib/config";
import { describeErrors, plainIssues } from "@/lib/api/v1/messages";

export const PROBLEM_PATH = "/api/v1/problems/";

/** Every problem type: its status, title and what a client should do about it. */
export const problemCatalogue = {
  "malformed-request": [
    400,
    "Malformed request",
    "The body is not valid JSON, or a header (such as Idempotency-Key) is malformed. Fix the request; retrying it unchanged fails again.",
  ],
  unauthenticated: [
    401,
    "Authentication required",
    "No credentials, or the API token is invalid, expired or revoked. Send `Authorization: Bearer <token>`; pair the phone again if its token was revoked.",
  ],
  forbidden: [
    403,
    "Not allowed",
    "The credentials are valid but not enough: a read-only token writing, a walker's token on an owner route, assigning a booking to someone else, or a walker correcting a visit's recorded check-in, check-out or outcome more than 15 minutes later (the owner may, with a `reason`).",
  ],
  "not-found": [
    404,
    "Not found",
    "No such resource or route, or the resource is not visible to this caller (a walker sees only their own bookings and clients).",
  ],
  "method-not-allowed": [
    405,
    "Method not allowed",
    "The route exists but does not answer this method; the `Allow` header lists the methods it does answer.",
  ],
  conflict: [
    409,
    "Conflict",
    "The change contradicts the current state, e.g. un-cancelling a booking Stripe cancelled, or starting a sync while one runs.",
  ],
  "secret-shown-once": [
    409,
    "Secret shown once",
    "A retry of a request whose answer held a secret (a calendar feed's URL). The secret is not stored for replays: revoke the feed (`current.id`) and create a new one if the first answer was lost.",
  ],
  "precondition-failed": [
    412,
    "Precondition failed",
    "`If-Match` names a version that is no longer current. `current` holds the resource now (its ETag in the `ETag` header) and `changes` what changed since your version, field by field: merge, then retry with the new ETag.",
  ],
  "payload-too-large": [413, "Payload too large", "The body is over 64 KB."],
  "unsupported-media-type": [415, "Unsupported media type", "Send the body as `application/json`."],
  "validation-failed": [
    422,
    "Validation failed",
    "The input does not match what the route expects. `detail` says what is wrong in words and `errors` lists each field at fault (`query.from`, `body.startAt`, `path.id`).",
  ],
  "idempotency-key-reused": [
    422,
    "Idempotency key reused",
    "This Idempotency-Key was already used with a different request (method, path or body). Use a new key for a new request.",
  ],
  "invalid-cursor": [
    422,
    "Invalid cursor",
    "The cursor is malformed or belongs to a query with other filters. Start again without a cursor.",
  ],
  "rate-limited": [
    429,
    "Too many requests",
    "This token made too many requests. Wait `Retry-After` seconds; `RateLimit-*` headers say how much is left.",
  ],
  "internal-error": [
    500,
    "Internal error",
    "Something failed on the server. It has been logged with the `requestId`; retry later.",
  ],
  busy: [503, "Busy", "The database was busy. Retry after `Retry-After` seconds."],
  "storage-full": [507, "Storage full", "The disk holding the database is full; nothing was saved."],
} as const satisfies Record<string, readonly [number, string, string]>;

export type ProblemSlug = keyof typeof problemCatalogue;
export type FieldError = { path: string; message: string };

const bySlug = problemCatalogue as Record<string, readonly [number, string, string] | undefined>;
export const isProblemSlug = (slug: string): slug is ProblemSlug => bySlug[slug] !== undefined;

const slugByStatus = new Map<number, ProblemSlug>();
for (const [slug, [status]] of Object.entries(problemCatalogue) as [
  ProblemSlug,
  readonly [number, string, string],
][]) {
  if (!slugByStatus.has(status)) slugByStatus.set(status, slug);
}
export const slugForStatus = (status: number): ProblemSlug => slugByStatus.get(status) ?? "internal-error";

/**
 * The origin problem type URIs are built from: PUBLIC_URL, else the one the caller used (its
 * Host, already checked against the allowed hosts by the proxy; Next's request.url says localhost).
 */
export function problemOrigin(request: Request): string {
  const configured = config().PUBLIC_URL;
  if (configured) return configured.replace(/\/$/, "");
  const url = new URL(request.url);
  const host = request.headers.get("host");
  return host ? `${url.protocol}//${host}` : url.origin;
}

/** The type as stored (relative); `absoluteType` makes it absolute when the response leaves. */
export const typeUri = (slug: string) => `${PROBLEM_PATH}${slug}`;
export const absoluteType = (type: string, origin: string) =>
  type.startsWith("/") ? `${origin}${type}` : type;

/** An error a v1 handler throws on purpose. */
export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly slug: ProblemSlug,
    public readonly detail: string,
    public readonly extra: {
      errors?: FieldError[];
      current?: unknown;
      /** More members of the problem (e.g. 412 `changes`). */
      members?: Record<string, unknown>;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(detail);
    this.name = "ApiError";
  }
}

/** A 422 naming the fields at fault in words (`input` is what was parsed, to tell missing from wrong). */
export function validationError(error: z.ZodError, prefix = "", input?: unknown): ApiError {
  const errors = plainIssues(error, input, prefix);
  return new ApiError(422, "validation-failed", describeErrors(errors), { errors });
}

/** A 422 for domain rules the schema cannot state (from ≤ to, known service, …). */
export const invalid = (errors: FieldError[]) =>
  new ApiError(422, "validation-failed", describeErrors(errors), { errors });

export function problemBody(status: number, slug: string, detail?: string, extra: ApiError["extra"] = {}) {
  return {
    type: typeUri(slug),
    title: bySlug[slug]?.[1] ?? "Error",
    status,
    ...(detail ? { detail } : {}),
    ...(extra.errors ? { errors: extra.errors } : {}),
    ...(extra.current !== undefined ? { current: extra.current } : {}),
    ...extra.members,
  };
}

export function apiErrorResponse(error: ApiError): Response {
  return Response.json(problemBody(error.status, error.slug, error.detail, error.extra), {
    status: error.status,
    headers: { "content-type": "application/problem+json", ...error.extra.headers },
  });
}

/**
 * Every problem leaving /api/v1 in its final shape: a typed, absolute `type` (a generic problem
 * from route()/authorize is `about:blank`), the request's id, and `WWW-Authenticate` on a 401.
 */
export async function finishProblem(
  request: Request,
  response: Response,
  requestId: string | undefined,
): Promise<Response> {
  if (!(response.headers.get("content-type") ?? "").includes("application/problem+json")) return response;
  const body = (await response.clone().json()) as { type?: string; title?: string };
  const generic = !body.type || body.type === "about:blank";
  const slug = generic ? slugForStatus(response.status) : undefined;
  const type = absoluteType(slug ? typeUri(slug) : body.type!, problemOrigin(request));
  const title = slug ? problemCatalogue[slug][1] : body.title;
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  if (response.status === 401) {
    const tokenSent = /^bearer\s+\S/i.test(request.headers.get("authorization") ?? "");
    headers.set("www-authenticate", `Bearer realm="api"${tokenSent ? ', error="invalid_token"' : ""}`);
  }
  return new Response(JSON.stringify({ ...body, type, title, ...(requestId ? { requestId } : {}) }), {
    status: response.status,
    headers,
  });
}
