// GET /api/v1/changes/stream?cursor= — the changes feed as Server-Sent Events (Last-Event-ID resumes).
import { withTokens } from "@/lib/auth/policy";
import { sqlite } from "@/lib/db/sqlite";
import { notAllowed, preflight, v1Route } from "@/lib/api/v1/http";
import { ApiError, apiErrorResponse, validationError } from "@/lib/api/v1/problems";
import { callerScope } from "@/lib/api/v1/scope";
import { listChanges } from "@/lib/api/v1/changes";
import { changesStreamQuery } from "@/lib/api/v1/changes-schemas";
import { changesStream, STREAM_HEADERS } from "@/lib/api/v1/changes-stream";

export const dynamic = "force-dynamic";

// authorize() (inside v1Route) has already taken this request from the caller's rate limit.
export const GET = v1Route(
  "v1.changes.stream",
  withTokens("staff", "read"),
  async (request, _context, principal) => {
    try {
      if (!principal) throw new ApiError(401, "unauthenticated", "Sign in or send an API token.");
      const scope = callerScope(principal);
      const parsed = changesStreamQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
      if (!parsed.success) throw validationError(parsed.error, "query");
      // EventSource sends the last id it saw when it reconnects to the same URL: that wins.
      const cursor = request.headers.get("last-event-id") || parsed.data.cursor;
      // The first page is read now, so a bad cursor is a problem response, not a broken stream.
      const first = listChanges(sqlite(), { cursor, limit: 200 }, scope.staffId);
      const body = changesStream({ db: sqlite, first, staffScope: scope.staffId, signal: request.signal });
      return new Response(body, { status: 200, headers: STREAM_HEADERS });
    } catch (error) {
      if (error instanceof ApiError) return apiErrorResponse(error);
      throw error;
    }
  },
);
export const OPTIONS = preflight;
export const { POST, PUT, PATCH, DELETE } = notAllowed(["GET"]);
