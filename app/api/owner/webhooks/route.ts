// GET /api/owner/webhooks?status=&page= — the stored Stripe events, newest first, 25 a page.
import { prisma } from "@/lib/db/prisma";
import { route } from "@/lib/http/handler";
import { listWebhookEvents, webhookLogQuerySchema } from "@/lib/webhooks/admin-log";

export const dynamic = "force-dynamic";

export const GET = route("owner.webhooks.list", "owner", async (request) => {
  const query = webhookLogQuerySchema.strict().parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await listWebhookEvents(prisma(), query), {
    headers: { "cache-control": "no-store" },
  });
});
