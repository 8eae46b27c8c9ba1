// The write operations of /api/v1 on top of the booking-edit domain: scope checks, If-Match,
// and domain errors turned into typed problems. Synchronous: each runs inside the transaction
// that also stores its Idempotency-Key response (lib/api/v1/http.ts).
import type { z } from "zod";
import type { Sqlite } from "@/lib/db/sqlite";
import { config } from "@/lib/config";
import { bookingEtag, BookingEditError, createManualBooking, editBooking } from "@/lib/bookings/edits";
import { getBooking, type StoredBooking } from "@/lib/bookings/stored";
import { bookingHistory } from "@/lib/bookings/history";
import { createFeed, feedUrl, listFeeds, revokeFeed } from "@/lib/feeds/tokens";
import { appFeedSealKey } from "@/lib/feeds/seal";
import { getApiBooking } from "@/lib/api/v1/bookings";
import { ApiError, problemBody } from "@/lib/api/v1/problems";
import { assertBookingTimes, assertVisitTimes, MANUAL_SERVICE } from "@/lib/api/v1/validation";
import type { CallerScope } from "@/lib/api/v1/scope";
import type { bookingCreateBody, bookingPatchBody, feedCreateBody } from "@/lib/api/v1/schemas";
import type { Result } from "@/lib/api/v1/http";

/** A booking's history events as the API shows them (also what a 412 sends to merge with). */
export function apiBookingEvents(db: Sqlite, id: number) {
  return bookingHistory(db, id).map((event) => ({
    id: event.id,
    at: event.at.toISOString(),
    kind: event.kind,
    actor: event.actor,
    cause: event.cause,
    reason: event.reason,
    changes: event.changes,
  }));
}

/**
 * The events after the version an If-Match names (`"<id>-<sequence>-…"`): each change bumps
 * SEQUENCE and writes one history row, so they are the newest (current − theirs) rows. Null when
 * the tag is not a version of this booking.
 */
function changesSince(db: Sqlite, current: StoredBooking, ifMatch: string | null) {
  const match = /^(?:W\/)?"(\d+)-(\d+)-/.exec(ifMatch ?? "");
  if (!match || Number(match[1]) !== current.id) return null;
  const behind = current.sequence - Number(match[2]);
  if (behind <= 0) return [];
  return apiBookingEvents(db, current.id).slice(-behind);
}

function domainError(
  error: unknown,
  db: Sqlite,
  scope: CallerScope,
  id?: number,
  ifMatch: string | null = null,
): never {
  if (!(error instanceof BookingEditError)) throw error;
  const field = error.field ? [{ path: `body.${error.field}`, message: error.message }] : undefined;
  if (error.code === "not_found") throw new ApiError(404, "not-found", error.message);
  if (error.code === "forbidden") throw new ApiError(403, "forbidden", error.message, { errors: field });
  if (error.code === "invalid")
    throw new ApiError(422, "validation-failed", error.message, { errors: field });
  const current = id === undefined ? undefined : getApiBooking(db, id, scope.staffId);
  if (error.code === "precondition_failed") {
    const headers: Record<string, string> = error.current ? { etag: bookingEtag(error.current) } : {};
    throw new ApiError(
      412,
      "precondition-failed",
      "The booking changed since you read it: `current` is how it is now and `changes` what changed since your version; merge and retry with the new ETag.",
      {
        current,
        headers,
        members: { changes: error.current ? changesSince(db, error.current, ifMatch) : null },
      },
    );
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
  const { id, body, scope, now } = input;
  bookingWithEtag(db, id, scope);
  assertOwnWalker(scope, body.staffId);
  const stored = getBooking(db, id)!;
  // A stale If-Match is answered first (412 with what to merge), before judging the values.
  const fresh = !input.ifMatch || input.ifMatch === "*" || input.ifMatch === bookingEtag(stored);
  if (fresh) {
    const startAt = body.startAt ? new Date(body.startAt) : stored.startAt;
    const keptLength = body.startAt && body.endAt === undefined;
    const endAt = body.endAt
      ? new Date(body.endAt)
      : keptLength
        ? new Date(startAt.getTime() + stored.endAt.getTime() - stored.startAt.getTime())
        : stored.endAt;
    assertBookingTimes(
      db,
      {
        serviceCode: stored.serviceCode,
        startAt,
        endAt,
        changed: { startAt: !!body.startAt, endAt: !!body.endAt },
      },
      now,
    );
    const visit = (field: "checkInAt" | "checkOutAt") =>
      body[field] === undefined ? stored[field] : body[field] === null ? null : new Date(body[field]);
    assertVisitTimes(
      {
        checkInAt: visit("checkInAt"),
        checkOutAt: visit("checkOutAt"),
        changed: { checkInAt: body.checkInAt !== undefined, checkOutAt: body.checkOutAt !== undefined },
      },
      now,
    );
  }
  try {
    editBooking(db, {
      id,
      patch: body,
      actor: scope.actor,
      now,
      ifMatch: input.ifMatch,
      editor: { role: scope.role },
    });
  } catch (error) {
    domainError(error, db, scope, id, input.ifMatch);
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
  const serviceCode = body.serviceCode ?? MANUAL_SERVICE;
  assertBookingTimes(
    db,
    {
      serviceCode,
      startAt: new Date(body.startAt),
      endAt: new Date(body.endAt),
      changed: { startAt: true, endAt: true },
    },
    input.now,
    "body.serviceCode",
  );
  let id: number;
  try {
    id = createManualBooking(
      db,
      {
        title: body.title,
        serviceCode,
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
    appFeedSealKey(),
  );
  const { feed } = created;
  const shown = {
    id: feed.id,
    scope: feed.scope,
    staffId: feed.staffId,
    prefix: feed.prefix,
    createdAt: feed.createdAt.toISOString(),
  };
  // The URL holds the feed's secret: an Idempotency-Key replay must not hand it out again from
  // storage (nor keep it there 24 h), so the replay says the feed exists and how to start over.
  const replay = new ApiError(
    409,
    "secret-shown-once",
    `This key already created feed ${feed.id}; its URL is returned only in that first answer (the owner can show it again on the Feeds screen). Otherwise revoke the feed (DELETE /api/v1/feeds/${feed.id}) and create a new one.`,
    { current: shown },
  );
  return {
    status: 201,
    body: { ...shown, url: feedUrl(config().publicUrl, created.token) },
    replay: {
      status: 409,
      body: problemBody(409, replay.slug, replay.detail, replay.extra),
      headers: { "content-type": "application/problem+json" },
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
