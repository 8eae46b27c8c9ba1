// DELETE /api/sessions/<id> — the owner ends any user's session (it stops working at once).
import { actorOf } from "@/lib/auth/principal";
import { peerAddress } from "@/lib/auth/peer";
import { revokeSession } from "@/lib/auth/users";
import { prisma } from "@/lib/db/prisma";
import { route } from "@/lib/http/handler";
import { HttpError } from "@/lib/http/problem";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const DELETE = route<Context>("sessions.revoke", "owner", async (request, context, principal) => {
  const { id } = await context.params;
  const meta = { actor: actorOf(principal), ip: peerAddress(request.headers), now: new Date() };
  if (!(await revokeSession(prisma(), id, meta))) throw new HttpError(404, "No such session.");
  return new Response(null, { status: 204 });
});
