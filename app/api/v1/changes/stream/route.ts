// GET /api/v1/changes/stream?cursor= — the changes feed as Server-Sent Events (Last-Event-ID resumes).
import { withTokens } from "@/lib/auth/policy";
import { route } from "@/lib/http/handler";
import { sqlite } from "@/lib/db/sqlite";
import { config } from "@/lib/config";
import { preflight } from "@/lib/api/v1/http";
import { ApiError, apiErrorResponse, typedProblem, validationError } from "@/lib/api/v1/problems";
import { callerScope } from "@/lib/api/v1/scope";
import { takeToken } from "@/lib/api/v1/rate-limit";
import { listChanges } from "@/lib/api/v1/changes";
import { changesStreamQuery } from "@/lib/api/v1/changes-schemas";
import { changesStream, STREAM_HEADERS } from "@/lib/api/v1/changes-stream";

export const dynamic = "force-dynamic";

const handler = route(
  "v1.changes.stream",
  withTokens("staff", "read"),
  async (request, _context, principal) => {
    try {
      if (!principal) throw new ApiError(401, "unauthenticated", "Sign in or send an API token.");
      const scope = callerScope(principal);
      const decision = takeToken(scope.key, config().API_RATE_LIMIT_PER_MINUTE, Date.now());
      if (!decision.ok) {
        throw new ApiError(429, "rate-limited", "Too many requests from this token; wait and retry.", {
          headers: { "retry-after": String(decision.retryAfter) },
        });
      }
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

export const GET = Object.assign(
  async (request: Request, context: unknown) => typedProblem(await handler(request, context)),
  { policy: handler.policy },
);
export const OPTIONS = preflight;
