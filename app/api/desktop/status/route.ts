// GET /api/desktop/status — signed-in users: whether Stripe can be reached (the offline banner)
// and, for the owner, the home screen's connection line. Cheap enough to poll: a small file in
// the data folder and the last cached account check; it never waits for Stripe.
import { config } from "@/lib/config";
import { readConnectivity } from "@/lib/desktop/connectivity";
import { route } from "@/lib/http/handler";
import { connectionAtAGlance } from "@/lib/stripe/monitor-status";

export const dynamic = "force-dynamic";

export const GET = route("desktop.status", "staff", async (_request, _context, principal) => {
  const cfg = config();
  const { offlineSince } = readConnectivity(cfg.dataDir);
  const owner = principal?.kind === "user" && principal.role === "owner";
  return Response.json(
    { offlineSince, connection: owner ? connectionAtAGlance(cfg, new Date()) : null },
    { headers: { "cache-control": "no-store" } },
  );
});
