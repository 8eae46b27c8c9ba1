// POST /api/owner/rules/<id>/active {active} — activate or deactivate a rule; re-derives.
import { z } from "zod";
import { sqlite } from "@/lib/db/sqlite";
import { readJson, route } from "@/lib/http/handler";
import { setRuleActive } from "@/lib/rules/editor";
import { failureResponse, idParam } from "@/lib/rules/editor-http";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };
const bodySchema = z.strictObject({ active: z.boolean() });

export const POST = route<Context>("owner.rules.active", "owner", async (request, context) => {
  const id = await idParam(context);
  const { active } = await readJson(request, bodySchema);
  const result = setRuleActive(sqlite(), id, active, new Date());
  if (!result.ok)
    return failureResponse({ kind: result.notFound ? "not-found" : "invalid", errors: result.errors });
  return Response.json({ summary: result.summary });
});
