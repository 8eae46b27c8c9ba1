// GET /api/owner/stripe/status — key mode, account (asked of Stripe, cached 5 min; ?refresh=1 asks now), webhooks.
import { z } from "zod";
import { config } from "@/lib/config";
import { prisma } from "@/lib/db/prisma";
import { route } from "@/lib/http/handler";
import { stripeStatus } from "@/lib/stripe/monitor-status";

export const dynamic = "force-dynamic";

const querySchema = z.object({ refresh: z.enum(["0", "1"]).optional() }).strict();

export const GET = route("owner.stripe.status", "owner", async (request) => {
  const query = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const status = await stripeStatus(prisma(), config(), new Date(), {
    ask: true,
    force: query.refresh === "1",
  });
  return Response.json(status, { headers: { "cache-control": "no-store" } });
});
