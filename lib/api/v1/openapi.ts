// The OpenAPI 3.1 document of /api/v1, generated (zod-openapi) from the very schemas the routes
// validate with. Served at /api/v1/openapi.json; lib/api/v1/schema.d.ts is generated from it.
// It names every header the server sends and reads, and stays readable by draft-07 tools
// (Prism): no 2020-12-only keywords such as prefixItems.
import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiResponsesObject } from "zod-openapi";
import * as s from "@/lib/api/v1/schemas";
import { DEFAULT_LIMIT, MAX_LIMIT } from "@/lib/api/v1/schemas";
import { problemCatalogue } from "@/lib/api/v1/problems";
import { descriptions, INFO_DESCRIPTION } from "@/lib/api/v1/openapi-text";
import { devicePaths, deviceTag } from "@/lib/api/v1/device-schemas";
import { changesPaths } from "@/lib/api/v1/changes-schemas";
import { clientFilePaths } from "@/lib/api/v1/file-schemas";

const json = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });
const header = (description: string) => z.string().meta({ description });

/** Headers on every response. */
const always = {
  "Request-Id": header("This response's id; problems repeat it as `requestId`, the server log carries it."),
};
const limits = {
  ...always,
  "RateLimit-Limit": header("Requests this token may make per minute."),
  "RateLimit-Remaining": header("Requests left now."),
  "RateLimit-Reset": header("Seconds until the allowance is full again."),
};
const etag = { ETag: header("Version of the resource (send it as If-None-Match or If-Match).") };

const problem = (description: string, extra: Record<string, z.ZodType> = {}) => ({
  description,
  headers: z.object({ ...always, ...extra }),
  content: { "application/problem+json": { schema: s.problemSchema } },
});

/** Errors every authenticated route can answer. */
const common: ZodOpenApiResponsesObject = {
  "401": problem("No or invalid credentials.", {
    "WWW-Authenticate": header('`Bearer realm="api"`, with `error="invalid_token"` when a token was sent.'),
  }),
  "403": problem("Credentials not enough (read-only token, a walker's token on an owner route, cross-site)."),
  "429": problem("Rate limit reached.", {
    "Retry-After": header("Seconds to wait."),
    "RateLimit-Limit": header("Requests this token may make per minute."),
    "RateLimit-Remaining": header("Requests left now (0)."),
    "RateLimit-Reset": header("Seconds until the allowance is full again."),
  }),
  "500": problem("Failed on our side (logged with the request id)."),
  "503": problem("The database is busy; retry.", { "Retry-After": header("Seconds to wait.") }),
};
const readErrors: ZodOpenApiResponsesObject = {
  ...common,
  "422": problem("Invalid query or path parameters."),
};
const writeErrors: ZodOpenApiResponsesObject = {
  ...common,
  "400": problem("Malformed JSON or Idempotency-Key."),
  "413": problem("Body too large."),
  "415": problem("Body is not application/json."),
  "422": problem(
    "Invalid body (`errors` names each field), or an Idempotency-Key reused with another request.",
  ),
};
const ifNoneMatch = z.object({
  "If-None-Match": z
    .string()
    .optional()
    .meta({ description: "An ETag you hold: 304 with no body when it is still current." }),
});
const idempotencyKey = z.object({
  "Idempotency-Key": z.string().min(1).max(255).optional().meta({
    description:
      "Any unique string (a UUID). A retry with the same key and body (compared as JSON: key order and spacing do not matter) replays the first response with `Idempotent-Replayed: true` and changes nothing; kept 24 h per caller.",
  }),
});

function read(
  operationId: string,
  summary: string,
  schema: z.ZodType,
  params: { query?: z.ZodObject; path?: z.ZodObject } = {},
  extra: ZodOpenApiResponsesObject = {},
): ZodOpenApiOperationObject {
  return {
    operationId,
    summary,
    description: descriptions[operationId],
    requestParams: { ...params, header: ifNoneMatch },
    responses: {
      "200": { description: "OK", headers: z.object({ ...limits, ...etag }), ...json(schema) },
      "304": {
        description: "Not modified (If-None-Match named the current ETag).",
        headers: z.object({ ...limits, ...etag }),
      },
      ...readErrors,
      ...extra,
    },
  };
}

function write(
  operationId: string,
  summary: string,
  input: { body?: z.ZodType; bodyRequired?: boolean; path?: z.ZodObject; header?: z.ZodObject },
  responses: ZodOpenApiResponsesObject,
): ZodOpenApiOperationObject {
  return {
    operationId,
    summary,
    description: descriptions[operationId],
    requestParams: {
      ...(input.path ? { path: input.path } : {}),
      header: input.header ? idempotencyKey.extend(input.header.shape) : idempotencyKey,
    },
    ...(input.body ? { requestBody: { required: input.bodyRequired ?? false, ...json(input.body) } } : {}),
    responses: { ...responses, ...writeErrors },
  };
}

const written = (description: string, schema?: z.ZodType, extra: Record<string, z.ZodType> = {}) => ({
  description,
  headers: z.object({
    ...limits,
    "Idempotent-Replayed": header(
      "`true` when this is the stored answer to an earlier request with the same key.",
    ).optional(),
    ...extra,
  }),
  ...(schema ? json(schema) : {}),
});

const notFound = { "404": problem("No such resource (or not visible to this caller).") };

const TAGS = {
  me: "Who is calling.",
  bookings: "Bookings: list, read, create by hand, edit (sticky), check in and out, history.",
  clients: "Clients (Stripe customers).",
  staff: "Walkers.",
  services: "What the active rules offer.",
  schedule: "A day or week by walker.",
  feeds: "The caller's own calendar feeds.",
  sync: "The Stripe sync (owner).",
  changes: "What changed since a cursor (offline copies).",
};

