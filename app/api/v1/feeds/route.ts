// POST /api/v1/feeds — create the caller's own calendar feed (its URL is shown once).
import { withTokens } from "@/lib/auth/policy";
import { sqlite } from "@/lib/db/sqlite";
import { notAllowed, preflight, v1Write } from "@/lib/api/v1/http";
import { createOwnFeed } from "@/lib/api/v1/writes";
import { feedCreateBody } from "@/lib/api/v1/schemas";

export const dynamic = "force-dynamic";

export const POST = v1Write(
  "v1.feeds.create",
  withTokens("staff", "write"),
  { body: feedCreateBody },
  (ctx) => createOwnFeed(sqlite(), { body: ctx.body, scope: ctx.scope, now: ctx.now }),
);
export const OPTIONS = preflight;
export const { GET, PUT, PATCH, DELETE } = notAllowed(["POST"]);
