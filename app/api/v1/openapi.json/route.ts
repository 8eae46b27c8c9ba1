// GET /api/v1/openapi.json — the OpenAPI 3.1 document, generated from the routes' zod schemas.
import { route } from "@/lib/http/handler";
import { openApiDocument } from "@/lib/api/v1/openapi";

export const dynamic = "force-dynamic";

export const GET = route("v1.openapi", "public", async () =>
  Response.json(openApiDocument(), {
    headers: { "cache-control": "no-cache", "access-control-allow-origin": "*" },
  }),
);
