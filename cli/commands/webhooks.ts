// webhooks:status, webhooks:retry — stored Stripe events. Retried events are applied by the
// server's worker at its next pass (or at its next start), or right here when it is not running.
import { processPendingWebhooks } from "@/lib/webhooks/process";
import { requeueFailedWebhooks, webhookCounts } from "@/lib/webhooks/admin";
import { isLoopbackUrl } from "@/lib/config";
import { say } from "@/cli/context";
import { defineCommand } from "@/cli/spec";

/** The URL to enter as the webhook endpoint in the Stripe dashboard. */
export function webhookUrl(publicUrl: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/api/stripe/webhook`;
}

export const webhooksStatus = defineCommand({
  name: "webhooks:status",
  usage: "",
  summary: "stored Stripe events by status, and the endpoint URL to give Stripe",
  run: async (_args, { db, out, publicUrl }) => {
    const counts = webhookCounts(db);
    const names = ["pending", "processed", "ignored", "failed"];
    out(names.map((name) => `${name}: ${counts[name] ?? 0}`).join("  "));
    out(`endpoint: ${webhookUrl(publicUrl)}`);
    if (isLoopbackUrl(publicUrl)) {
      say(
        "Stripe cannot reach this address: set PUBLIC_URL (docs/FEEDS.md), or use `stripe listen` locally.",
      );
    }
    return 0;
  },
});

export const webhooksRetry = defineCommand({
  name: "webhooks:retry",
  usage: "",
  summary: "apply failed Stripe events again (after fixing their cause)",
  run: async (_args, { db, now, out }) => {
    const requeued = requeueFailedWebhooks(db);
    const summary = await processPendingWebhooks(db, { now: () => now, stripe: null });
    out(
      `Re-queued ${requeued} failed event(s); applied ${summary.processed}, ignored ${summary.ignored}, failed ${summary.failed}.`,
    );
    return summary.failed > 0 ? 1 : 0;
  },
});
