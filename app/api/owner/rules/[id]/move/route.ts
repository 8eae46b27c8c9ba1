// POST /api/owner/rules/<id>/move {direction: "up"|"down"} — one place earlier/later in match order; re-derives.
import { z } from "zod";
import { sqlite } from "@/lib/db/sqlite";
import { readJson, route } from "@/lib/http/handler";
import { moveRule } from "@/lib/rules/editor";
import { failureResponse, idParam } from "@/lib/rules/editor-http";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };
const bodySchema = z.strictObject({ direction: z.enum(["up", "down"]) });

export const POST = route<Context>("owner.rules.move", "owner", async (request, context) => {
  const id = await idParam(context);
  const { direction } = await readJson(request, bodySchema);
  const result = moveRule(sqlite(), id, direction, new Date());
  return result.ok ? Response.json({ summary: result.summary }) : failureResponse(result);
});
