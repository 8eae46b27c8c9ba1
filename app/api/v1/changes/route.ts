// GET /api/v1/changes?cursor=&limit= — bookings and clients changed in the caller's scope since the cursor.
import { withTokens } from "@/lib/auth/policy";
import { sqlite } from "@/lib/db/sqlite";
import { notAllowed, preflight, v1Read } from "@/lib/api/v1/http";
import { listChanges } from "@/lib/api/v1/changes";
import { changesQuery } from "@/lib/api/v1/changes-schemas";

export const dynamic = "force-dynamic";

export const GET = v1Read("v1.changes", withTokens("staff", "read"), { query: changesQuery }, (ctx) => ({
  body: listChanges(sqlite(), ctx.query, ctx.scope.staffId),
}));
export const OPTIONS = preflight;
export const { POST, PUT, PATCH, DELETE } = notAllowed(["GET"]);
