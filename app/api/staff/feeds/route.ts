// POST /api/staff/feeds {scope: "staff", staffId} | {scope: "client", clientStripeId} — a new
// calendar feed link and who can open it (kept sealed: the owner can show it again). A walker
// may make only their own staff feed (as in /api/v1); the owner any. The feed records who made
// it: disabling that account revokes it.
import { route, readJson } from "@/lib/http/handler";
import { HttpError } from "@/lib/http/problem";
import { sqlite } from "@/lib/db/sqlite";
import { feedOriginOf, issuedJson, NO_STORE } from "@/lib/feeds/http";
import { createOwnerFeed } from "@/lib/feeds/manage";
import { appFeedSealKey } from "@/lib/feeds/seal";
import { feedScopeSchema } from "@/lib/feeds/tokens";

export const dynamic = "force-dynamic";

export const POST = route("staff.feeds.create", "staff", async (request, _context, principal) => {
  const input = await readJson(request, feedScopeSchema);
  const owner = principal!.role === "owner";
  if (!owner && (input.scope !== "staff" || principal!.staffId !== input.staffId))
    throw new HttpError(403, "You can create a feed for your own schedule only.");
  try {
    const where = feedOriginOf(request);
    const issued = createOwnerFeed(
      sqlite(),
      input,
      new Date(),
      where.origin,
      principal!.userId,
      appFeedSealKey(),
    );
    const { url, webcal, reach, warning } = issuedJson(issued, where);
    return Response.json(
      { id: issued.feed.id, url, webcal, prefix: issued.feed.prefix, reach, warning },
      { status: 201, headers: NO_STORE },
    );
  } catch (error) {
    if (error instanceof Error && error.name === "UnknownTargetError")
      throw new HttpError(404, error.message);
    throw error;
  }
});
