// POST /api/owner/feeds/<id>/link — show an active feed's link again (owner only, audited like
// other secrets), from its sealed token: re-sending a link never needs a rotation. POST, not GET:
// it reveals a secret and writes an audit row, so no prefetch or cross-site link may trigger it.
import { recordAudit } from "@/lib/auth/audit";
import { peerAddress } from "@/lib/auth/peer";
import { actorOf } from "@/lib/auth/principal";
import { prisma } from "@/lib/db/prisma";
import { sqlite } from "@/lib/db/sqlite";
import { route } from "@/lib/http/handler";
import { HttpError } from "@/lib/http/problem";
import { feedOriginOf, issuedJson, NO_STORE } from "@/lib/feeds/http";
import { FeedNotSealedError, showFeedLink } from "@/lib/feeds/manage";
import { appFeedSealKey, FeedSealError } from "@/lib/feeds/seal";
import { FeedNotFoundError } from "@/lib/feeds/tokens";
import { idParam } from "@/lib/rules/editor-http";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const POST = route<Context>(
  "owner.feeds.link",
  "owner",
  async (request, context, principal) => {
    const id = await idParam(context, "feed");
    const where = feedOriginOf(request);
    const now = new Date();
    let issued;
    try {
      issued = showFeedLink(sqlite(), id, where.origin, appFeedSealKey());
    } catch (error) {
      if (error instanceof FeedNotFoundError) throw new HttpError(404, error.message);
      if (error instanceof FeedNotSealedError || error instanceof FeedSealError)
        throw new HttpError(409, error.message);
      throw error;
    }
    await recordAudit(prisma(), {
      type: "feed-link-shown",
      actor: actorOf(principal),
      target: `feed ${id}`,
      ip: peerAddress(request.headers),
      detail: { feedId: id, prefix: issued.feed.prefix, scope: issued.feed.scope },
      at: now,
    });
    return Response.json(issuedJson(issued, where), { headers: NO_STORE });
  },
  { bodyLimit: 1024 },
);