/** Each operation tagged with its resource (`/api/v1/<resource>/…`), for the reference page. */
function tagged<T extends { paths?: Record<string, Record<string, unknown>> }>(document: T): T {
  for (const [route, item] of Object.entries(document.paths ?? {})) {
    const tag = route.split("/")[3] ?? "api";
    for (const operation of Object.values(item)) (operation as { tags?: string[] }).tags = [tag];
  }
  return document;
}

const problemList = Object.entries(problemCatalogue)
  .map(([slug, [status, title]]) => `- \`/api/v1/problems/${slug}\` (${status}) ${title}`)
  .join("\n");

export function buildOpenApiDocument() {
  return tagged(
    createDocument({
      openapi: "3.1.0",
      info: {
        title: "Stripe → Bookings API",
        version: "1.0.0",
        description: `${INFO_DESCRIPTION(DEFAULT_LIMIT, MAX_LIMIT)}\n\n## Problem types\n\nEach \`type\` is an absolute URI (this server's origin) whose page explains it:\n\n${problemList}`,
        license: { name: "Proprietary", identifier: "LicenseRef-Proprietary" },
      },
      servers: [{ url: "/" }],
      security: [{ bearer: [] }, { session: [] }],
      components: {
        securitySchemes: {
          bearer: {
            type: "http",
            scheme: "bearer",
            description: "An API token (paired phone, or `./run token:create`).",
          },
          session: { type: "apiKey", in: "cookie", name: "better-auth.session_token" },
        },
      },
      tags: [...Object.entries(TAGS).map(([name, description]) => ({ name, description })), deviceTag],
      paths: {
        "/api/v1/me": { get: read("getMe", "Who is calling", s.meSchema) },
        "/api/v1/bookings": {
          get: read("listBookings", "Bookings, filtered and paginated", s.bookingPageSchema, {
            query: s.bookingListQuery,
          }),
          post: write(
            "createBooking",
            "A manual booking",
            { body: s.bookingCreateBody, bodyRequired: true },
            {
              "201": written("Created", s.bookingSchema, {
                ...etag,
                Location: header("The new booking's URL."),
              }),
            },
          ),
        },
        "/api/v1/bookings/{id}": {
          get: read(
            "getBooking",
            "One booking",
            s.expandedBookingSchema,
            { path: s.bookingIdParams, query: s.bookingGetQuery },
            notFound,
          ),
          patch: write(
            "updateBooking",
            "Reschedule, reassign, cancel, complete, check in/out, notes (sticky)",
            {
              body: s.bookingPatchBody,
              bodyRequired: true,
              path: s.bookingIdParams,
              header: z.object({
                "If-Match": z
                  .string()
                  .optional()
                  .meta({ description: "The ETag you last read; 412 when stale." }),
              }),
            },
            {
              "200": written("Updated", s.bookingSchema, etag),
              ...notFound,
              "409": problem(
                "The change contradicts Stripe (e.g. un-cancelling a booking Stripe cancelled).",
              ),
              "412": problem(
                "If-Match is stale: `current` holds the booking now, `changes` what changed since your version.",
                etag,
              ),
            },
          ),
        },
        "/api/v1/bookings/{id}/history": {
          get: read(
            "getBookingHistory",
            "Every change of a booking",
            s.historySchema,
            { path: s.bookingIdParams },
            notFound,
          ),
        },
        "/api/v1/clients": {
          get: read("listClients", "Clients, searched and paginated", s.clientPageSchema, {
            query: s.clientListQuery,
          }),
        },
        "/api/v1/clients/{id}": {
          get: read("getClient", "One client", s.clientSchema, { path: s.clientIdParams }, notFound),
        },
        "/api/v1/staff": { get: read("listStaff", "Walkers", s.staffListSchema) },
        "/api/v1/services": { get: read("listServices", "What the active rules offer", s.serviceListSchema) },
        "/api/v1/schedule": {
          get: read("getSchedule", "A day or week grouped by walker", s.scheduleSchema, {
            query: s.scheduleQuery,
          }),
        },
        "/api/v1/feeds": {
          post: write(
            "createFeed",
            "Create the caller's own calendar feed",
            { body: s.feedCreateBody },
            {
              "201": written("Created (the URL is shown only now)", s.feedSchema),
              "409": problem(
                "A replay of this Idempotency-Key: the feed exists, its URL is not shown again (`secret-shown-once`).",
              ),
            },
          ),
        },
        "/api/v1/feeds/{id}": {
          delete: write(
            "revokeFeed",
            "Revoke one of the caller's feeds",
            { path: s.feedIdParams },
            {
              "204": written("Revoked"),
              ...notFound,
            },
          ),
        },
        "/api/v1/sync": {
          get: read("getSync", "Stripe sync state (owner)", s.syncStatusSchema),
          post: write(
            "startSync",
            "Start a Stripe sync (owner)",
            { body: s.syncStartBody },
            {
              "202": written("Started", z.object({ status: z.literal("started") })),
              "409": problem("Demo mode, or a sync is already running."),
            },
          ),
        },
        ...clientFilePaths({ read, write, written, problem, notFound, etag, limits }),
        ...changesPaths({ read, readErrors, limits }),
        ...devicePaths,
      },
    }) as ReturnType<typeof createDocument> & { paths: Record<string, Record<string, unknown>> },
  );
}

let cached: ReturnType<typeof buildOpenApiDocument> | undefined;
/** The document, built once per process. */
export const openApiDocument = () => (cached ??= buildOpenApiDocument());
