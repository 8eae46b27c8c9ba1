// GET|PUT|DELETE /api/v1/clients/{id}/pets/{petId}/photo — a pet's photo: served to signed-in
// callers who may see the client's file (private, never sniffed), uploaded (raw image bytes,
// JPEG/PNG/WebP by content, at most 5 MB) and removed by the owner.
import { withTokens } from "@/lib/auth/policy";
import { prisma } from "@/lib/db/prisma";
import { etagMatches, notAllowed, preflight, v1Route } from "@/lib/api/v1/http";
import { v1AsyncWrite } from "@/lib/api/v1/async-write";
import { ApiError, apiErrorResponse, validationError } from "@/lib/api/v1/problems";
import { petParams, photoQuery } from "@/lib/api/v1/file-schemas";
import { MAX_PHOTO_BYTES } from "@/lib/clients/forms";
import { deletePetPhoto, petPhoto, setPetPhoto } from "@/lib/clients/pets";
import { detectPhotoType } from "@/lib/clients/photos";
import { callerOf, dataDir } from "@/lib/clients/v1";

export const dynamic = "force-dynamic";

type Params = { params: Promise<Record<string, string | string[] | undefined>> };

export const GET = v1Route<Params>(
  "v1.clients.pets.photo.get",
  withTokens("staff", "read"),
  async (request, context, principal) => {
    try {
      if (!principal) throw new ApiError(401, "unauthenticated", "Sign in or send an API token.");
      const params = petParams.safeParse(await context.params);
      if (!params.success) throw validationError(params.error, "path");
      const query = photoQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
      if (!query.success) throw validationError(query.error, "query");
      const photo = await petPhoto(
        prisma(),
        dataDir(),
        params.data.id,
        params.data.petId,
        principal,
        new Date(),
      );
      const headers = {
        etag: `"${photo.file.replace(/\..*$/, "")}"`,
        "cache-control": "private, no-cache",
        "x-content-type-options": "nosniff",
        "content-security-policy": "default-src 'none'; sandbox",
      };
      if (etagMatches(request.headers.get("if-none-match"), headers.etag)) {
        return new Response(null, { status: 304, headers });
      }
      return new Response(new Uint8Array(photo.bytes), {
        status: 200,
        headers: { ...headers, "content-type": photo.type, "content-length": String(photo.bytes.length) },
      });
    } catch (error) {
      if (error instanceof ApiError) return apiErrorResponse(error);
      throw error;
    }
  },
);

export const PUT = v1AsyncWrite(
  "v1.clients.pets.photo.put",
  withTokens("owner", "write"),
  { params: petParams, raw: true },
  async (ctx) => {
    const type = detectPhotoType(ctx.bytes);
    if (!type) {
      throw new ApiError(
        415,
        "unsupported-media-type",
        "The photo must be a JPEG, PNG or WebP image (its content is checked, not its name or Content-Type).",
      );
    }
    return {
      body: await setPetPhoto(
        prisma(),
        dataDir(),
        ctx.params.id,
        ctx.params.petId,
        { bytes: ctx.bytes, type },
        callerOf(ctx.principal, ctx.scope),
        ctx.now,
      ),
    };
  },
  // A retry of an upload stores the same bytes again under a new name: nothing to remember.
  { bodyLimit: MAX_PHOTO_BYTES, remember: false },
);

export const DELETE = v1AsyncWrite(
  "v1.clients.pets.photo.delete",
  withTokens("owner", "write"),
  { params: petParams },
  async (ctx) => {
    await deletePetPhoto(
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
export const { POST, PATCH } = notAllowed(["GET", "PUT", "DELETE"]);
