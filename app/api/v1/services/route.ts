// GET /api/v1/services — what the active rules offer.
import { withTokens } from "@/lib/auth/policy";
import { sqlite } from "@/lib/db/sqlite";
import { notAllowed, preflight, v1Read } from "@/lib/api/v1/http";
import { listServices } from "@/lib/api/v1/catalog";
import { emptyQuery } from "@/lib/api/v1/schemas";

export const dynamic = "force-dynamic";

export const GET = v1Read("v1.services.list", withTokens("staff", "read"), { query: emptyQuery }, () => ({
  body: { data: listServices(sqlite()), nextCursor: null, hasMore: false },
}));
export const OPTIONS = preflight;
export const { POST, PUT, PATCH, DELETE } = notAllowed(["GET"]);
