// GET /api/v1/clients/{id} — contact, subscriptions, invoices summary, upcoming bookings.
import { withTokens } from "@/lib/auth/policy";
import { prisma } from "@/lib/db/prisma";
import { sqlite } from "@/lib/db/sqlite";
import { notAllowed, preflight, v1Read } from "@/lib/api/v1/http";
import { getApiClient } from "@/lib/api/v1/clients";
import { ApiError } from "@/lib/api/v1/problems";
import { clientIdParams, emptyQuery } from "@/lib/api/v1/schemas";

export const dynamic = "force-dynamic";

export const GET = v1Read(
  "v1.clients.get",
  withTokens("staff", "read"),
  { query: emptyQuery, params: clientIdParams },
  async (ctx) => {
    const client = await getApiClient(prisma(), sqlite(), ctx.params.id, ctx.scope.staffId, ctx.now);
    if (!client) throw new ApiError(404, "not-found", `Client ${ctx.params.id} does not exist.`);
    return { body: client };
  },
);
export const OPTIONS = preflight;
export const { POST, PUT, PATCH, DELETE } = notAllowed(["GET"]);
