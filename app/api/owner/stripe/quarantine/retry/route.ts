// POST /api/owner/stripe/quarantine/retry — read every quarantined object again (one transaction per page).
import { sqlite } from "@/lib/db/sqlite";
import { route } from "@/lib/http/handler";
import { retryQuarantine } from "@/lib/stripe/quarantine";

export const dynamic = "force-dynamic";

export const POST = route("owner.stripe.quarantine.retry", "owner", async () =>
  Response.json(retryQuarantine(sqlite(), { now: new Date() })),
);
