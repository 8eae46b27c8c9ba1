// The webhook event log of the Stripe screen: stored events by status, a page at a time, and
// "Retry" for failed ones. A retry only marks the event pending again; the worker applies it
// through its one path (lib/webhooks/process.ts), which records each applied event in
// DedupEvent in the same transaction, so an event is never applied twice however often it is retried.
import { z } from "zod";
import type { Db } from "@/lib/db/prisma";

export const webhookStatuses = ["pending", "processed", "ignored", "failed", "quarantined"] as const;
export type WebhookStatus = (typeof webhookStatuses)[number];

export const webhookLogQuerySchema = z.object({
  status: z.enum(webhookStatuses).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type WebhookLogQuery = z.infer<typeof webhookLogQuerySchema>;

export const WEBHOOK_PAGE_SIZE = 25;

export interface WebhookLogRow {
  id: number;
  stripeEventId: string;
  type: string;
  objectId: string | null;
  status: string;
  receivedAt: number;
  processedAt: number | null;
  attempts: number;
  error: string | null;
}

export interface WebhookLogPage {
  rows: WebhookLogRow[];
  total: number;
  page: number;
  pages: number;
}

/** One page of stored events, newest first, optionally of one status. */
export async function listWebhookEvents(db: Db, query: WebhookLogQuery): Promise<WebhookLogPage> {
  const where = query.status ? { status: query.status } : {};
  const [total, rows] = await Promise.all([
    db.webhookEvent.count({ where }),
    db.webhookEvent.findMany({
      where,
      orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * WEBHOOK_PAGE_SIZE,
      take: WEBHOOK_PAGE_SIZE,
      select: {
        id: true,
        stripeEventId: true,
        type: true,
        objectId: true,
        status: true,
        receivedAt: true,
        processedAt: true,
        attempts: true,
        error: true,
      },
    }),
  ]);
  return {
    rows: rows.map((r) => ({
      ...r,
      receivedAt: r.receivedAt.getTime(),
      processedAt: r.processedAt?.getTime() ?? null,
    })),
    total,
    page: query.page,
    pages: Math.max(1, Math.ceil(total / WEBHOOK_PAGE_SIZE)),
  };
}

export type RetryOutcome = { retried: number } | { retried: 0; reason: "not_found" | "not_failed" };

/**
 * Marks failed events pending again (one by id, or all): true to "only failed ones" in one
 * UPDATE, so a retry of an event already pending or applied changes nothing. Idempotent.
 */
export async function retryWebhookEvents(
  db: Db,
  target: { id: number } | { all: true },
): Promise<RetryOutcome> {
  const reset = { status: "pending", attempts: 0, error: null };
  if ("all" in target) {
    const { count } = await db.webhookEvent.updateMany({ where: { status: "failed" }, data: reset });
    return { retried: count };
  }
  const { count } = await db.webhookEvent.updateMany({
    where: { id: target.id, status: "failed" },
    data: reset,
  });
  if (count > 0) return { retried: count };
  const exists = await db.webhookEvent.findUnique({ where: { id: target.id }, select: { id: true } });
  return { retried: 0, reason: exists ? "not_failed" : "not_found" };
}
