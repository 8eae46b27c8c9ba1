// POST /api/stripe/webhook — verify, store once, acknowledge; the worker applies it next.
import { config } from "@/lib/config";
import { sqlite } from "@/lib/db/sqlite";
import { route } from "@/lib/http/handler";
import { HttpError } from "@/lib/http/problem";
import { MAX_WEBHOOK_BYTES, readLimitedText, storeWebhook, verifyWebhook } from "@/lib/webhooks/receive";
import { scheduleWebhookProcessing } from "@/lib/webhooks/worker";

export const dynamic = "force-dynamic";

/**
 * proxy.ts does not run for this route (see its matcher): Stripe's POSTs skip the body copy
 * Next makes for a proxy, the CSP nonce and the header rewrite. Its checks do not apply here
 * anyway (the route is exempt from the Host check and carries no session), so the response
 * gets a fixed policy instead of the nonce one; next.config.mjs adds the static headers.
 */
const RESPONSE_HEADERS = { "content-security-policy": "default-src 'none'; frame-ancestors 'none'" };

export const POST = route(
  "stripe.webhook",
  "public",
  async (request) => {
    const secret = config().STRIPE_WEBHOOK_SECRET;
    if (!secret) throw new HttpError(503, "Webhooks are not configured: set STRIPE_WEBHOOK_SECRET.");
    if (!(request.headers.get("content-type") ?? "").startsWith("application/json")) {
      throw new HttpError(415, "Stripe sends webhooks as application/json.");
    }
    const raw = await readLimitedText(request, MAX_WEBHOOK_BYTES);
    const event = verifyWebhook(raw, request.headers.get("stripe-signature"), secret);
    const received = storeWebhook(sqlite(), event, raw, new Date());
    if (!received.duplicate) scheduleWebhookProcessing();
    return Response.json({ received: true, duplicate: received.duplicate });
  },
  { anonymous: true, headers: RESPONSE_HEADERS },
);
