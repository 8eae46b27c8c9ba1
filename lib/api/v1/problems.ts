// Problem details of /api/v1 with stable `type` URIs: clients branch on `type`, people read
// `detail`. The list is documented in docs/API.md; a type, once published, keeps its meaning.
import type { z } from "zod";
import { zodIssues } from "@/lib/http/problem";

export const PROBLEM_BASE = "/api/v1/problems/";

export const problemTypes = {
  400: "malformed-request",
  401: "unauthenticated",
  403: "forbidden",
  404: "not-found",
  405: "method-not-allowed",
  409: "conflict",
  412: "precondition-failed",
  413: "payload-too-large",
  415: "unsupported-media-type",
  422: "validation-failed",
  429: "rate-limited",
  500: "internal-error",
  503: "busy",
  507: "storage-full",
} as const;

const titles: Record<string, string> = {
  "malformed-request": "Malformed request",
  unauthenticated: "Authentication required",
  forbidden: "Not allowed",
  "not-found": "Not found",
  "method-not-allowed": "Method not allowed",
  conflict: "Conflict",
  "precondition-failed": "Precondition failed",
  "payload-too-large": "Payload too large",
  "unsupported-media-type": "Unsupported media type",
  "validation-failed": "Validation failed",
  "idempotency-key-reused": "Idempotency key reused",
  "invalid-cursor": "Invalid cursor",
  "rate-limited": "Too many requests",
  "internal-error": "Internal error",
  busy: "Busy",
  "storage-full": "Storage full",
};

export type ProblemSlug = keyof typeof titles;
export type FieldError = { path: string; message: string };

export const typeUri = (slug: string) => `${PROBLEM_BASE}${slug}`;
export const slugForStatus = (status: number): string =>
  problemTypes[status as keyof typeof problemTypes] ?? "internal-error";

/** An error a v1 handler throws on purpose. */
export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly slug: ProblemSlug,
    public readonly detail: string,
    public readonly extra: {
      errors?: FieldError[];
      current?: unknown;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(detail);
    this.name = "ApiError";
  }
}

export const validationError = (error: z.ZodError, prefix = "") =>
  new ApiError(422, "validation-failed", "The request does not match the expected shape.", {
    errors: zodIssues(error).map((issue) => ({
      ...issue,
      path: prefix ? (issue.path ? `${prefix}.${issue.path}` : prefix) : issue.path,
    })),
  });

export function problemBody(status: number, slug: string, detail?: string, extra: ApiError["extra"] = {}) {
  return {
    type: typeUri(slug),
    title: titles[slug] ?? "Error",
    status,
    ...(detail ? { detail } : {}),
    ...(extra.errors ? { errors: extra.errors } : {}),
    ...(extra.current !== undefined ? { current: extra.current } : {}),
  };
}

export function apiErrorResponse(error: ApiError): Response {
  return Response.json(problemBody(error.status, error.slug, error.detail, error.extra), {
    status: error.status,
    headers: { "content-type": "application/problem+json", ...error.extra.headers },
  });
}

/** Rewrites a generic problem (from route()/authorize: `about:blank`) to carry our type URI. */
export async function typedProblem(response: Response): Promise<Response> {
  if (!(response.headers.get("content-type") ?? "").includes("application/problem+json")) return response;
  const body = (await response.clone().json()) as { type?: string };
  if (body.type && body.type !== "about:blank") return response;
  const slug = slugForStatus(response.status);
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  return new Response(JSON.stringify({ ...body, type: typeUri(slug), title: titles[slug] }), {
    status: response.status,
    headers,
  });
}
