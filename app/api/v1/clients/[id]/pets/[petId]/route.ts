// PATCH|DELETE /api/v1/clients/{id}/pets/{petId} — the owner changes or removes a pet (and its photo).
import { withTokens } from "@/lib/auth/policy";
import { prisma } from "@/lib/db/prisma";
import { notAllowed, preflight } from "@/lib/api/v1/http";
import { v1AsyncWrite } from "@/lib/api/v1/async-write";
import { petParams, petPatchBody } from "@/lib/api/v1/file-schemas";
import { deletePet, updatePet } from "@/lib/clients/pets";
import { callerOf, dataDir } from "@/lib/clients/v1";

export const dynamic = "force-dynamic";

export const PATCH = v1AsyncWrite(
  "v1.clients.pets.patch",
  withTokens("owner", "write"),
  { params: petParams, body: petPatchBody },
  async (ctx) => ({
    body: await updatePet(
      prisma(),
      ctx.params.id,
      ctx.params.petId,
      ctx.body,
      callerOf(ctx.principal, ctx.scope),
      ctx.now,
    ),
  }),
);

export const DELETE = v1AsyncWrite(
  "v1.clients.pets.delete",
  withTokens("owner", "write"),
  { params: petParams },
  async (ctx) => {
    await deletePet(
      prisma(),
      dataDir(),
      ctx.params.id,
      ctx.params.petId,
      callerOf(ctx.principal, ctx.scope),
      ctx.now,
    );
    return { status: 204 };
  },
);
export const OPTIONS = preflight;
export const { GET, POST, PUT } = notAllowed(["PATCH", "DELETE"]);
