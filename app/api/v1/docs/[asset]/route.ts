// GET /api/v1/docs/{asset} — Swagger UI's files from node_modules (no CDN).
import { notAllowed, v1Route } from "@/lib/api/v1/http";
import { HttpError } from "@/lib/http/problem";
import { docsAsset } from "@/lib/api/v1/docs-page";

export const dynamic = "force-dynamic";

export const GET = v1Route(
  "v1.docs.asset",
  { access: "public" },
  async (_request, context: { params: Promise<{ asset: string }> }) => {
    const asset = await docsAsset((await context.params).asset);
    if (!asset) throw new HttpError(404, "No such file.");
    return new Response(asset.body, {
      headers: { "content-type": asset.type, "cache-control": "public, max-age=3600" },
    });
  },
);
export const { POST, PUT, PATCH, DELETE } = notAllowed(["GET"]);
