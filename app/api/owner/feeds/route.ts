// POST /api/owner/feeds {scope, staffId?|clientStripeId?, label?} — a new feed; its URL, webcal link (shown once).
import { config } from "@/lib/config";
import { sqlite } from "@/lib/db/sqlite";
import { readJson, route } from "@/lib/http/handler";
import { HttpError } from "@/lib/http/problem";
import { createOwnerFeed } from "@/lib/feeds/manage";
import { feedScopeSchema } from "@/lib/feeds/tokens";

export const dynamic = "force-dynamic";

export const POST = route("owner.feeds.create", "owner", async (request, _context, principal) => {
  const input = await readJson(request, feedScopeSchema);
  try {
    const issued = createOwnerFeed(
      sqlite(),
      input,
      new Date(),
      config().publicUrl,
      principal?.userId ?? null,
    );
    return Response.json(issued, { status: 201 });
  } catch (error) {
    if (error instanceof Error && error.name === "UnknownTargetError") {
      const path = input.scope === "staff" ? "staffId" : "clientStripeId";
      throw new HttpError(422, error.message, [{ path, message: error.message }]);
    }
    throw error;
  }
});
