// DELETE /api/v1/feeds/{id} — revoke one of the caller's own calendar feeds.
import { withTokens } from "@/lib/auth/policy";
import { sqlite } from "@/lib/db/sqlite";
import { notAllowed, preflight, v1Write } from "@/lib/api/v1/http";
import { revokeOwnFeed } from "@/lib/api/v1/writes";
import { feedIdParams } from "@/lib/api/v1/schemas";

export const dynamic = "force-dynamic";

export const DELETE = v1Write(
  "v1.feeds.revoke",
  withTokens("staff", "write"),
  { params: feedIdParams },
  (ctx) => revokeOwnFeed(sqlite(), { id: ctx.params.id, scope: ctx.scope, now: ctx.now }),
);
export const OPTIONS = preflight;
export const { GET, POST, PUT, PATCH } = notAllowed(["DELETE"]);
