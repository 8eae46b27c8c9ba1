// GET|PATCH /api/v1/clients/{id}/file — the client's file (address, pets, emergency contact;
// never the access notes), and the owner's changes to the address override and emergency contact.
import { withTokens } from "@/lib/auth/policy";
import { prisma } from "@/lib/db/prisma";
import { notAllowed, preflight, v1Read } from "@/lib/api/v1/http";
import { v1AsyncWrite } from "@/lib/api/v1/async-write";
import { ApiError } from "@/lib/api/v1/problems";
import { emptyQuery } from "@/lib/api/v1/schemas";
import { fileParams, filePatchBody } from "@/lib/api/v1/file-schemas";
import { clientFile } from "@/lib/clients/file";
import { patchFile } from "@/lib/clients/edits";
import { callerOf } from "@/lib/clients/v1";

export const dynamic = "force-dynamic";

export const GET = v1Read(
  "v1.clients.file.get",
  withTokens("staff", "read"),
  { query: emptyQuery, params: fileParams },
  async (ctx) => {
    const file = await clientFile(prisma(), ctx.params.id, ctx.principal, ctx.now);
    if (!file)
      throw new ApiError(
        404,
        "not-found",
        `Client ${ctx.params.id} does not exist (or is not yours to see).`,
      );
    return { body: file, headers: { "cache-control": "private, no-cache" } };
  },
);

export const PATCH = v1AsyncWrite(
  "v1.clients.file.patch",
  withTokens("owner", "write"),
  { params: fileParams, body: filePatchBody },
  async (ctx) => {
    await patchFile(prisma(), ctx.params.id, ctx.body, callerOf(ctx.principal, ctx.scope), ctx.now);
    return { body: await clientFile(prisma(), ctx.params.id, ctx.principal, ctx.now) };
  },
);
export const OPTIONS = preflight;
export const { POST, PUT, DELETE } = notAllowed(["GET", "PATCH"]);
