// /api/v1 writes whose domain code is async (the Prisma client: the client's file, pets, photos),
// beside v1Write (synchronous better-sqlite3 transactions). Same shell: policy and rate limit
// (route()), strict path and body parsing into typed problems, and Idempotency-Key: the key is
// claimed (a row without an answer) before the write runs and given its answer after, so a retry
// replays it and a concurrent twin is refused (409) rather than run twice. A write that fails on
// our side releases the key, so the retry runs again.
import canonicalize from "canonicalize";
import type { z } from "zod";
import { config } from "@/lib/config";
import { prisma } from "@/lib/db/prisma";
import type { Policy } from "@/lib/auth/policy";
import type { Principal } from "@/lib/auth/principal";
import type { RouteOptions } from "@/lib/http/handler";
import { HttpError } from "@/lib/http/problem";
import { route } from "@/lib/http/handler";
import {
  ApiError,
  apiErrorResponse,
  finishProblem,
  problemBody,
  validationError,
} from "@/lib/api/v1/problems";
import { requestIdOf } from "@/lib/http/handler";
import { callerScope, requireOwner, type CallerScope } from "@/lib/api/v1/scope";
import { assertKeyShape, IDEMPOTENCY_TTL_MS, requestHash } from "@/lib/api/v1/idempotency";
import { EXPOSED_HEADERS, type Result } from "@/lib/api/v1/http";
import { rateDecisionOf, rateLimitHeadersOf } from "@/lib/api/v1/rate-limit";

type Params = { params: Promise<Record<string, string | string[] | undefined>> };

export interface AsyncCtx<B, P> {
  request: Request;
  url: URL;
  principal: Principal;
  scope: CallerScope;
  params: P;
  body: B;
  now: Date;
}

const MAX_JSON_BYTES = 64 * 1024;

function parse<T extends z.ZodType>(schema: T, value: unknown, prefix: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationError(parsed.error, prefix, value);
  return parsed.data;
}

