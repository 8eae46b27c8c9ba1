// POST /api/owner/feeds {scope, staffId?|clientStripeId?, label?} — a new feed; its URL, webcal
// link and who can open it. The token is also kept sealed, so the owner can show it again.
import { sqlite } from "@/lib/db/sqlite";
import { readJson, route } from "@/lib/http/handler";
import { HttpError } from "@/lib/http/problem";
import { feedOriginOf, issuedJson, NO_STORE } from "@/lib/feeds/http";
import { createOwnerFeed } from "@/lib/feeds/manage";
import { appFeedSealKey } from "@/lib/feeds/seal";
import { feedScopeSchema } from "@/lib/feeds/tokens";

export const dynamic = "force-dynamic";

export const POST = route("owner.feeds.create", "owner", async (request, _context, principal) => {
  const input = await readJson(request, feedScopeSchema);
  const where = feedOriginOf(request);
  try {
    const issued = createOwnerFeed(
      sqlite(),
      input,
      new Date(),
      where.origin,
      principal?.userId ?? null,
      appFeedSealKey(),
    );
    return Response.json(issuedJson(issued, where), { status: 201, headers: NO_STORE });
  } catch (error) {
    if (error instanceof Error && error.name === "UnknownTargetError") {
      const path = input.scope === "staff" ? "staffId" : "clientStripeId";
      throw new HttpError(422, error.message, [{ path, message: error.message }]);
    }
    throw error;
  }
});
