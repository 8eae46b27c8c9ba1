// GET /api/owner/stripe-keys — what Settings → Stripe shows (last 4 characters and mode only).
// PUT {secretKey?, webhookSecret?} — stores them in the data folder (0600) after Stripe has
// accepted the key (GET /v1/account); null removes one. They apply at the next start, and only
// where the environment sets nothing (lib/config.ts).
import { z } from "zod";
import { config } from "@/lib/config";
import { checkStripeKey } from "@/lib/desktop/stripe-key-check";
import {
  saveStripeKeys,
  secretKeyValue,
  stripeKeysView,
  webhookSecretValue,
} from "@/lib/desktop/stripe-keys";
import { readJson, route } from "@/lib/http/handler";
import { HttpError } from "@/lib/http/problem";

export const dynamic = "force-dynamic";

const bodySchema = z
  .strictObject({
    secretKey: secretKeyValue.nullable().optional(),
    webhookSecret: webhookSecretValue.nullable().optional(),
  })
  .refine((body) => body.secretKey !== undefined || body.webhookSecret !== undefined, {
    message: "Send secretKey, webhookSecret or both.",
  });

function view() {
  const cfg = config();
  return stripeKeysView({
    env: process.env,
    dataDir: cfg.dataDir,
    running: { secretKey: cfg.STRIPE_SECRET_KEY, webhookSecret: cfg.STRIPE_WEBHOOK_SECRET },
  });
}

export const GET = route("owner.stripe-keys.get", "owner", async () => Response.json(view()));

export const PUT = route("owner.stripe-keys.save", "owner", async (request) => {
  const body = await readJson(request, bodySchema);
  const cfg = config();
  if (body.secretKey) {
    const checked = await checkStripeKey(body.secretKey, {
      host: cfg.STRIPE_API_HOST,
      port: cfg.STRIPE_API_PORT,
      protocol: cfg.STRIPE_API_PROTOCOL,
    });
    if (!checked.ok) {
      if (checked.reason === "refused") {
        throw new HttpError(422, checked.message, [{ path: "secretKey", message: checked.message }]);
      }
      throw new HttpError(503, `${checked.message} Nothing was saved.`);
    }
  }
  saveStripeKeys(cfg.dataDir, body, new Date());
  return Response.json(view());
});
