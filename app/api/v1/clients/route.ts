// GET /api/v1/clients — clients searched by name, email or phone, cursor-paginated.
import { withTokens } from "@/lib/auth/policy";
import { prisma } from "@/lib/db/prisma";
import { preflight, v1Read } from "@/lib/api/v1/http";
import { listApiClients } from "@/lib/api/v1/clients";
import { clientListQuery } from "@/lib/api/v1/schemas";

export const dynamic = "force-dynamic";

export const GET = v1Read(
  "v1.clients.list",
  withTokens("staff", "read"),
  { query: clientListQuery },
  async (ctx) => ({
    body: await listApiClients(prisma(), ctx.query, ctx.scope.staffId),
  }),
);
export const OPTIONS = preflight;
