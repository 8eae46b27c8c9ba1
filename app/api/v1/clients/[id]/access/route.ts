// PUT /api/v1/clients/{id}/access — the owner sets the client's access notes (sealed at rest;
// the answer only says whether notes are stored).
import { withTokens } from "@/lib/auth/policy";
import { prisma } from "@/lib/db/prisma";
import { notAllowed, preflight } from "@/lib/api/v1/http";
import { v1AsyncWrite } from "@/lib/api/v1/async-write";
import { accessBody, fileParams } from "@/lib/api/v1/file-schemas";
import { setAccess } from "@/lib/clients/edits";
import { callerOf } from "@/lib/clients/v1";

export const dynamic = "force-dynamic";

export const PUT = v1AsyncWrite(
  "v1.clients.access.put",
  withTokens("owner", "write"),
  { params: fileParams, body: accessBody },
  async (ctx) => ({
    body: await setAccess(prisma(), ctx.params.id, ctx.body, callerOf(ctx.principal, ctx.scope), ctx.now),
    headers: { "cache-control": "no-store" },
  }),
  // The stored answer holds no secret, but the request did: keep nothing of it.
  { remember: false },
);
export const OPTIONS = preflight;
export const { GET, POST, PATCH, DELETE } = notAllowed(["PUT"]);
