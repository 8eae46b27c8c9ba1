// GET /api/v1/openapi.json — the OpenAPI 3.1 document, generated from the routes' zod schemas.
import { notAllowed, v1Route } from "@/lib/api/v1/http";
import { openApiDocument } from "@/lib/api/v1/openapi";

export const dynamic = "force-dynamic";

export const GET = v1Route("v1.openapi", { access: "public" }, async () =>
  Response.json(openApiDocument(), {
    headers: { "cache-control": "no-cache", "access-control-allow-origin": "*" },
  }),
);
export const { POST, PUT, PATCH, DELETE } = notAllowed(["GET"]);
