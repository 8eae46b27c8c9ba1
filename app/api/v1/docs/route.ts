// GET /api/v1/docs — the human API reference (Swagger UI, served offline).
import { route } from "@/lib/http/handler";
import { docsHtml, nonceOf } from "@/lib/api/v1/docs-page";

export const dynamic = "force-dynamic";

export const GET = route(
  "v1.docs",
  "public",
  async (request) =>
    new Response(docsHtml(nonceOf(request)), {
      headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
    }),
);
