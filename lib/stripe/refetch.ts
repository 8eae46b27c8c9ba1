// Resolving same-second ties with what Stripe says is current. Ingest records an object whose
// two states share one Stripe second in RefetchRequest (and keeps the later one by lifecycle
// order meanwhile); here the object is fetched and its current state applied just after the
// tie. Called right after a tie when the API is reachable (webhook worker), and for everything
// still queued at the next catch-up (sync).
import Stripe from "stripe";
import { z } from "zod";
import type { Sqlite } from "@/lib/db/sqlite";
import { log } from "@/lib/log";
import { ingestObjects, type IngestResult } from "@/lib/stripe/ingest";
import { completeNestedLists } from "@/lib/stripe/fetch";
import { mirroredKinds, type MirroredKind } from "@/lib/stripe/schemas";

const requestRow = z.object({
  kind: z.enum(mirroredKinds),
  stripeId: z.string(),
  tieAt: z.number(),
});
type RefetchRequest = z.infer<typeof requestRow>;

export interface RefetchSummary {
  resolved: number;
  failed: number;
}

/** Stripe's current state of one object; a deletion stub when Stripe no longer has it. */
export async function retrieveObject(stripe: Stripe, kind: MirroredKind, id: string): Promise<unknown> {
  try {
    const object = await retrieve(stripe, kind, id);
    return await completeNestedLists(stripe, kind, object);
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 404)
      return { id, object: kind, deleted: true };
    throw error;
  }
}

function retrieve(stripe: Stripe, kind: MirroredKind, id: string): Promise<unknown> {
  switch (kind) {
    case "customer":
      return stripe.customers.retrieve(id);
    case "product":
      return stripe.products.retrieve(id);
    case "price":
      return stripe.prices.retrieve(id);
    case "subscription":
      return stripe.subscriptions.retrieve(id);
    case "invoice":
      return stripe.invoices.retrieve(id);
    case "invoiceitem":
      return stripe.invoiceItems.retrieve(id);
  }
}

/**
 * Fetches queued objects (all, or only `only`) and applies Stripe's state 1 ms after the tie:
 * later than both tied states, earlier than any event of a later second, so the outcome does
 * not depend on the local clock and replays converge. A request leaves the queue once applied;
 * one that fails stays for the next catch-up.
 */
export async function resolveTies(
  db: Sqlite,
  stripe: Stripe,
  options: { now: Date; only?: { kind: MirroredKind; stripeId: string }[]; limit?: number },
): Promise<RefetchSummary> {
  const summary: RefetchSummary = { resolved: 0, failed: 0 };
  for (const request of queued(db, options.only, options.limit ?? 1000)) {
    try {
      const object = await retrieveObject(stripe, request.kind, request.stripeId);
      applyFetched(db, request, object, options.now);
      summary.resolved += 1;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      db.prepare(
        `UPDATE RefetchRequest SET attempts = attempts + 1, lastError = ? WHERE kind = ? AND stripeId = ?`,
      ).run(message, request.kind, request.stripeId);
      log.warn({ kind: request.kind, id: request.stripeId, err: error }, "re-fetch after a tie failed");
      summary.failed += 1;
    }
  }
  return summary;
}

function queued(db: Sqlite, only: { kind: MirroredKind; stripeId: string }[] | undefined, limit: number) {
  if (only) {
    // Looked up one by one: the queue may be long after a time offline, a webhook's tie is one object.
    const one = db.prepare(
      `SELECT kind, stripeId, tieAt FROM RefetchRequest WHERE kind = ? AND stripeId = ?`,
    );
    const keys = new Set(only.map((ref) => `${ref.kind}\u0000${ref.stripeId}`));
    return [...keys].flatMap((key) => {
      const [kind, stripeId] = key.split("\u0000");
      const row = one.get(kind, stripeId);
      return row ? [requestRow.parse(row)] : [];
    });
  }
  return db
    .prepare(`SELECT kind, stripeId, tieAt FROM RefetchRequest ORDER BY requestedAt, id LIMIT ?`)
    .all(limit)
    .map((row) => requestRow.parse(row));
}

function applyFetched(db: Sqlite, request: RefetchRequest, object: unknown, now: Date): IngestResult {
  return db
    .transaction(() => {
      const result = ingestObjects(db, [{ object, sourceAt: new Date(request.tieAt + 1) }], { now });
      // A tie recorded meanwhile at a later second is a new question: it stays queued.
      db.prepare(`DELETE FROM RefetchRequest WHERE kind = ? AND stripeId = ? AND tieAt <= ?`).run(
        request.kind,
        request.stripeId,
        request.tieAt,
      );
      return result;
    })
    .immediate();
}

/** How many objects wait for a re-fetch (for status screens). */
export function pendingRefetches(db: Sqlite): number {
  return (db.prepare(`SELECT count(*) AS n FROM RefetchRequest`).get() as { n: number }).n;
}
