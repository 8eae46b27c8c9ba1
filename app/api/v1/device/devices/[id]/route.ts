// DELETE /api/v1/device/devices/{id} — revoke a paired phone (its token answers 401 at once):
// staff their own, the owner any. Cookie sessions only, same-origin.
import { deviceIdParams } from "@/lib/api/v1/device-schemas";
import { preflight } from "@/lib/api/v1/http";
import { revokeDevice } from "@/lib/auth/device-list";
import { peerAddress } from "@/lib/auth/peer";
import type { UserPrincipal } from "@/lib/auth/principal";
import { prisma } from "@/lib/db/prisma";
import { route } from "@/lib/http/handler";
import { HttpError } from "@/lib/http/problem";

export const dynamic = "force-dynamic";

export const DELETE = route<{ params: Promise<{ id: string }> }>(
  "v1.device.devices.revoke",
  "staff",
  async (request, context, principal) => {
    const { id } = deviceIdParams.parse(await context.params);
    const revoked = await revokeDevice(prisma(), {
      id,
      viewer: principal as UserPrincipal,
      ip: peerAddress(request.headers),
      now: new Date(),
    });
    if (!revoked) throw new HttpError(404, "No such active device you may revoke.");
    return new Response(null, { status: 204 });
  },
  { requestId: true },
);
export const OPTIONS = preflight;
