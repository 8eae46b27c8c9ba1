// GET /api/v1/docs — the human API reference (Swagger UI, served offline).
import { notAllowed, v1Route } from "@/lib/api/v1/http";
import { docsHtml, nonceOf } from "@/lib/api/v1/docs-page";

export const dynamic = "force-dynamic";

export const GET = v1Route(
  "v1.docs",
  { access: "public" },
  async (request) =>
    new Response(docsHtml(nonceOf(request)), {
      headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
    }),
);
export const { POST, PUT, PATCH, DELETE } = notAllowed(["GET"]);
