// POST /api/owner/rules {rule, expect?} — create a rule and re-derive in one transaction (409 if the preview is stale).
import { z } from "zod";
import { sqlite } from "@/lib/db/sqlite";
import { readJson, route } from "@/lib/http/handler";
import { saveRuleSafely } from "@/lib/rules/editor";
import { failureResponse } from "@/lib/rules/editor-http";

export const dynamic = "force-dynamic";

const bodySchema = z.strictObject({ rule: z.unknown(), expect: z.string().min(1).optional() });

export const POST = route("owner.rules.create", "owner", async (request) => {
  const body = await readJson(request, bodySchema);
  const result = saveRuleSafely(sqlite(), body, new Date());
  if (!result.ok) return failureResponse(result);
  return Response.json({ rule: result.rule, summary: result.summary }, { status: 201 });
});
