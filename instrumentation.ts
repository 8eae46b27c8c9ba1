// Runs once when the server starts: events stored but not applied before a crash or stop
// are applied now, so an acknowledged event is never lost; and schedules keep extending.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { scheduleWebhookProcessing } = await import("@/lib/webhooks/worker");
  const { startHorizonExtension } = await import("@/lib/bookings/horizon");
  scheduleWebhookProcessing();
  startHorizonExtension();
}
