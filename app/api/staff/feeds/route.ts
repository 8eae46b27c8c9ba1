// POST /api/staff/feeds {scope: "staff", staffId} | {scope: "client", clientStripeId} — a new
// calendar feed link, shown once (only its hash is stored). A walker may make only their own
// staff feed (as in /api/v1); the owner any. The feed records who made it: disabling that
// account revokes it.
import { route, readJson } from "@/lib/http/handler";
import { HttpError } from "@/lib/http/problem";
import { config } from "@/lib/config";
import { sqlite } from "@/lib/db/sqlite";
import { createFeed, feedScopeSchema, feedUrl } from "@/lib/feeds/tokens";

export const dynamic = "force-dynamic";

export const POST = route("staff.feeds.create", "staff", async (request, _context, principal) => {
  const input = await readJson(request, feedScopeSchema);
  const owner = principal!.role === "owner";
  if (!owner && (input.scope !== "staff" || principal!.staffId !== input.staffId))
    throw new HttpError(403, "You can create a feed for your own schedule only.");
  try {
    const created = createFeed(sqlite(), input, new Date(), principal!.userId);
    return Response.json(
      { url: feedUrl(config().publicUrl, created.token), prefix: created.feed.prefix },
      { status: 201 },
    );
  } catch (error) {
    if (error instanceof Error && error.name === "UnknownTargetError")
      throw new HttpError(404, error.message);
    throw error;
  }
});
