// RFC 9457 problem details: every API error leaves the server in this one shape.
import { z } from "zod";

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof problemSchema>;

const titles: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  413: "Payload Too Large",
  415: "Unsupported Media Type",
  421: "Misdirected Request",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
  507: "Insufficient Storage",
};

/** An error a handler throws on purpose; its status and detail reach the client. */
export class HttpError extends Error {
  constructor(
    public readonly status: number,
    public readonly detail: string,
    public readonly errors?: Problem["errors"],
    public readonly headers?: Record<string, string>,
  ) {
    super(detail);
    this.name = "HttpError";
  }
}

export function problemResponse(
  status: number,
  detail?: string,
  errors?: Problem["errors"],
  headers?: Record<string, string>,
): Response {
  const body: Problem = {
    type: "about:blank",
    title: titles[status] ?? "Error",
    status,
    ...(detail ? { detail } : {}),
    ...(errors ? { errors } : {}),
  };
  return Response.json(body, {
    status,
    headers: { "content-type": "application/problem+json", ...headers },
  });
}

/** zod issues as `{ path, message }` pairs, the path written `a.b[0].c`. */
export function zodIssues(error: z.ZodError): NonNullable<Problem["errors"]> {
  return error.issues.map((issue) => ({
    path: issue.path
      .map((part, i) => (typeof part === "number" ? `[${part}]` : `${i ? "." : ""}${String(part)}`))
      .join(""),
    message: issue.message,
  }));
}
