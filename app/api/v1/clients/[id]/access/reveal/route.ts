// POST /api/v1/clients/{id}/access/reveal — the access notes in plain text for the owner or a
// walker with a visit for the client within today ± 1; audited, never cached or remembered.
import { withTokens } from "@/lib/auth/policy";
import { peerAddress } from "@/lib/auth/peer";
import { prisma } from "@/lib/db/prisma";
import { notAllowed, preflight } from "@/lib/api/v1/http";
import { v1AsyncWrite } from "@/lib/api/v1/async-write";
import { fileParams } from "@/lib/api/v1/file-schemas";
import { revealAccess } from "@/lib/clients/edits";

export const dynamic = "force-dynamic";

export const POST = v1AsyncWrite(
  "v1.clients.access.reveal",
  withTokens("staff", "write"),
  { params: fileParams },
  async (ctx) => {
    const notes = await revealAccess(prisma(), ctx.params.id, ctx.principal, ctx.now, {
      ip: peerAddress(ctx.request.headers),
    });
    return {
      body: { notes, revealedAt: ctx.now.toISOString() },
      headers: { "cache-control": "no-store" },
    };
  },
  { remember: false },
);
export const OPTIONS = preflight;
export const { GET, PUT, PATCH, DELETE } = notAllowed(["POST"]);
