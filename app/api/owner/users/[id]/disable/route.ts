// POST /api/owner/users/<id>/disable — disables an account and ends its sessions, tokens, phones and feeds.
import { actorOf } from "@/lib/auth/principal";
import { peerAddress } from "@/lib/auth/peer";
import { disableUser } from "@/lib/auth/users";
import { prisma } from "@/lib/db/prisma";
import { route } from "@/lib/http/handler";
import { HttpError } from "@/lib/http/problem";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const POST = route<Context>(
  "owner.users.disable",
  "owner",
  async (request, context, principal) => {
    const { id } = await context.params;
    const user = await prisma().user.findUnique({ where: { id }, select: { email: true } });
    if (!user) throw new HttpError(404, "No such account.");
    // The owner locking themselves out from a screen is never what was meant (the CLI can).
    if (principal?.userId === id) throw new HttpError(409, "You cannot disable your own account here.");
    const meta = { actor: actorOf(principal), ip: peerAddress(request.headers), now: new Date() };
    return Response.json(await disableUser(prisma(), user.email, meta));
  },
  { bodyLimit: 1024 },
);
