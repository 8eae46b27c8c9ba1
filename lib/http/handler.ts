// Wraps a route handler: its access policy checked first (lib/auth/policy.ts), the body read
// under the route's limit (lib/http/body-limit.ts: 413 past it, never buffered whole), one log line
// per request (method, path, status, duration), and every thrown error turned into problem
// JSON. A 500 says nothing internal.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { elapsedMs, log } from "@/lib/log";
import { DEFAULT_BODY_LIMIT, withBodyLimit } from "@/lib/http/body-limit";
import { HttpError, problemResponse, zodIssues } from "@/lib/http/problem";
import { asPolicy, authorize, type Policy, type PolicyName } from "@/lib/auth/policy";
import type { Principal } from "@/lib/auth/principal";

type Handler<C> = (request: Request, context: C, principal: Principal | null) => Promise<Response>;

/** A route handler as Next calls it, carrying its declared policy (the policy test reads it). */
export type RouteHandler<C> = ((request: Request, context: C) => Promise<Response>) & { policy: Policy };

export interface RouteOptions {
  /** The path as written to the log (e.g. with a secret in it redacted). */
  logPath?: (url: URL) => string;
  /**
   * A public route that authenticates by other means (the Stripe webhook's signature) and never
   * reads the caller: no session lookup, even when a cookie is sent. Public routes only.
   */
  anonymous?: boolean;
  /** Headers set on every response of the route, errors included. */
  headers?: Record<string, string>;
  /** Largest request body read, in bytes (default `DEFAULT_BODY_LIMIT`); larger ones get 413. */
  bodyLimit?: number;
  /** Give each request an id: the `Request-Id` response header and the log line carry it. */
  requestId?: boolean;
}

const requestIds = new WeakMap<Request, string>();
/** The id route() gave this request (with the `requestId` option), for problem bodies. */
export const requestIdOf = (request: Request): string | undefined => requestIds.get(request);

export function route<C>(
  name: string,
  policy: Policy | PolicyName,
  handler: Handler<C>,
  options: RouteOptions = {},
): RouteHandler<C> {
  const declared = asPolicy(policy);
  if (options.anonymous && declared.access !== "public")
    throw new Error(`${name}: only a public route can be anonymous`);
  const wrapped = async (request: Request, context: C) => {
    const start = performance.now();
    const requestId = options.requestId ? randomUUID() : undefined;
    if (requestId) requestIds.set(request, requestId);
    let response: Response;
    let error: unknown;
    try {
      const principal = options.anonymous ? null : await authorize(request, declared);
      const limited = await withBodyLimit(request, options.bodyLimit ?? DEFAULT_BODY_LIMIT);
      response = await handler(limited, context, principal);
    } catch (caught) {
      error = caught;
      response = errorResponse(caught);
    }
    if (options.headers)
      for (const [key, value] of Object.entries(options.headers)) response.headers.set(key, value);
    if (requestId) response.headers.set("request-id", requestId);
    const url = new URL(request.url);
    const line = {
      route: name,
      method: request.method,
      path: options.logPath ? options.logPath(url) : url.pathname,
      status: response.status,
      ms: elapsedMs(start),
      ...(requestId ? { requestId } : {}),
    };
    if (response.status >= 500) log.error({ ...line, err: error }, "request failed");
    else log.info(line, "request");
    return response;
  };
  return Object.assign(wrapped, { policy: declared });
}

/** better-sqlite3's error code, or the one Prisma's driver adapter carries (Better Auth's path). */
function sqliteCode(error: unknown): string {
  if (!(error instanceof Error)) return "";
  const meta = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } }).meta;
  const adapterCode = meta?.driverAdapterError?.cause?.originalCode;
  if (typeof adapterCode === "string") return adapterCode;
  return "code" in error ? String(error.code) : "";
}

export function errorResponse(error: unknown): Response {
  const code = sqliteCode(error);
  // Another writer held the database past the busy timeout: temporary, worth a retry.
  if (code.startsWith("SQLITE_BUSY")) {
    return problemResponse(503, "The database is busy; try again shortly.", undefined, {
      "retry-after": "5",
    });
  }
  // Nothing was written (the transaction rolled back); senders such as Stripe retry later.
  if (code === "SQLITE_FULL") {
    return problemResponse(507, "The disk holding the database is full; nothing was saved.");
  }
  if (error instanceof HttpError) {
    return problemResponse(error.status, error.detail, error.errors, error.headers);
  }
  if (error instanceof z.ZodError) {
    return problemResponse(422, "The request does not match the expected shape.", zodIssues(error));
  }
  return problemResponse(500, "Something went wrong on our side. It has been logged.");
}

/** Reads a JSON body and validates it; malformed JSON is a 400, a wrong shape a 422. */
export async function readJson<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.includes("application/json")) {
    throw new HttpError(415, "Send the body as application/json.");
  }
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new HttpError(400, "The body is not valid JSON.");
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new HttpError(422, "The request does not match the expected shape.", zodIssues(parsed.error));
  }
  return parsed.data;
}
