// POST /api/owner/feeds/<id>/rotate — a new URL for the feed; the old one answers 404 at once,
// and the sealed copy is the new token's.
import { sqlite } from "@/lib/db/sqlite";
import { route } from "@/lib/http/handler";
import { HttpError } from "@/lib/http/problem";
import { feedOriginOf, issuedJson, NO_STORE } from "@/lib/feeds/http";
import { rotateFeed } from "@/lib/feeds/manage";
import { appFeedSealKey } from "@/lib/feeds/seal";
import { FeedNotFoundError } from "@/lib/feeds/tokens";
import { idParam } from "@/lib/rules/editor-http";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const POST = route<Context>("owner.feeds.rotate", "owner", async (request, context) => {
  const id = await idParam(context, "feed");
  const where = feedOriginOf(request);
  try {
    const issued = rotateFeed(sqlite(), id, new Date(), where.origin, appFeedSealKey());
    return Response.json(issuedJson(issued, where), { headers: NO_STORE });
  } catch (error) {
    if (error instanceof FeedNotFoundError) throw new HttpError(404, error.message);
    throw error;
  }
});
