// DELETE /api/owner/feeds/<id> — revoke a feed: its URL answers 404 from now on.
import { sqlite } from "@/lib/db/sqlite";
import { route } from "@/lib/http/handler";
import { HttpError } from "@/lib/http/problem";
import { revokeFeedById } from "@/lib/feeds/manage";
import { FeedNotFoundError } from "@/lib/feeds/tokens";
import { idParam } from "@/lib/rules/editor-http";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const DELETE = route<Context>("owner.feeds.revoke", "owner", async (_request, context) => {
  const id = await idParam(context, "feed");
  try {
    return Response.json({ feed: revokeFeedById(sqlite(), id, new Date()) });
  } catch (error) {
    if (error instanceof FeedNotFoundError) throw new HttpError(404, error.message);
    throw error;
  }
});
