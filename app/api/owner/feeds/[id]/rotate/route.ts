// POST /api/owner/feeds/<id>/rotate — a new URL for the feed; the old one answers 404 at once.
import { config } from "@/lib/config";
import { sqlite } from "@/lib/db/sqlite";
import { route } from "@/lib/http/handler";
import { HttpError } from "@/lib/http/problem";
import { rotateFeed } from "@/lib/feeds/manage";
import { FeedNotFoundError } from "@/lib/feeds/tokens";
import { idParam } from "@/lib/rules/editor-http";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const POST = route<Context>("owner.feeds.rotate", "owner", async (_request, context) => {
  const id = await idParam(context, "feed");
  try {
    return Response.json(rotateFeed(sqlite(), id, new Date(), config().publicUrl));
  } catch (error) {
    if (error instanceof FeedNotFoundError) throw new HttpError(404, error.message);
    throw error;
  }
});
