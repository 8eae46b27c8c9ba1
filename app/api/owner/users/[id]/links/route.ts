// POST /api/owner/users/<id>/links — a new set-password link for an account (older unused ones stop working).
import { actorOf } from "@/lib/auth/principal";
import { peerAddress } from "@/lib/auth/peer";
import { makeSetPasswordLink } from "@/lib/auth/set-password";
import { asProblem, linkJson } from "@/lib/auth/set-password-http";
import { prisma } from "@/lib/db/prisma";
import { route } from "@/lib/http/handler";
import { HttpError } from "@/lib/http/problem";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const POST = route<Context>(
  "owner.users.link",
  "owner",
  async (request, context, principal) => {
    const { id } = await context.params;
    const meta = { actor: actorOf(principal), ip: peerAddress(request.headers), now: new Date() };
    const link = await asProblem(() => makeSetPasswordLink(prisma(), id, meta));
    if (!link) throw new HttpError(404, "No such account.");
    return Response.json(
      { email: link.email, link: linkJson(request, link) },
      { status: 201, headers: { "cache-control": "no-store" } },
    );
  },
  { bodyLimit: 1024 },
);
