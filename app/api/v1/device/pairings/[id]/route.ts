// GET /api/v1/device/pairings/{id} — whether a phone has redeemed the caller's pairing code yet
// (the "Pair a phone" dialog polls it).
import { deviceIdParams } from "@/lib/api/v1/device-schemas";
import { preflight } from "@/lib/api/v1/http";
import { pairingStatus } from "@/lib/auth/devices";
import type { UserPrincipal } from "@/lib/auth/principal";
import { prisma } from "@/lib/db/prisma";
import { route } from "@/lib/http/handler";
import { HttpError } from "@/lib/http/problem";

export const dynamic = "force-dynamic";

export const GET = route<{ params: Promise<{ id: string }> }>(
  "v1.device.pairings.get",
  "staff",
  async (_request, context, principal) => {
    const { id } = deviceIdParams.parse(await context.params);
    const status = await pairingStatus(prisma(), {
      id,
      userId: (principal as UserPrincipal).userId,
      now: new Date(),
    });
    if (!status) throw new HttpError(404, "No such pairing of yours.");
    return Response.json({ ...status, expiresAt: status.expiresAt.toISOString() });
  },
  { requestId: true },
);
export const OPTIONS = preflight;
