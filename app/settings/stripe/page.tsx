// /settings/stripe — owner only, the Stripe tab: the secret key and webhook signing secret a
// packaged app (no `.env`) runs with. Shown as the last 4 characters and the mode, never in
// full; when the environment sets one, the screen says it wins over the saved value.
import type { Metadata } from "next";
import { StripeKeysForm } from "@/app/settings/stripe/stripe-keys-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/page";
import { config } from "@/lib/config";
import { stripeKeysView } from "@/lib/desktop/stripe-keys";
import { sqlite } from "@/lib/db/sqlite";
import { loadSettings } from "@/lib/settings";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Stripe keys" };

export default async function StripeKeysPage() {
  await requirePage("owner");
  const cfg = config();
  const view = stripeKeysView({
    env: process.env,
    dataDir: cfg.dataDir,
    running: { secretKey: cfg.STRIPE_SECRET_KEY, webhookSecret: cfg.STRIPE_WEBHOOK_SECRET },
  });
  const { timeZone } = loadSettings(sqlite());
  return (
    <>
      <PageHeader
        title="Stripe keys"
        description="The key this app reads your Stripe account with, and the secret that proves webhooks come from Stripe"
        timeZone={timeZone}
      />
      <StripeKeysForm view={view} timeZone={timeZone} />
    </>
  );
}
