// POST /api/v1/device/authorize — a phone asks to sign in (RFC 8628 §3.1–3.2): codes for the
// phone and the person who will approve it. Public; limited per address.
import { deviceAuthorizeBody } from "@/lib/api/v1/device-schemas";
import { preflight } from "@/lib/api/v1/http";
import { takeToken } from "@/lib/api/v1/rate-limit";
import { NO_STORE, phoneOrigin, readParams } from "@/lib/auth/device-http";
import { startDeviceAuthorization } from "@/lib/auth/devices";
import { peerAddress } from "@/lib/auth/peer";
import { prisma } from "@/lib/db/prisma";
import { route } from "@/lib/http/handler";
import { HttpError, zodIssues } from "@/lib/http/problem";

export const dynamic = "force-dynamic";

/** New device authorizations a minute from one address (each is a row for 10 minutes). */
const PER_MINUTE = 10;

export const POST = route(
  "v1.device.authorize",
  "public",
  async (request) => {
    const now = new Date();
    const limit = takeToken(`device-authorize:${peerAddress(request.headers)}`, PER_MINUTE, now.getTime());
    if (!limit.ok) {
      throw new HttpError(429, "Too many sign-in requests from this address; wait and retry.", undefined, {
        "retry-after": String(limit.retryAfter),
      });
    }
    const parsed = deviceAuthorizeBody.safeParse(await readParams(request));
    if (!parsed.success)
      throw new HttpError(422, "The request does not match the expected shape.", zodIssues(parsed.error));
    const started = await startDeviceAuthorization(prisma(), {
      deviceName: parsed.data.device_name ?? "Phone",
      now,
    });
    const verification = `${phoneOrigin(request).origin}/device`;
    return Response.json(
      {
        device_code: started.deviceCode,
        user_code: started.userCode,
        verification_uri: verification,
        verification_uri_complete: `${verification}?code=${encodeURIComponent(started.userCode)}`,
        expires_in: started.expiresIn,
        interval: started.interval,
      },
      { headers: NO_STORE },
    );
  },
  { requestId: true },
);
export const OPTIONS = preflight;
