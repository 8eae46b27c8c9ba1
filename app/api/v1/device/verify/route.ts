// POST /api/v1/device/verify — the signed-in person approves or denies the phone waiting for a
// user code (the /device page). Cookie sessions only, same-origin.
import { deviceVerifyBody } from "@/lib/api/v1/device-schemas";
import { preflight } from "@/lib/api/v1/http";
import { decideDeviceAuthorization } from "@/lib/auth/devices";
import type { UserPrincipal } from "@/lib/auth/principal";
import { prisma } from "@/lib/db/prisma";
import { readJson, route } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

export const POST = route(
  "v1.device.verify",
  "staff",
  async (request, _context, principal) => {
    const user = principal as UserPrincipal;
    const body = await readJson(request, deviceVerifyBody);
    const decided = await decideDeviceAuthorization(prisma(), {
      userCode: body.userCode,
      approve: body.action === "approve",
      user: { userId: user.userId, email: user.email, role: user.role, staffId: user.staffId },
      now: new Date(),
    });
    return Response.json(decided);
  },
  { requestId: true },
);
export const OPTIONS = preflight;
