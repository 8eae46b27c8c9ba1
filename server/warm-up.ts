// Next loads a route's code on its first request. Right after the server starts listening we
// ask, in the background, for the pages a desktop window opens first (the sign-in link is
// redeemed under /api/auth, then Today at /), so that code loads while the launcher and the
// window are still busy with their own start, not while the person waits. Anonymous requests:
// they change nothing (/ redirects to the sign-in page).
import { log } from "@/lib/log";

export const WARM_PATHS = ["/api/auth/get-session", "/"] as const;

/** Requests each path once, one after the other; never throws. */
export async function warmUp(baseUrl: string, paths: readonly string[] = WARM_PATHS): Promise<void> {
  const start = performance.now();
  for (const pathname of paths) {
    try {
      const response = await fetch(new URL(pathname, baseUrl), {
        redirect: "manual",
        headers: { "user-agent": "stripe-bookings-warm-up" },
        signal: AbortSignal.timeout(60_000),
      });
      await response.arrayBuffer();
    } catch {
      // A slow or failed warm-up only means the first real request loads the code itself.
    }
  }
  log.debug(
    { command: "serve", event: "warm-up", ms: Math.round(performance.now() - start) },
    "routes loaded",
  );
}
