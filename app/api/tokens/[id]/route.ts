// DELETE /api/tokens/<id> — revoke an API token; it is refused (401) from then on.
import { z } from "zod";
import { actorOf } from "@/lib/auth/principal";
import { peerAddress } from "@/lib/auth/peer";
import { revokeApiToken } from "@/lib/auth/tokens";
import { prisma } from "@/lib/db/prisma";
import { route } from "@/lib/http/handler";
import { HttpError } from "@/lib/http/problem";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const DELETE = route<Context>("tokens.revoke", "owner", async (request, context, principal) => {
  const id = z.coerce
    .number()
    .int()
    .positive()
    .parse((await context.params).id);
  const meta = { actor: actorOf(principal), ip: peerAddress(request.headers), now: new Date() };
  if (!(await revokeApiToken(prisma(), id, meta))) throw new HttpError(404, "No such active token.");
  return new Response(null, { status: 204 });
});
