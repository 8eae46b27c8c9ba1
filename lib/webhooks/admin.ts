// Looking after stored webhook events from the command line: counts, and sending failed ones
// back to the worker once their cause (a bug, a full disk) is fixed.
import { z } from "zod";
import type { Sqlite } from "@/lib/db/sqlite";

const countsSchema = z.array(z.object({ status: z.string(), n: z.number() }));

export function webhookCounts(db: Sqlite): Record<string, number> {
  const rows = countsSchema.parse(
    db.prepare("SELECT status, count(*) AS n FROM WebhookEvent GROUP BY status").all(),
  );
  return Object.fromEntries(rows.map((row) => [row.status, row.n]));
}

/** Marks failed events pending again (attempts reset); returns how many. Idempotent per event. */
export function requeueFailedWebhooks(db: Sqlite): number {
  return db
    .prepare("UPDATE WebhookEvent SET status = 'pending', attempts = 0, error = NULL WHERE status = 'failed'")
    .run().changes;
}
