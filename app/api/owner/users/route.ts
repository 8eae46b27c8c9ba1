// POST /api/owner/users — the owner adds an account (no password) and gets its set-password link once.
import { actorOf } from "@/lib/auth/principal";
import { peerAddress } from "@/lib/auth/peer";
import { createAccountWithLink } from "@/lib/auth/set-password";
import { accountFormSchema } from "@/lib/auth/set-password-form";
import { asProblem, linkJson } from "@/lib/auth/set-password-http";
import { prisma } from "@/lib/db/prisma";
import { readJson, route } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

export const POST = route(
  "owner.users.create",
  "owner",
  async (request, _context, principal) => {
    const form = await readJson(request, accountFormSchema);
    const meta = { actor: actorOf(principal), ip: peerAddress(request.headers), now: new Date() };
    const created = await asProblem(() => createAccountWithLink(prisma(), form, meta));
    return Response.json(
      {
        user: { id: created.id, email: created.email, role: created.role, staffId: created.staffId },
        link: linkJson(request, created.link),
      },
      { status: 201, headers: { "cache-control": "no-store" } },
    );
  },
  { bodyLimit: 16 * 1024 },
);
