// POST /api/v1/device/pairings — a one-time pairing code for the signed-in person's phone, and
// the URL its QR code holds. Cookie sessions only, same-origin.
import { preflight } from "@/lib/api/v1/http";
import { phoneOrigin } from "@/lib/auth/device-http";
import { createPairing } from "@/lib/auth/devices";
import type { UserPrincipal } from "@/lib/auth/principal";
import { prisma } from "@/lib/db/prisma";
import { route } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

export const POST = route(
  "v1.device.pairings.create",
  "staff",
  async (request, _context, principal) => {
    const user = principal as UserPrincipal;
    const pairing = await createPairing(prisma(), {
      user: { userId: user.userId, email: user.email, role: user.role, staffId: user.staffId },
      now: new Date(),
    });
    const { origin, reachable } = phoneOrigin(request);
    return Response.json(
      {
        id: pairing.id,
        code: pairing.code,
        pairingUrl: `${origin}/device/pair?code=${encodeURIComponent(pairing.code)}`,
        server: origin,
        reachable,
        expiresAt: pairing.expiresAt.toISOString(),
      },
      { status: 201, headers: { "cache-control": "no-store" } },
    );
  },
  { requestId: true },
);
export const OPTIONS = preflight;
