// POST /api/owner/rules/preview {ruleId?, rule} — what saving would do: counts, samples, fingerprint; writes nothing.
import { z } from "zod";
import { sqlite } from "@/lib/db/sqlite";
import { readJson, route } from "@/lib/http/handler";
import { previewRuleSave } from "@/lib/rules/editor";
import { failureResponse } from "@/lib/rules/editor-http";

export const dynamic = "force-dynamic";

const bodySchema = z.strictObject({ ruleId: z.number().int().positive().optional(), rule: z.unknown() });

export const POST = route("owner.rules.preview", "owner", async (request) => {
  const body = await readJson(request, bodySchema);
  const result = previewRuleSave(sqlite(), body, new Date());
  return result.ok ? Response.json(result.preview) : failureResponse(result);
});
