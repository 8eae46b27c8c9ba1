// POST /api/v1/device/token — the phone polls with its device code (RFC 8628 §3.4) or redeems a
// pairing code from a screen's QR code; answers the token or an RFC 8628 §3.5 error.
import { deviceGrantBody, pairingGrantBody } from "@/lib/api/v1/device-schemas";
import { preflight } from "@/lib/api/v1/http";
import { DEVICE_GRANT, PAIRING_GRANT } from "@/lib/auth/device-codes";
import { grantError, NO_STORE, readParams } from "@/lib/auth/device-http";
import { pollDeviceToken, redeemPairing, type GrantResult } from "@/lib/auth/devices";
import { peerAddress } from "@/lib/auth/peer";
import { prisma } from "@/lib/db/prisma";
import { route } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

const DESCRIPTIONS = {
  authorization_pending: "The person has not approved this phone yet; poll again after `interval` seconds.",
  slow_down: "Polled too fast: wait 5 seconds longer between polls from now on.",
  access_denied: "The person denied this phone (or their account can no longer sign in).",
  expired_token: "The code expired (10 minutes); start again.",
  invalid_grant: "The code is unknown or was already used.",
} as const;

function answer(result: GrantResult): Response {
  if (result.ok) {
    return Response.json(
      { access_token: result.token, token_type: "Bearer", scope: result.scope },
      { headers: NO_STORE },
    );
  }
  if (result.retryAfter !== undefined) {
    return grantError("slow_down", "Too many wrong pairing codes from this address; wait.", 429, {
      "retry-after": String(result.retryAfter),
    });
  }
  return grantError(result.error, DESCRIPTIONS[result.error]);
}

export const POST = route(
  "v1.device.token",
  "public",
  async (request) => {
    let params: Record<string, unknown>;
    try {
      params = await readParams(request);
    } catch {
      return grantError("invalid_request", "Send a form-encoded (or JSON) body of at most 16 KiB.");
    }
    const now = new Date();
    if (params.grant_type === DEVICE_GRANT) {
      const parsed = deviceGrantBody.safeParse(params);
      if (!parsed.success) return grantError("invalid_request", "device_code is required.");
      return answer(
        await pollDeviceToken(prisma(), {
          deviceCode: parsed.data.device_code,
          address: peerAddress(request.headers),
          now,
        }),
      );
    }
    if (params.grant_type === PAIRING_GRANT) {
      const parsed = pairingGrantBody.safeParse(params);
      if (!parsed.success) {
        return grantError("invalid_request", "code and device_name (1–100 characters) are required.");
      }
      return answer(
        await redeemPairing(prisma(), {
          code: parsed.data.code,
          deviceName: parsed.data.device_name,
          address: peerAddress(request.headers),
          now,
        }),
      );
    }
    return grantError("unsupported_grant_type", `grant_type must be ${DEVICE_GRANT} or ${PAIRING_GRANT}.`);
  },
  { requestId: true },
);
export const OPTIONS = preflight;
