// Runs once when the server starts: events stored but not applied before a crash or stop
// are applied now, so an acknowledged event is never lost; and schedules keep extending.
// The desktop jobs (lib/desktop/server-jobs.ts) back up daily and catch up with Stripe.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { scheduleWebhookProcessing } = await import("@/lib/webhooks/worker");
  const { startHorizonExtension } = await import("@/lib/bookings/horizon");
  scheduleWebhookProcessing();
  startHorizonExtension();
  // Server record, daily backups and the Stripe catch-up (webhooks cannot reach a laptop).
  const { startServerJobs } = await import("@/lib/desktop/server-jobs");
  startServerJobs();
}
