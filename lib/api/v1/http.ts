// The shell every /api/v1 route shares, on top of route() (policy, log line, error mapping):
// per-caller rate limit, strict query/params/body parsing into typed problems, ETag and
// If-None-Match on every read, Idempotency-Key for writes, CORS for the configured origins,
// a Request-Id on every response, and problem JSON for every error (unknown paths and methods too).
import { createHash } from "node:crypto";
import canonicalize from "canonicalize";
import type { z } from "zod";
import { config } from "@/lib/config";
import { sqlite } from "@/lib/db/sqlite";
import { requestIdOf, route, type RouteHandler } from "@/lib/http/handler";
import type { Policy } from "@/lib/auth/policy";
import type { Principal } from "@/lib/auth/principal";
import {
  ApiError,
  apiErrorResponse,
  finishProblem,
  problemBody,
  validationError,
} from "@/lib/api/v1/problems";
import { callerScope, requireOwner, type CallerScope } from "@/lib/api/v1/scope";
import { rateDecisionOf, rateLimitHeadersOf } from "@/lib/api/v1/rate-limit";
import { assertKeyShape, once, type StoredResponse } from "@/lib/api/v1/idempotency";

type Params = { params: Promise<Record<string, string | string[] | undefined>> };

export interface Ctx<Q, P> {
  request: Request;
  url: URL;
  principal: Principal;
  scope: CallerScope;
  query: Q;
  params: P;
  now: Date;
}

export interface Result {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** What a retry with the same Idempotency-Key gets instead (an answer holding a secret). */
  replay?: Result;
}

const MAX_BODY_BYTES = 64 * 1024;
export const EXPOSED_HEADERS =
  "ETag, Location, Retry-After, Idempotent-Replayed, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Request-Id, WWW-Authenticate, Allow";
export const ALL_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function parse<T extends z.ZodType>(schema: T, value: unknown, prefix: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationError(parsed.error, prefix, value);
  return parsed.data;
}

function toResponse(result: Result): Response {
  const status = result.status ?? 200;
  if (result.body === undefined) return new Response(null, { status, headers: result.headers });
  return Response.json(result.body, { status, headers: result.headers });
}

function corsHeaders(request: Request): Record<string, string> {
  const origin = request.headers.get("origin");
  if (!origin || !config().API_CORS_ORIGINS.includes(origin)) return {};
  return { "access-control-allow-origin": origin, "access-control-expose-headers": EXPOSED_HEADERS };
}

/** A route of /api/v1: a request id, problems in their final shape, CORS and `Vary` on every response. */
export function v1Route<C>(
  name: string,
  policy: Policy,
  handler: (request: Request, context: C, principal: Principal | null) => Promise<Response>,
): RouteHandler<C> {
  const inner = route(name, policy, handler, { requestId: true });
  const wrapped = async (request: Request, context: C) => {
    const response = await finishProblem(request, await inner(request, context), requestIdOf(request));
    for (const [header, value] of Object.entries(corsHeaders(request))) response.headers.set(header, value);
    response.headers.append("vary", "Origin");
    return response;
  };
  return Object.assign(wrapped, { policy: inner.policy });
}

/** What is left of the caller's rate limit; authorize() took this request from it (429 when empty). */
function rateLimitHeaders(request: Request): Record<string, string> {
  const decision = rateDecisionOf(request);
  return decision ? rateLimitHeadersOf(decision, config().API_RATE_LIMIT_PER_MINUTE) : {};
}

async function context<Q, P>(
  request: Request,
  raw: Params,
  principal: Principal | null,
  schemas: { query?: z.ZodType<Q>; params?: z.ZodType<P> },
  policy: Policy,
) {
  if (!principal) throw new ApiError(401, "unauthenticated", "Sign in or send an API token.");
  const scope = callerScope(principal);
  if (policy.access === "owner") requireOwner(scope);
  const now = new Date();
  const limitHeaders = rateLimitHeaders(request);
  const url = new URL(request.url);
  const query = schemas.query
    ? parse(schemas.query, Object.fromEntries(url.searchParams), "query")
    : (undefined as Q);
  const params = schemas.params ? parse(schemas.params, await raw.params, "path") : (undefined as P);
  return { ctx: { request, url, principal, scope, query, params, now }, limitHeaders };
}

/** A strong ETag for a JSON body (resources whose version is not otherwise known). */
export const bodyEtag = (body: unknown) =>
  `"${createHash("sha256").update(JSON.stringify(body)).digest("base64url").slice(0, 27)}"`;

/** Whether an If-None-Match header (`*`, or a list of strong or weak tags) names `etag`. */
export function etagMatches(header: string | null, etag: string): boolean {
  if (header === null) return false;
  if (header.trim() === "*") return true;
  const bare = etag.replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === bare);
}

/** A GET route: policy, rate limit, strict query/params, ETag on every 200 (304 on If-None-Match). */
export function v1Read<Q = undefined, P = undefined>(
  name: string,
  policy: Policy,
  schemas: { query?: z.ZodType<Q>; params?: z.ZodType<P> },
  handler: (ctx: Ctx<Q, P>) => Result | Promise<Result>,
): RouteHandler<Params> {
  return v1Route(name, policy, async (request, raw: Params, principal) => {
    try {
      const { ctx, limitHeaders } = await context(request, raw, principal, schemas, policy);
      const result = await handler(ctx);
      const headers = { ...limitHeaders, ...result.headers };
      if ((result.status ?? 200) === 200 && result.body !== undefined) {
        headers.etag ??= bodyEtag(result.body);
        if (etagMatches(request.headers.get("if-none-match"), headers.etag)) {
          return toResponse({ status: 304, headers });
        }
      }
      return toResponse({ ...result, headers });
    } catch (error) {
      if (error instanceof ApiError) return apiErrorResponse(error);
      throw error;
    }
  });
}

