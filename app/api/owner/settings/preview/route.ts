// POST /api/owner/settings/preview {settings} — which changes re-derive bookings and what that would do; writes nothing.
import { z } from "zod";
import { sqlite } from "@/lib/db/sqlite";
import { readJson, route } from "@/lib/http/handler";
import { previewSettingsChange, serverGeneralSettingsSchema } from "@/lib/settings-preview";

export const dynamic = "force-dynamic";

const bodySchema = z.strictObject({ settings: serverGeneralSettingsSchema });

export const POST = route("owner.settings.preview", "owner", async (request) => {
  const { settings } = await readJson(request, bodySchema);
  return Response.json(previewSettingsChange(sqlite(), settings, new Date()));
});
