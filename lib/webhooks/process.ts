// Processing stored webhook events. Each event is applied in one transaction with its status
// change, so a crash leaves it pending and it is applied at the next start: none is lost.
import type Stripe from "stripe";
import { z } from "zod";
import type { Sqlite } from "@/lib/db/sqlite";
import { log } from "@/lib/log";
import { contentHash, ingestObjects } from "@/lib/stripe/ingest";
import { eventToIngestItem } from "@/lib/stripe/events";
import { completeNestedLists } from "@/lib/stripe/fetch";
import { mirrorStore } from "@/lib/stripe/mirror-store";
import { eventSchema, mirroredKindOf } from "@/lib/stripe/schemas";

const MAX_ATTEMPTS = 5;
const pendingRow = z.object({
  id: z.number(),
  stripeEventId: z.string(),
  payload: z.string(),
  attempts: z.number(),
});
type PendingRow = z.infer<typeof pendingRow>;

export interface ProcessOptions {
  now: () => Date;
  /** When online, truncated item/line lists are completed from the API. */
  stripe?: Stripe | null;
  batchSize?: number;
}

export interface ProcessSummary {
  processed: number;
  ignored: number;
  failed: number;
  retrying: number;
}

/** Applies every pending event, oldest first. Safe to call at any time, from any number of places. */
export async function processPendingWebhooks(db: Sqlite, options: ProcessOptions): Promise<ProcessSummary> {
  const summary: ProcessSummary = { processed: 0, ignored: 0, failed: 0, retrying: 0 };
  const select = db.prepare(
    `SELECT id, stripeEventId, payload, attempts FROM WebhookEvent WHERE status = 'pending' AND id > ? ORDER BY id LIMIT ?`,
  );
  let after = 0;
  for (;;) {
    const rows = select.all(after, options.batchSize ?? 100).map((row) => pendingRow.parse(row));
    if (rows.length === 0) return summary;
    for (const row of rows) {
      after = row.id;
      summary[await processOne(db, row, options)] += 1;
      // Applying an event is synchronous SQLite work: yield to the event loop between events so
      // incoming requests (webhooks among them) are answered during a burst, not after it.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

async function processOne(
  db: Sqlite,
  row: PendingRow,
  options: ProcessOptions,
): Promise<keyof ProcessSummary> {
  const event = eventSchema.parse(JSON.parse(row.payload));
  try {
    const item = eventToIngestItem(event);
    const kind = mirroredKindOf(event.data.object);
    if (item && kind && options.stripe)
      item.object = await completeNestedLists(options.stripe, kind, item.object);
    const store = mirrorStore(db);
    return db
      .transaction((): keyof ProcessSummary => {
        const now = options.now();
        if (store.dedupHash("event", event.id) !== undefined || !item) {
          setStatus(db, row.id, item ? "processed" : "ignored", now);
          return item ? "processed" : "ignored";
        }
        const result = ingestObjects(db, [item], {
          now,
          origin: { actor: "stripe", cause: `stripe:${event.id}` },
        });
        if (result.counts.invalid > 0) {
          setStatus(db, row.id, "failed", now, result.invalid[0]?.error);
          return "failed";
        }
        // Only an applied event counts as seen: a failed one must apply when it is retried.
        store.recordDedup("event", event.id, contentHash(row.payload, false), now.getTime());
        setStatus(db, row.id, "processed", now);
        return "processed";
      })
      .immediate();
  } catch (error) {
    // Transient (a locked database, the API unreachable): leave pending and count the attempt.
    const message = error instanceof Error ? error.message : String(error);
    const attempts = row.attempts + 1;
    const status = attempts >= MAX_ATTEMPTS ? "failed" : "pending";
    db.prepare(`UPDATE WebhookEvent SET attempts = ?, status = ?, error = ? WHERE id = ?`).run(
      attempts,
      status,
      message,
      row.id,
    );
    log.warn({ eventId: event.id, attempts, err: error }, "webhook event processing failed");
    return status === "failed" ? "failed" : "retrying";
  }
}

function setStatus(db: Sqlite, id: number, status: string, now: Date, error?: string): void {
  db.prepare(
    `UPDATE WebhookEvent SET status = ?, processedAt = ?, error = ?, attempts = attempts + 1 WHERE id = ?`,
  ).run(status, now.getTime(), error ?? null, id);
}
