// The rules for a Stripe secret key and webhook secret, shared by the server (lib/config.ts,
// the route) and the Settings → Stripe form in the browser (no Node imports here).
import { z } from "zod";

const SECRET_KEY = /^(sk|rk)_(test|live)_\w+$/;
const SECRET_KEY_MESSAGE = "Must be a Stripe secret or restricted key (sk_… or rk_…)";
const WEBHOOK_SECRET = /^whsec_\w+$/;
const WEBHOOK_SECRET_MESSAGE = "Must be a webhook signing secret (whsec_…)";

/** The same rules as the environment's STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET. */
export const secretKeyValue = z.string().trim().regex(SECRET_KEY, SECRET_KEY_MESSAGE);
export const webhookSecretValue = z.string().trim().regex(WEBHOOK_SECRET, WEBHOOK_SECRET_MESSAGE);

const blankOr = (pattern: RegExp, message: string) =>
  z
    .string()
    .trim()
    .refine((value) => value === "" || pattern.test(value), message);

/** The form: either field may stay empty (left as it is), but not both. */
export const stripeKeysFormSchema = z
  .object({
    secretKey: blankOr(SECRET_KEY, SECRET_KEY_MESSAGE),
    webhookSecret: blankOr(WEBHOOK_SECRET, WEBHOOK_SECRET_MESSAGE),
  })
  .refine((form) => form.secretKey !== "" || form.webhookSecret !== "", {
    message: "Enter a secret key, a webhook secret or both.",
    path: ["form"],
  });
