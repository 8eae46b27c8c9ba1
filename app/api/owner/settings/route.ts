// PUT /api/owner/settings {settings, expect?} — save the General settings; re-derives in the same transaction when needed.
import { z } from "zod";
import { sqlite } from "@/lib/db/sqlite";
import { readJson, route } from "@/lib/http/handler";
import { staleResponse } from "@/lib/rules/editor-http";
import { applySettingsChange, serverGeneralSettingsSchema } from "@/lib/settings-preview";

export const dynamic = "force-dynamic";

const bodySchema = z.strictObject({
  settings: serverGeneralSettingsSchema,
  /** The preview's fingerprint the owner saw (null: they saw that nothing re-derives). */
  expect: z.string().min(1).nullable().optional(),
});

export const PUT = route("owner.settings.save", "owner", async (request) => {
  const body = await readJson(request, bodySchema);
  const result = applySettingsChange(sqlite(), body.settings, new Date(), body.expect);
  if (!result.ok) return staleResponse(result.preview);
  return Response.json({ settings: result.settings, summary: result.summary });
});
