// POST /api/v1/clients/{id}/pets — the owner adds a pet to the client's file.
import { withTokens } from "@/lib/auth/policy";
import { prisma } from "@/lib/db/prisma";
import { notAllowed, preflight } from "@/lib/api/v1/http";
import { v1AsyncWrite } from "@/lib/api/v1/async-write";
import { fileParams, petCreateBody } from "@/lib/api/v1/file-schemas";
import { createPet } from "@/lib/clients/pets";
import { callerOf } from "@/lib/clients/v1";

export const dynamic = "force-dynamic";

export const POST = v1AsyncWrite(
  "v1.clients.pets.create",
  withTokens("owner", "write"),
  { params: fileParams, body: petCreateBody },
  async (ctx) => ({
    status: 201,
    body: await createPet(prisma(), ctx.params.id, ctx.body, callerOf(ctx.principal, ctx.scope), ctx.now),
  }),
);
export const OPTIONS = preflight;
export const { GET, PUT, PATCH, DELETE } = notAllowed(["POST"]);
