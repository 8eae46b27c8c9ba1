// The write operations of /api/v1 on top of the booking-edit domain: scope checks, If-Match,
// and domain errors turned into typed problems. Synchronous: each runs inside the transaction
// that also stores its Idempotency-Key response (lib/api/v1/http.ts).
import type { z } from "zod";
import type { Sqlite } from "@/lib/db/sqlite";
import { config } from "@/lib/config";
import { bookingEtag, BookingEditError, createManualBooking, editBooking } from "@/lib/bookings/edits";
import { getBooking } from "@/lib/bookings/stored";
import { createFeed, feedUrl, listFeeds, revokeFeed } from "@/lib/feeds/tokens";
import { getApiBooking } from "@/lib/api/v1/bookings";
import { ApiError } from "@/lib/api/v1/problems";
import type { CallerScope } from "@/lib/api/v1/scope";
import type { bookingCreateBody, bookingPatchBody, feedCreateBody } from "@/lib/api/v1/schemas";
import type { Result } from "@/lib/api/v1/http";

function domainError(error: unknown, db: Sqlite, scope: CallerScope, id?: number): never {
  if (!(error instanceof BookingEditError)) throw error;
  const field = error.field ? [{ path: `body.${error.field}`, message: error.message }] : undefined;
  if (error.code === "not_found") throw new ApiError(404, "not-found", error.message);
  if (error.code === "invalid")
    throw new ApiError(422, "validation-failed", error.message, { errors: field });
  const current = id === undefined ? undefined : getApiBooking(db, id, scope.staffId);
  if (error.code === "precondition_failed") {
    const headers: Record<string, string> = error.current ? { etag: bookingEtag(error.current) } : {};
    throw new ApiError(412, "precondition-failed", "The booking changed since you read it; here it is now.", {
      current,
      headers,
    });
  }
  throw new ApiError(409, "conflict", error.message, { errors: field, current });
}

function assertOwnWalker(scope: CallerScope, staffId: number | null | undefined): void {
  if (scope.staffId !== null && staffId !== undefined && staffId !== null && staffId !== scope.staffId) {
    throw new ApiError(403, "forbidden", "You may only assign bookings to yourself.", {
      errors: [{ path: "body.staffId", message: "not your walker id" }],
    });
  }
}

/** The booking and its ETag, 404 when missing or outside the caller's scope. */
export function bookingWithEtag(db: Sqlite, id: number, scope: CallerScope): Result & { etag: string } {
  const stored = getBooking(db, id);
  const booking = stored ? getApiBooking(db, id, scope.staffId) : null;
  if (!stored || !booking) throw new ApiError(404, "not-found", `Booking ${id} does not exist.`);
  const etag = bookingEtag(stored);
  return { body: booking, headers: { etag }, etag };
}

export function patchBooking(
  db: Sqlite,
  input: {
    id: number;
    body: z.infer<typeof bookingPatchBody>;
    scope: CallerScope;
    ifMatch: string | null;
    now: Date;
  },
): Result {
  const { id, body, scope } = input;
  bookingWithEtag(db, id, scope);
  assertOwnWalker(scope, body.staffId);
  try {
    editBooking(db, { id, patch: body, actor: scope.actor, now: input.now, ifMatch: input.ifMatch });
  } catch (error) {
    domainError(error, db, scope, id);
  }
  const { body: booking, headers } = bookingWithEtag(db, id, { ...scope, staffId: null });
  return { body: booking, headers };
}

export function createBooking(
  db: Sqlite,
  input: { body: z.infer<typeof bookingCreateBody>; scope: CallerScope; now: Date },
): Result {
  const { body, scope } = input;
  assertOwnWalker(scope, body.staffId);
  if (
    body.clientId &&
    !db.prepare("SELECT 1 FROM Client WHERE stripeId = ? AND deleted = 0").get(body.clientId)
  ) {
    throw new ApiError(422, "validation-failed", `No client has id ${body.clientId}.`, {
      errors: [{ path: "body.clientId", message: "unknown client" }],
    });
  }
  let id: number;
  try {
    id = createManualBooking(
      db,
      {
        title: body.title,
        serviceCode: body.serviceCode,
        startAt: body.startAt,
        endAt: body.endAt,
        clientStripeId: body.clientId ?? null,
        staffId: scope.staffId ?? body.staffId ?? null,
        notes: body.notes ?? null,
      },
      input.now,
      scope.actor,
    ).id;
  } catch (error) {
    domainError(error, db, scope);
  }
  const { body: booking, headers } = bookingWithEtag(db, id, { ...scope, staffId: null });
  return { status: 201, body: booking, headers: { ...headers, location: `/api/v1/bookings/${id}` } };
}

/** The caller's own feed: a walker's for a staff-linked caller, the business feed for the owner. */
export function createOwnFeed(
  db: Sqlite,
  input: { body: z.infer<typeof feedCreateBody>; scope: CallerScope; now: Date },
): Result {
  const { scope } = input;
  if (scope.role === "staff" && scope.staffId === null) {
    throw new ApiError(403, "forbidden", "Your account is not linked to a walker; ask the owner.");
  }
  const created = createFeed(
    db,
    scope.staffId !== null
      ? { scope: "staff", staffId: scope.staffId, label: input.body.label }
      : { scope: "business", label: input.body.label },
    input.now,
    scope.userId,
  );
  const { feed } = created;
  return {
    status: 201,
    body: {
      id: feed.id,
      scope: feed.scope,
      staffId: feed.staffId,
      prefix: feed.prefix,
      url: feedUrl(config().publicUrl, created.token),
      createdAt: feed.createdAt.toISOString(),
    },
  };
}

export function revokeOwnFeed(db: Sqlite, input: { id: number; scope: CallerScope; now: Date }): Result {
  const feed = listFeeds(db).find((f) => f.id === input.id);
  const own =
    feed &&
    (input.scope.staffId === null ? input.scope.role === "owner" : feed.staffId === input.scope.staffId);
  if (!feed || !own || feed.revokedAt)
    throw new ApiError(404, "not-found", `Feed ${input.id} does not exist.`);
  revokeFeed(db, String(feed.id), input.now);
  return { status: 204 };
}
