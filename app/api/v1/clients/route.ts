// GET /api/v1/clients — clients searched by name, email or phone, cursor-paginated.
import { withTokens } from "@/lib/auth/policy";
import { sqlite } from "@/lib/db/sqlite";
import { notAllowed, preflight, v1Read } from "@/lib/api/v1/http";
import { listApiClients } from "@/lib/api/v1/clients";
import { clientListQuery } from "@/lib/api/v1/schemas";

export const dynamic = "force-dynamic";

export const GET = v1Read(
  "v1.clients.list",
  withTokens("staff", "read"),
  { query: clientListQuery },
  (ctx) => ({
    body: listApiClients(sqlite(), ctx.query, ctx.scope.staffId),
  }),
);
export const OPTIONS = preflight;
export const { POST, PUT, PATCH, DELETE } = notAllowed(["GET"]);
