// PUT /api/owner/rules/<id> {rule, expect?} — replace a rule whole and re-derive in one transaction.
import { z } from "zod";
import { sqlite } from "@/lib/db/sqlite";
import { readJson, route } from "@/lib/http/handler";
import { saveRuleSafely } from "@/lib/rules/editor";
import { failureResponse, idParam } from "@/lib/rules/editor-http";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };
const bodySchema = z.strictObject({ rule: z.unknown(), expect: z.string().min(1).optional() });

export const PUT = route<Context>("owner.rules.replace", "owner", async (request, context) => {
  const ruleId = await idParam(context);
  const body = await readJson(request, bodySchema);
  const result = saveRuleSafely(sqlite(), { ...body, ruleId }, new Date());
  if (!result.ok) return failureResponse(result);
  return Response.json({ rule: result.rule, summary: result.summary });
});
