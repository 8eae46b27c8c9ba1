// GET /api/v1/me — who the token or session is: role, scope, linked walker.
import { withTokens } from "@/lib/auth/policy";
import { prisma } from "@/lib/db/prisma";
import { notAllowed, preflight, v1Read } from "@/lib/api/v1/http";
import { me } from "@/lib/api/v1/catalog";
import { emptyQuery } from "@/lib/api/v1/schemas";

export const dynamic = "force-dynamic";

export const GET = v1Read("v1.me", withTokens("staff", "read"), { query: emptyQuery }, async (ctx) => ({
  body: await me(prisma(), ctx.principal, ctx.scope),
}));
export const OPTIONS = preflight;
export const { POST, PUT, PATCH, DELETE } = notAllowed(["GET"]);
