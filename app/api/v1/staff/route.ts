// GET /api/v1/staff — every walker (active and not).
import { withTokens } from "@/lib/auth/policy";
import { prisma } from "@/lib/db/prisma";
import { notAllowed, preflight, v1Read } from "@/lib/api/v1/http";
import { listApiStaff } from "@/lib/api/v1/catalog";
import { emptyQuery } from "@/lib/api/v1/schemas";

export const dynamic = "force-dynamic";

export const GET = v1Read("v1.staff.list", withTokens("staff", "read"), { query: emptyQuery }, async () => ({
  body: { data: await listApiStaff(prisma()), nextCursor: null, hasMore: false },
}));
export const OPTIONS = preflight;
export const { POST, PUT, PATCH, DELETE } = notAllowed(["GET"]);
