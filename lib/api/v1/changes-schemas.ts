// The changes feed's contract (GET /api/v1/changes and /api/v1/changes/stream): the schemas the
// routes validate with and send, and their part of the OpenAPI document (openapi.ts spreads
// `changesPaths` into its paths).
import { z } from "zod";
import "zod-openapi";
import type {
  ZodOpenApiOperationObject,
  ZodOpenApiPathsObject,
  ZodOpenApiResponsesObject,
} from "zod-openapi";
import { bookingSchema, clientSummarySchema, DEFAULT_LIMIT, MAX_LIMIT } from "@/lib/api/v1/schemas";

export const PROTOCOL = `Replay protocol: start without a cursor (a full copy of your scope, upserts only), apply
each entry in order, follow \`nextCursor\` while \`hasMore\`, then keep \`pollCursor\` and ask again
later (or open the stream). Entries: \`upsert\` (the item as it is now; store it), \`remove\` (the
item left your scope, e.g. a booking reassigned to another walker or a client you have no
bookings with any more: drop it, no data is sent), \`delete\` (the item no longer exists: drop
it). Every change to a booking or client takes a new, strictly increasing \`seq\`, so a cursor
never passes a change it has not delivered; replaying from any cursor ends with exactly the
server's state for your scope. A staff-scoped caller sees its own bookings and the clients of
those bookings, and never hears of other items. A \`remove\` or \`delete\` for an id you do not
hold is harmless: ignore it.`;

export const changeSchema = z
  .object({
    seq: z.number().int().meta({ description: "The change's position in the log (informational)." }),
    entity: z.enum(["booking", "client"]),
    id: z.string().meta({ description: "Booking id (as text) or client Stripe id." }),
    op: z.enum(["upsert", "remove", "delete"]).meta({
      description:
        "upsert: store `booking`/`client`. remove: left your scope (drop it; no data). delete: no longer exists (drop it). Cancellations are upserts.",
    }),
    booking: bookingSchema.optional().meta({ description: "With `upsert` of a booking." }),
    client: clientSummarySchema.optional().meta({ description: "With `upsert` of a client." }),
  })
  .meta({ id: "Change" });

export const changesPageSchema = z
  .object({
    data: z.array(changeSchema),
    nextCursor: z
      .string()
      .nullable()
      .meta({ description: "More changes now: fetch it at once. Null: up to date." }),
    pollCursor: z.string().meta({ description: "Where to resume later (also when up to date)." }),
    hasMore: z.boolean().meta({ description: "True when `nextCursor` is set: more changes are waiting." }),
  })
  .meta({ id: "ChangesPage", description: PROTOCOL });

const cursor = z
  .string()
  .min(1)
  .max(100)
  .optional()
  .meta({ description: "A `nextCursor` or `pollCursor`; omit for a full copy." });
const limit = z.coerce
  .number()
  .int()
  .min(1)
  .max(MAX_LIMIT)
  .default(DEFAULT_LIMIT)
  .meta({ description: `Items per page (default ${DEFAULT_LIMIT}, at most ${MAX_LIMIT}).` });

export const changesQuery = z.strictObject({ cursor, limit });
export const changesStreamQuery = z.strictObject({ cursor });

const STREAM = `Server-Sent Events (text/event-stream): the same entries as GET /api/v1/changes, pushed
within a second of each change. Each event is \`event: changes\` whose \`data\` is a ChangesPage
and whose \`id\` is the cursor after it; \`: ping\` comment lines every 15 s keep proxies from
closing the connection, and \`retry:\` tells clients how soon to reconnect. To resume, send the last
event id as \`Last-Event-ID\` (EventSource does this itself); it takes precedence over \`cursor\`.`;

/** What openapi.ts lends the feed: its read operation builder and the stream's headers. */
export interface ChangesPathTools {
  read: (
    operationId: string,
    summary: string,
    schema: z.ZodType,
    params: { query?: z.ZodObject },
  ) => ZodOpenApiOperationObject;
  readErrors: ZodOpenApiResponsesObject;
  /** Headers of an authenticated answer (Request-Id, RateLimit-*). */
  limits: Record<string, z.ZodType>;
}

/** The feed's operations, for openapi.ts. */
export function changesPaths({ read, readErrors, limits }: ChangesPathTools): ZodOpenApiPathsObject {
  return {
    "/api/v1/changes": {
      get: {
        ...read(
          "listChanges",
          "Bookings and clients changed in your scope since a cursor",
          changesPageSchema,
          {
            query: changesQuery,
          },
        ),
        description: PROTOCOL,
      },
    },
    "/api/v1/changes/stream": {
      get: {
        operationId: "streamChanges",
        summary: "The changes feed, pushed (Server-Sent Events)",
        description: `${STREAM}\n\n${PROTOCOL}`,
        requestParams: {
          query: changesStreamQuery,
          header: z.object({
            "Last-Event-ID": z
              .string()
              .optional()
              .meta({ description: "The id of the last event received; resumes after it." }),
          }),
        },
        responses: {
          "200": {
            description: "An endless stream of `changes` events (ChangesPage as JSON in `data`).",
            headers: z.object(limits),
            content: { "text/event-stream": { schema: z.string() } },
          },
          ...readErrors,
        },
      },
    },
  };
}