async function readBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) {
    throw new ApiError(413, "payload-too-large", `Bodies are at most ${MAX_BODY_BYTES} bytes.`);
  }
  if (text.trim() === "") return {};
  if (!(request.headers.get("content-type") ?? "").includes("application/json")) {
    throw new ApiError(415, "unsupported-media-type", "Send the body as application/json.");
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(400, "malformed-request", "The body is not valid JSON.");
  }
}

function stored(result: Result): StoredResponse {
  return {
    status: result.status ?? 200,
    headers: result.headers ?? {},
    body: result.body === undefined ? null : JSON.stringify(result.body),
  };
}

function storedError(error: ApiError): StoredResponse {
  return {
    status: error.status,
    headers: { "content-type": "application/problem+json", ...error.extra.headers },
    body: JSON.stringify(problemBody(error.status, error.slug, error.detail, error.extra)),
  };
}

/**
 * A POST/PATCH/DELETE route. `handler` is synchronous: it runs in the transaction that also
 * stores the Idempotency-Key's response, so a write and its remembered answer commit together.
 * Bodies are compared as parsed JSON (RFC 8785 canonical form): key order and spacing do not matter.
 */
export function v1Write<B = undefined, P = undefined>(
  name: string,
  policy: Policy,
  schemas: { body?: z.ZodType<B>; params?: z.ZodType<P> },
  handler: (ctx: Ctx<undefined, P> & { body: B }) => Result,
): RouteHandler<Params> {
  return v1Route(name, policy, async (request, raw: Params, principal) => {
    try {
      const { ctx, limitHeaders } = await context(
        request,
        raw,
        principal,
        { params: schemas.params },
        policy,
      );
      const json = await readBody(request);
      let replay: StoredResponse | undefined;
      const run = (): StoredResponse => {
        try {
          const body = schemas.body ? parse(schemas.body, json, "body") : (undefined as B);
          const result = handler({ ...ctx, query: undefined, body });
          replay = result.replay ? stored(result.replay) : undefined;
          return stored(result);
        } catch (error) {
          if (error instanceof ApiError) return storedError(error);
          throw error;
        }
      };
      const key = request.headers.get("idempotency-key");
      let response: StoredResponse & { replayed?: boolean };
      if (key === null) {
        response = sqlite()
          .transaction(() => run())
          .immediate();
      } else {
        assertKeyShape(key);
        const input = {
          owner: ctx.scope.key,
          key,
          method: request.method,
          path: ctx.url.pathname,
          body: canonicalize(json) ?? "",
          now: ctx.now,
        };
        response = once(sqlite(), input, run, () => replay);
      }
      const headers = new Headers({ ...limitHeaders, ...response.headers });
      if (response.body !== null && !headers.has("content-type"))
        headers.set("content-type", "application/json");
      if (response.replayed) headers.set("idempotent-replayed", "true");
      return new Response(response.body, { status: response.status, headers });
    } catch (error) {
      if (error instanceof ApiError) return apiErrorResponse(error);
      throw error;
    }
  });
}

/** CORS preflight: answers only for the configured origins (others get no CORS headers). */
export const preflight = v1Route("v1.preflight", { access: "public" }, async (request) => {
  const origin = request.headers.get("origin");
  if (!origin || !config().API_CORS_ORIGINS.includes(origin)) return new Response(null, { status: 204 });
  return new Response(null, {
    status: 204,
    headers: {
      "access-control-allow-methods": "GET, POST, PATCH, DELETE, OPTIONS",
      "access-control-allow-headers": "authorization, content-type, idempotency-key, if-match, if-none-match",
      "access-control-max-age": "600",
    },
  });
});

/**
 * Problem answers for the methods a route file does not export, so Next's bare 405 never shows:
 * `export const { PUT, DELETE } = notAllowed(["GET", "PATCH"])` (OPTIONS is always allowed).
 */
export function notAllowed(
  allowed: readonly string[],
): Record<(typeof ALL_METHODS)[number], RouteHandler<Params>> {
  const withHead = allowed.includes("GET") ? [...allowed, "HEAD"] : [...allowed];
  const order = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"];
  const allow = [...withHead.sort((a, b) => order.indexOf(a) - order.indexOf(b)), "OPTIONS"].join(", ");
  const handler: RouteHandler<Params> = asRefusal(
    v1Route<Params>("v1.method-not-allowed", { access: "public" }, async (request) =>
      apiErrorResponse(
        new ApiError(
          405,
          "method-not-allowed",
          `${request.method} is not allowed here; use ${allowed.join(" or ")}.`,
          {
            headers: { allow },
          },
        ),
      ),
    ),
  );
  return Object.fromEntries(ALL_METHODS.map((method) => [method, handler])) as Record<
    (typeof ALL_METHODS)[number],
    RouteHandler<Params>
  >;
}

/**
 * Marks a handler that only refuses (404 for a path, 405 for a method): it serves nothing, so
 * the route-by-caller table (lib/auth/route-access.ts) does not list it.
 */
function asRefusal<C>(handler: RouteHandler<C>): RouteHandler<C> & { refusal: true } {
  return Object.assign(handler, { refusal: true as const });
}

/** Any method on a path /api/v1 does not have. */
export const unknownPath = asRefusal(
  v1Route("v1.not-found", { access: "public" }, async (request) =>
    apiErrorResponse(
      new ApiError(
        404,
        "not-found",
        `There is no ${new URL(request.url).pathname}; see /api/v1/openapi.json.`,
      ),
    ),
  ),
);
