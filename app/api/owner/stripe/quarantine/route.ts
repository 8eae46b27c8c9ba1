// GET /api/owner/stripe/quarantine — Stripe objects that failed validation, with their errors.
import { z } from "zod";
import { sqlite } from "@/lib/db/sqlite";
import { route } from "@/lib/http/handler";
import { listQuarantine, quarantineSummary } from "@/lib/stripe/quarantine";

export const dynamic = "force-dynamic";

const querySchema = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }).strict();

export const GET = route("owner.stripe.quarantine", "owner", async (request) => {
  const query = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const db = sqlite();
  return Response.json(
    { summary: quarantineSummary(db), objects: listQuarantine(db, query.limit) },
    { headers: { "cache-control": "no-store" } },
  );
});
