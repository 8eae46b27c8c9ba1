// GET /api/v1/schedule?date=&days= — a day or week, one column per walker plus unassigned.
import { withTokens } from "@/lib/auth/policy";
import { prisma } from "@/lib/db/prisma";
import { sqlite } from "@/lib/db/sqlite";
import { notAllowed, preflight, v1Read } from "@/lib/api/v1/http";
import { schedule } from "@/lib/api/v1/catalog";
import { scheduleQuery } from "@/lib/api/v1/schemas";

export const dynamic = "force-dynamic";

export const GET = v1Read(
  "v1.schedule",
  withTokens("staff", "read"),
  { query: scheduleQuery },
  async (ctx) => ({
    body: await schedule(prisma(), sqlite(), { ...ctx.query, staffScope: ctx.scope.staffId, now: ctx.now }),
  }),
);
export const OPTIONS = preflight;
export const { POST, PUT, PATCH, DELETE } = notAllowed(["GET"]);
