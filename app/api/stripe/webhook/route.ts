// POST /api/stripe/webhook — verify, store once, acknowledge; the worker applies it next.
import { config } from "@/lib/config";
import { sqlite } from "@/lib/db/sqlite";
import { route } from "@/lib/http/handler";
import {
  acceptDelivery,
  MAX_WEBHOOK_BYTES,
  readLimitedText,
  refuseBeforeBody,
  WEBHOOK_RESPONSE_HEADERS,
} from "@/lib/webhooks/receive";
import { scheduleWebhookProcessing } from "@/lib/webhooks/worker";

export const dynamic = "force-dynamic";

/**
 * The production server answers this path itself, before Next (server/webhook-fast-path.ts):
 * this route serves `./run dev` and any server started without server/serve.ts. proxy.ts does
 * not run for it either (see its matcher): its checks do not apply (no session, exempt from
 * the Host check), so the response gets a fixed policy instead of the nonce one.
 */
export const POST = route(
  "stripe.webhook",
  "public",
  async (request) => {
    const secret = config().STRIPE_WEBHOOK_SECRET;
    const contentType = request.headers.get("content-type");
    // An unconfigured server or a non-JSON delivery is refused before the body is buffered.
    refuseBeforeBody(secret, contentType);
    const raw = await readLimitedText(request, MAX_WEBHOOK_BYTES);
    const delivery = { contentType, signature: request.headers.get("stripe-signature"), raw };
    const received = acceptDelivery(sqlite(), delivery, { secret, now: new Date() });
    if (!received.duplicate) scheduleWebhookProcessing();
    return Response.json({ received: true, duplicate: received.duplicate });
  },
  { anonymous: true, headers: WEBHOOK_RESPONSE_HEADERS },
);
