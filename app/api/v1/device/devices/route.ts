// GET /api/v1/device/devices — paired phones: a staff member's own, the owner everyone's
// (`?userId=` narrows to one account). Cookie sessions only.
import { deviceListQuery } from "@/lib/api/v1/device-schemas";
import { preflight } from "@/lib/api/v1/http";
import { listDevices } from "@/lib/auth/device-list";
import type { UserPrincipal } from "@/lib/auth/principal";
import { prisma } from "@/lib/db/prisma";
import { route } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

export const GET = route(
  "v1.device.devices.list",
  "staff",
  async (request, _context, principal) => {
    const user = principal as UserPrincipal;
    const query = deviceListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
    const devices = await listDevices(prisma(), user, { userId: query.userId });
    return Response.json({
      data: devices.map(({ userId: _userId, ...device }) => ({
        ...device,
        createdAt: device.createdAt.toISOString(),
        lastUsedAt: device.lastUsedAt?.toISOString() ?? null,
      })),
    });
  },
  { requestId: true },
);
export const OPTIONS = preflight;
