// GET /api/tokens — API tokens (never their values); POST — create one, its value shown once.
import { z } from "zod";
import { actorOf } from "@/lib/auth/principal";
import { peerAddress } from "@/lib/auth/peer";
import { createApiToken, listApiTokens, TOKEN_SCOPES } from "@/lib/auth/tokens";
import { AccountError } from "@/lib/auth/users";
import { prisma } from "@/lib/db/prisma";
import { readJson, route } from "@/lib/http/handler";
import { HttpError } from "@/lib/http/problem";

export const dynamic = "force-dynamic";

export const GET = route("tokens.list", "owner", async () =>
  Response.json({ tokens: await listApiTokens(prisma()) }, { headers: { "cache-control": "no-store" } }),
);

const bodySchema = z.object({
  name: z.string(),
  scope: z.enum(TOKEN_SCOPES),
  staffId: z.number().int().positive().optional(),
});

export const POST = route("tokens.create", "owner", async (request, _context, principal) => {
  const body = await readJson(request, bodySchema);
  const meta = {
    actor: actorOf(principal),
    ip: peerAddress(request.headers),
    now: new Date(),
    // The signed-in owner's token is theirs (a walker's token is the walker's account's).
    createdByUserId: principal?.userId ?? undefined,
  };
  try {
    const created = await createApiToken(prisma(), body, meta);
    return Response.json(created, { status: 201, headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof AccountError) {
      throw new HttpError(422, error.message, [{ path: error.field ?? "", message: error.message }]);
    }
    throw error;
  }
});
