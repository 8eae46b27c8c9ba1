// POST /api/owner/webhooks/retry {id} | {all: true} — failed events back to the worker, which applies each once.
import { z } from "zod";
import { prisma } from "@/lib/db/prisma";
import { readJson, route } from "@/lib/http/handler";
import { HttpError } from "@/lib/http/problem";
import { retryWebhookEvents } from "@/lib/webhooks/admin-log";
import { scheduleWebhookProcessing } from "@/lib/webhooks/worker";

export const dynamic = "force-dynamic";

const bodySchema = z.union([
  z.object({ id: z.number().int().positive() }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);

export const POST = route("owner.webhooks.retry", "owner", async (request) => {
  const body = await readJson(request, bodySchema);
  const outcome = await retryWebhookEvents(prisma(), body);
  if ("reason" in outcome && outcome.reason === "not_found")
    throw new HttpError(404, "No such webhook event.");
  if ("reason" in outcome && outcome.reason === "not_failed")
    throw new HttpError(409, "Only failed events can be retried; this one is not failed.");
  if (outcome.retried > 0) scheduleWebhookProcessing();
  return Response.json(outcome);
});