async function jsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_JSON_BYTES) {
    throw new ApiError(413, "payload-too-large", `Bodies are at most ${MAX_JSON_BYTES} bytes.`);
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

function corsHeaders(request: Request): Record<string, string> {
  const origin = request.headers.get("origin");
  if (!origin || !config().API_CORS_ORIGINS.includes(origin)) return {};
  return { "access-control-allow-origin": origin, "access-control-expose-headers": EXPOSED_HEADERS };
}

const asResponse = (status: number, headers: Record<string, string>, body: string | null) =>
  new Response(body, { status, headers });

function resultParts(result: Result): {
  status: number;
  headers: Record<string, string>;
  body: string | null;
} {
  const body = result.body === undefined ? null : JSON.stringify(result.body);
  return {
    status: result.status ?? 200,
    headers: { ...(body !== null ? { "content-type": "application/json" } : {}), ...result.headers },
    body,
  };
}

const errorParts = (error: ApiError) => ({
  status: error.status,
  headers: { "content-type": "application/problem+json", ...error.extra.headers },
  body: JSON.stringify(problemBody(error.status, error.slug, error.detail, error.extra)),
});

/** Domain errors (HttpError) as the typed problems of /api/v1. */
function asApiError(error: unknown): ApiError | null {
  if (error instanceof ApiError) return error;
  if (error instanceof HttpError) {
    const slug =
      error.status === 404
        ? "not-found"
        : error.status === 403
          ? "forbidden"
          : error.status === 409
            ? "conflict"
            : error.status === 413
              ? "payload-too-large"
              : error.status === 415
                ? "unsupported-media-type"
                : error.status === 422
                  ? "validation-failed"
                  : null;
    if (slug) return new ApiError(error.status, slug, error.detail, { errors: error.errors });
  }
  return null;
}

/**
 * A POST/PUT/PATCH/DELETE route of /api/v1 with an async handler. `body: "json"` (default) parses
 * JSON with `schemas.body`; `body: "bytes"` hands the raw bytes over (under `options.bodyLimit`).
 */
export function v1AsyncWrite<B = undefined, P = undefined>(
  name: string,
  policy: Policy,
  schemas: { body?: z.ZodType<B>; params?: z.ZodType<P>; raw?: boolean },
  handler: (ctx: AsyncCtx<B, P> & { bytes: Uint8Array }) => Promise<Result>,
  options: Pick<RouteOptions, "bodyLimit"> & {
    /** False for an answer holding a secret: the key is checked, never stored (nothing to replay). */
    remember?: boolean;
  } = {},
) {
  const inner = route<Params>(
    name,
    policy,
    async (request, raw, principal) => {
      try {
        return await respond(request, raw, principal);
      } catch (error) {
        if (error instanceof ApiError) return apiErrorResponse(error);
        throw error;
      }
    },
    { requestId: true, bodyLimit: options.bodyLimit },
  );
  async function respond(request: Request, raw: Params, principal: Principal | null): Promise<Response> {
    if (!principal) throw new ApiError(401, "unauthenticated", "Sign in or send an API token.");
    const scope = callerScope(principal);
    if (policy.access === "owner") requireOwner(scope);
    const now = new Date();
    const url = new URL(request.url);
    const params = schemas.params ? parse(schemas.params, await raw.params, "path") : (undefined as P);
    let bytes = new Uint8Array(0);
    let json: unknown = {};
    if (schemas.raw) bytes = new Uint8Array(await request.arrayBuffer());
    else json = await jsonBody(request);
    const body = schemas.body ? parse(schemas.body, json, "body") : (undefined as B);
    const run = async () => {
      try {
        return resultParts(await handler({ request, url, principal, scope, params, body, now, bytes }));
      } catch (error) {
        const api = asApiError(error);
        if (api) return errorParts(api);
        throw error;
      }
    };
    const key = request.headers.get("idempotency-key");
    if (key !== null) assertKeyShape(key);
    if (key === null || options.remember === false) {
      const answer = await run();
      return asResponse(answer.status, answer.headers, answer.body);
    }
    const content = schemas.raw ? Buffer.from(bytes).toString("base64") : (canonicalize(json) ?? "");
    const hash = requestHash(request.method, url.pathname, content);
    const db = prisma();
    await db.idempotencyKey.deleteMany({ where: { expiresAt: { lt: now } } });
    const where = { owner_key: { owner: scope.key, key } };
    const earlier = await db.idempotencyKey.findUnique({ where });
    if (earlier) {
      if (earlier.requestHash !== hash) {
        throw new ApiError(
          422,
          "idempotency-key-reused",
          "This Idempotency-Key was used with a different request; use a new key for a new request.",
          { errors: [{ path: "Idempotency-Key", message: "already used with another request" }] },
        );
      }
      if (earlier.status === null) {
        throw new ApiError(
          409,
          "conflict",
          "A request with this Idempotency-Key is still running; retry shortly.",
        );
      }
      const headers = JSON.parse(earlier.headersJson ?? "{}") as Record<string, string>;
      return asResponse(earlier.status, { ...headers, "idempotent-replayed": "true" }, earlier.body);
    }
    await db.idempotencyKey.create({
      data: {
        owner: scope.key,
        key,
        method: request.method,
        path: url.pathname,
        requestHash: hash,
        createdAt: now,
        expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS),
      },
    });
    let answer: Awaited<ReturnType<typeof run>>;
    try {
      answer = await run();
    } catch (error) {
      await db.idempotencyKey.delete({ where }).catch(() => undefined);
      throw error;
    }
    await db.idempotencyKey.update({
      where,
      data: { status: answer.status, headersJson: JSON.stringify(answer.headers), body: answer.body },
    });
    return asResponse(answer.status, answer.headers, answer.body);
  }
  const wrapped = async (request: Request, context: Params) => {
    let response = await inner(request, context);
    // What is left of the caller's allowance (authorize() took this request from it).
    const decision = rateDecisionOf(request);
    if (decision) {
      for (const [header, value] of Object.entries(
        rateLimitHeadersOf(decision, config().API_RATE_LIMIT_PER_MINUTE),
      ))
        if (!response.headers.has(header)) response.headers.set(header, value);
    }
    response = await finishProblem(request, response, requestIdOf(request));
    for (const [header, value] of Object.entries(corsHeaders(request))) response.headers.set(header, value);
    response.headers.append("vary", "Origin");
    return response;
  };
  return Object.assign(wrapped, { policy: inner.policy });
}
