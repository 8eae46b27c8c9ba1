// POST /api/set-password — a set-password link used: the password set, the link spent, signed in.
// Public: the link's token is the credential. Wrong tokens count against the address's sign-in
// budget (lib/auth/rate-limit.ts); only our own pages may post here (no login CSRF).
import { auth } from "@/lib/auth/auth";
import { recordAudit } from "@/lib/auth/audit";
import { isSameOrigin } from "@/lib/auth/origin";
import { peerAddress } from "@/lib/auth/peer";
import { reserveAddressAttempt, settleSignInAttempt } from "@/lib/auth/rate-limit";
import { findSetPasswordLink, LINK_ATTEMPT_LABEL, redeemSetPasswordLink } from "@/lib/auth/set-password";
import { setPasswordFormSchema } from "@/lib/auth/set-password-form";
import { asProblem } from "@/lib/auth/set-password-http";
import { withoutSessionToken } from "@/lib/auth/sign-in";
import { config } from "@/lib/config";
import { prisma } from "@/lib/db/prisma";
import { sqlite } from "@/lib/db/sqlite";
import { AUTH_BODY_LIMIT } from "@/lib/http/body-limit";
import { readJson, route } from "@/lib/http/handler";
import { HttpError } from "@/lib/http/problem";

export const dynamic = "force-dynamic";

const GONE = "This link has expired or was already used. Ask the owner for a new one.";

export const POST = route(
  "set-password",
  "public",
  async (request) => {
    if (!isSameOrigin(request, config().TRUST_PROXY)) throw new HttpError(403, "Cross-site request refused.");
    const form = await readJson(request, setPasswordFormSchema);
    const now = new Date();
    const ip = peerAddress(request.headers);
    const reservation = reserveAddressAttempt(sqlite(), { label: LINK_ATTEMPT_LABEL, ip, now });
    if (!reservation.allowed) {
      const minutes = Math.ceil(reservation.retryAfterSeconds / 60);
      throw new HttpError(
        429,
        `Too many failed tries from this address; try again in ${minutes} min.`,
        undefined,
        {
          "retry-after": String(reservation.retryAfterSeconds),
        },
      );
    }
    // A known link is not a guess, whatever becomes of the password.
    if (!(await findSetPasswordLink(prisma(), form.token, now))) throw new HttpError(410, GONE);
    settleSignInAttempt(sqlite(), reservation.attemptId);
    const redeemed = await asProblem(() =>
      redeemSetPasswordLink(prisma(), { token: form.token, password: form.password, ip, now }),
    );
    if (!redeemed) throw new HttpError(410, GONE);
    const signedIn = await auth().api.signInEmail({
      body: { email: redeemed.email, password: form.password },
      headers: request.headers,
      asResponse: true,
    });
    if (signedIn.ok) await recordAudit(prisma(), { type: "sign-in", actor: redeemed.email, ip, at: now });
    return withoutSessionToken(signedIn);
  },
  { bodyLimit: AUTH_BODY_LIMIT },
);
