// Receiving a Stripe webhook: verify the signature on the raw body, validate the envelope,
// store the event once (the UNIQUE event id decides between concurrent deliveries).
import type { Statement } from "better-sqlite3";
import Stripe from "stripe";
import type { Sqlite } from "@/lib/db/sqlite";
import { HttpError } from "@/lib/http/problem";
import { readBodyLimited } from "@/lib/http/body-limit";
import { eventSchema, type StripeEventEnvelope } from "@/lib/stripe/schemas";

/** Headers of every webhook answer, errors included: nothing in it is ever a page. */
export const WEBHOOK_RESPONSE_HEADERS = {
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
} as const;

/** Stripe's events are a few KB; anything this large is not one. */
export const MAX_WEBHOOK_BYTES = 512 * 1024;

export interface ReceivedWebhook {
  eventId: string;
  type: string;
  duplicate: boolean;
}

/** Verifies and parses; throws HttpError 400 for anything Stripe did not sign or cannot be an event. */
export function verifyWebhook(
  rawBody: string,
  signature: string | null,
  secret: string,
): StripeEventEnvelope {
  if (!signature) throw new HttpError(400, "Missing Stripe-Signature header.");
  let json: unknown;
  try {
    // Default tolerance (300 s) rejects replays of old signed payloads.
    json = Stripe.webhooks.constructEvent(rawBody, signature, secret);
  } catch (error) {
    if (error instanceof Stripe.errors.StripeSignatureVerificationError) {
      throw new HttpError(400, "Invalid Stripe signature.");
    }
    throw new HttpError(400, "The body is not valid JSON.");
  }
  const parsed = eventSchema.safeParse(json);
  if (!parsed.success) throw new HttpError(400, "The body is not a Stripe event.");
  return parsed.data;
}

// Prepared once per connection: every delivery runs it.
const inserts = new WeakMap<Sqlite, Statement>();
function insertStatement(db: Sqlite): Statement {
  let statement = inserts.get(db);
  if (!statement) {
    statement = db.prepare(
      `INSERT INTO WebhookEvent (stripeEventId, type, objectId, eventCreated, payload, receivedAt, status, attempts)
       VALUES (?, ?, ?, ?, ?, ?, 'pending', 0) ON CONFLICT(stripeEventId) DO NOTHING`,
    );
    inserts.set(db, statement);
  }
  return statement;
}

/** Stores the event unless it is already stored. Idempotent: a redelivery stores nothing. */
export function storeWebhook(
  db: Sqlite,
  event: StripeEventEnvelope,
  rawBody: string,
  now: Date,
): ReceivedWebhook {
  const objectId = typeof event.data.object.id === "string" ? event.data.object.id : null;
  const info = insertStatement(db).run(
    event.id,
    event.type,
    objectId,
    event.created * 1000,
    rawBody,
    now.getTime(),
  );
  return { eventId: event.id, type: event.type, duplicate: info.changes === 0 };
}

/** What a delivery carries, whatever server received it. */
export interface Delivery {
  contentType: string | null;
  signature: string | null;
  /** The raw body, exactly as sent (the signature covers these bytes). */
  raw: string;
}

/**
 * The whole intake of one delivery: configured, JSON, signed by Stripe, an event; stored once.
 * Throws HttpError (503, 415, 400) for a delivery it refuses; nothing is stored then. Both the
 * Next route and the server's direct path (server/webhook-fast-path.ts) call this.
 */
export function acceptDelivery(
  db: Sqlite,
  delivery: Delivery,
  options: { secret: string | undefined; now: Date },
): ReceivedWebhook {
  const secret = refuseBeforeBody(options.secret, delivery.contentType);
  const event = verifyWebhook(delivery.raw, delivery.signature, secret);
  return storeWebhook(db, event, delivery.raw, options.now);
}

/** The refusals that need no body, so a server can answer them before reading it; returns the secret. */
export function refuseBeforeBody(secret: string | undefined, contentType: string | null): string {
  if (!secret) throw new HttpError(503, "Webhooks are not configured: set STRIPE_WEBHOOK_SECRET.");
  if (!(contentType ?? "").startsWith("application/json")) {
    throw new HttpError(415, "Stripe sends webhooks as application/json.");
  }
  return secret;
}

/** Reads at most `limit` bytes of a request body; a larger body is a 413 before it is buffered. */
export async function readLimitedText(request: Request, limit: number): Promise<string> {
  // Buffer keeps every byte as sent (TextDecoder would drop a BOM): the signature covers them.
  return Buffer.from(await readBodyLimited(request, limit)).toString("utf8");
}
