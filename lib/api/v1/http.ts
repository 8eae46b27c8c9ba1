// The shell every /api/v1 route shares, on top of route() (policy, log line, error mapping):
// per-caller rate limit, strict query/params/body parsing into typed problems, Idempotency-Key
// for writes, CORS for the configured origins, and problem `type` URIs on every error.
import type { z } from "zod";
import { config } from "@/lib/config";
import { sqlite } from "@/lib/db/sqlite";
import { route, type RouteHandler } from "@/lib/http/handler";
import type { Policy } from "@/lib/auth/policy";
import type { Principal } from "@/lib/auth/principal";
import {
  ApiError,
  apiErrorResponse,
  problemBody,
  typedProblem,
  validationError,
} from "@/lib/api/v1/problems";
import { callerScope, requireOwner, type CallerScope } from "@/lib/api/v1/scope";
import { rateDecisionOf } from "@/lib/api/v1/rate-limit";
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
}

const MAX_BODY_BYTES = 64 * 1024;
export const EXPOSED_HEADERS = "ETag, Location, Retry-After, Idempotent-Replayed, RateLimit-Remaining";

function parse<T extends z.ZodType>(schema: T, value: unknown, prefix: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationError(parsed.error, prefix);
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

/** CORS, `Vary` and typed problems on every response a v1 handler produced (or route() did for it). */
function finish<C>(handler: RouteHandler<C>): RouteHandler<C> {
  const wrapped = async (request: Request, context: C) => {
    const response = await typedProblem(await handler(request, context));
    for (const [name, value] of Object.entries(corsHeaders(request))) response.headers.set(name, value);
    response.headers.append("vary", "Origin");
    return response;
  };
  return Object.assign(wrapped, { policy: handler.policy });
}

/** What is left of the caller's rate limit; authorize() took this request from it (429 when empty). */
function rateLimitHeaders(request: Request): Record<string, string> {
  const decision = rateDecisionOf(request);
  return decision ? { "ratelimit-remaining": String(decision.remaining) } : {};
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

/** A GET route: policy, rate limit, strict query/params. */
export function v1Read<Q = undefined, P = undefined>(
  name: string,
  policy: Policy,
  schemas: { query?: z.ZodType<Q>; params?: z.ZodType<P> },
  handler: (ctx: Ctx<Q, P>) => Result | Promise<Result>,
): RouteHandler<Params> {
  return finish(
    route(name, policy, async (request, raw: Params, principal) => {
      try {
        const { ctx, limitHeaders } = await context(request, raw, principal, schemas, policy);
        const result = await handler(ctx);
        return toResponse({ ...result, headers: { ...limitHeaders, ...result.headers } });
      } catch (error) {
        if (error instanceof ApiError) return apiErrorResponse(error);
        throw error;
      }
    }),
  );
}

async function readBody(request: Request): Promise<{ text: string; json: unknown }> {
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) {
    throw new ApiError(413, "payload-too-large", `Bodies are at most ${MAX_BODY_BYTES} bytes.`);
  }
  if (text.trim() === "") return { text, json: {} };
  if (!(request.headers.get("content-type") ?? "").includes("application/json")) {
    throw new ApiError(415, "unsupported-media-type", "Send the body as application/json.");
  }
  try {
    return { text, json: JSON.parse(text) as unknown };
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
 */
export function v1Write<B = undefined, P = undefined>(
  name: string,
  policy: Policy,
  schemas: { body?: z.ZodType<B>; params?: z.ZodType<P> },
  handler: (ctx: Ctx<undefined, P> & { body: B }) => Result,
): RouteHandler<Params> {
  return finish(
    route(name, policy, async (request, raw: Params, principal) => {
      try {
        const { ctx, limitHeaders } = await context(
          request,
          raw,
          principal,
          { params: schemas.params },
          policy,
        );
        const { text, json } = await readBody(request);
        const run = (): StoredResponse => {
          try {
            const body = schemas.body ? parse(schemas.body, json, "body") : (undefined as B);
            return stored(handler({ ...ctx, query: undefined, body }));
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
          response = once(
            sqlite(),
            {
              owner: ctx.scope.key,
              key,
              method: request.method,
              path: ctx.url.pathname,
              body: text,
              now: ctx.now,
            },
            run,
          );
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
    }),
  );
}

/** CORS preflight: answers only for the configured origins (others get no CORS headers). */
export const preflight = finish(
  route("v1.preflight", { access: "public" }, async (request) => {
    const origin = request.headers.get("origin");
    if (!origin || !config().API_CORS_ORIGINS.includes(origin)) return new Response(null, { status: 204 });
    return new Response(null, {
      status: 204,
      headers: {
        "access-control-allow-methods": "GET, POST, PATCH, DELETE, OPTIONS",
        "access-control-allow-headers":
          "authorization, content-type, idempotency-key, if-match, if-none-match",
        "access-control-max-age": "600",
      },
    });
  }),
);
