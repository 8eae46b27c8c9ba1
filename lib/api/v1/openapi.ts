// The OpenAPI 3.1 document of /api/v1, generated (zod-openapi) from the very schemas the routes
// validate with. Served at /api/v1/openapi.json; lib/api/v1/schema.d.ts is generated from it.
import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiResponsesObject } from "zod-openapi";
import {
  bookingCreateBody,
  bookingIdParams,
  bookingListQuery,
  bookingPageSchema,
  bookingPatchBody,
  bookingSchema,
  clientIdParams,
  clientListQuery,
  clientPageSchema,
  clientSchema,
  feedCreateBody,
  feedIdParams,
  feedSchema,
  historySchema,
  meSchema,
  problemSchema,
  scheduleQuery,
  scheduleSchema,
  serviceListSchema,
  staffListSchema,
  syncStartBody,
  syncStatusSchema,
} from "@/lib/api/v1/schemas";
import { DEFAULT_LIMIT, MAX_LIMIT } from "@/lib/api/v1/schemas";
import { devicePaths, deviceTag } from "@/lib/api/v1/device-schemas";
import { changesPaths } from "@/lib/api/v1/changes-schemas";

const json = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });
const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: problemSchema } },
});
const etagHeader = z.object({ ETag: z.string().meta({ description: "Version of the resource." }) });

/** Errors every authenticated route can answer. */
const common: ZodOpenApiResponsesObject = {
  "401": problem("No or invalid credentials."),
  "403": problem("Credentials not enough (read-only token, staff on an owner route, cross-site)."),
  "429": {
    ...problem("Rate limit reached; see Retry-After."),
    headers: z.object({ "Retry-After": z.string().meta({ description: "Seconds to wait." }) }),
  },
  "503": problem("The database is busy; retry."),
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
  "422": problem("Invalid body, or an Idempotency-Key reused with another request."),
};
const writeHeaders = z.object({
  "Idempotency-Key": z
    .string()
    .optional()
    .meta({ description: "Retries with the same key and body replay the first response (kept 24 h)." }),
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
    requestParams: params,
    responses: { "200": { description: "OK", ...json(schema) }, ...readErrors, ...extra },
  };
}

function write(
  operationId: string,
  summary: string,
  input: { body?: z.ZodType; path?: z.ZodObject; header?: z.ZodObject },
  responses: ZodOpenApiResponsesObject,
): ZodOpenApiOperationObject {
  return {
    operationId,
    summary,
    requestParams: {
      ...(input.path ? { path: input.path } : {}),
      header: input.header ? writeHeaders.extend(input.header.shape) : writeHeaders,
    },
    ...(input.body ? { requestBody: { required: false, ...json(input.body) } } : {}),
    responses: { ...responses, ...writeErrors },
  };
}

const notFound = { "404": problem("No such resource (or not visible to this caller).") };

const TAGS = {
  me: "Who is calling.",
  bookings: "Bookings: list, read, create by hand, edit (sticky), history.",
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

export function buildOpenApiDocument() {
  return tagged(
    createDocument({
      openapi: "3.1.0",
      info: {
        title: "Stripe → Bookings API",
        version: "1.0.0",
        description: `Bookings, clients and the schedule for the mobile app and scripts. Lists answer \`{ data, nextCursor }\` (default ${DEFAULT_LIMIT}, at most ${MAX_LIMIT} per page). See docs/API.md.`,
        license: { name: "Proprietary", identifier: "LicenseRef-Proprietary" },
      },
      servers: [{ url: "/" }],
      security: [{ bearer: [] }, { session: [] }],
      components: {
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer", description: "An API token (`./run token:create`)." },
          session: { type: "apiKey", in: "cookie", name: "better-auth.session_token" },
        },
      },
      tags: [...Object.entries(TAGS).map(([name, description]) => ({ name, description })), deviceTag],
      paths: {
        "/api/v1/me": { get: read("getMe", "Who is calling", meSchema) },
        "/api/v1/bookings": {
          get: read("listBookings", "Bookings, filtered and paginated", bookingPageSchema, {
            query: bookingListQuery,
          }),
          post: write(
            "createBooking",
            "A manual booking",
            { body: bookingCreateBody },
            {
              "201": {
                description: "Created",
                headers: etagHeader.extend({ Location: z.string() }),
                ...json(bookingSchema),
              },
            },
          ),
        },
        "/api/v1/bookings/{id}": {
          get: read(
            "getBooking",
            "One booking",
            bookingSchema,
            { path: bookingIdParams },
            { ...notFound, "304": { description: "Not modified (If-None-Match)." } },
          ),
          patch: write(
            "updateBooking",
            "Reschedule, reassign, cancel, complete, no-show, notes (sticky)",
            {
              body: bookingPatchBody,
              path: bookingIdParams,
              header: z.object({
                "If-Match": z
                  .string()
                  .optional()
                  .meta({ description: "The ETag you last read; 412 when stale." }),
              }),
            },
            {
              "200": { description: "Updated", headers: etagHeader, ...json(bookingSchema) },
              ...notFound,
              "409": problem(
                "The change contradicts Stripe (e.g. un-cancelling a booking Stripe cancelled).",
              ),
              "412": problem("If-Match is stale; `current` holds the booking now."),
            },
          ),
        },
        "/api/v1/bookings/{id}/history": {
          get: read(
            "getBookingHistory",
            "Every change of a booking",
            historySchema,
            { path: bookingIdParams },
            notFound,
          ),
        },
        "/api/v1/clients": {
          get: read("listClients", "Clients, searched and paginated", clientPageSchema, {
            query: clientListQuery,
          }),
        },
        "/api/v1/clients/{id}": {
          get: read("getClient", "One client", clientSchema, { path: clientIdParams }, notFound),
        },
        "/api/v1/staff": { get: read("listStaff", "Walkers", staffListSchema) },
        "/api/v1/services": { get: read("listServices", "What the active rules offer", serviceListSchema) },
        "/api/v1/schedule": {
          get: read("getSchedule", "A day or week grouped by walker", scheduleSchema, {
            query: scheduleQuery,
          }),
        },
        "/api/v1/feeds": {
          post: write(
            "createFeed",
            "Create the caller's own calendar feed",
            { body: feedCreateBody },
            { "201": { description: "Created (the URL is shown only now)", ...json(feedSchema) } },
          ),
        },
        "/api/v1/feeds/{id}": {
          delete: write(
            "revokeFeed",
            "Revoke one of the caller's feeds",
            { path: feedIdParams },
            {
              "204": { description: "Revoked" },
              ...notFound,
            },
          ),
        },
        "/api/v1/sync": {
          get: read("getSync", "Stripe sync state (owner)", syncStatusSchema),
          post: write(
            "startSync",
            "Start a Stripe sync (owner)",
            { body: syncStartBody },
            {
              "202": { description: "Started", ...json(z.object({ status: z.literal("started") })) },
              "409": problem("Demo mode, or a sync is already running."),
            },
          ),
        },
        ...changesPaths(readErrors),
        ...devicePaths,
      },
    }) as ReturnType<typeof createDocument> & { paths: Record<string, Record<string, unknown>> },
  );
}

let cached: ReturnType<typeof buildOpenApiDocument> | undefined;
/** The document, built once per process. */
export const openApiDocument = () => (cached ??= buildOpenApiDocument());
