// What wraps Better Auth's own sign-in and sign-out endpoints: the per-account and
// per-address limits, disabled accounts refused with the same answer as a wrong password,
// and the audit log.
import { hashPassword } from "better-auth/crypto";
import { recordAudit } from "@/lib/auth/audit";
import { peerAddress } from "@/lib/auth/peer";
import { checkSignInLimit, normaliseEmail, recordSignInAttempt } from "@/lib/auth/rate-limit";
import type { Db } from "@/lib/db/prisma";
import { HttpError } from "@/lib/http/problem";

/** Better Auth's answer to a wrong email or password, reused so a disabled account looks the same. */
const invalidCredentials = () =>
  Response.json(
    { message: "Invalid email or password", code: "INVALID_EMAIL_OR_PASSWORD" },
    { status: 401, headers: { "cache-control": "no-store" } },
  );

async function emailOf(request: Request): Promise<string> {
  try {
    const body: unknown = await request.clone().json();
    const email = (body as { email?: unknown } | null)?.email;
    return typeof email === "string" ? normaliseEmail(email).slice(0, 320) : "";
  } catch {
    return "";
  }
}

export async function guardedSignIn(
  db: Db,
  request: Request,
  signIn: (request: Request) => Promise<Response>,
  now: Date,
): Promise<Response> {
  const email = await emailOf(request);
  const ip = peerAddress(request.headers);
  const limit = await checkSignInLimit(db, { email, ip, now });
  if (!limit.allowed) {
    await recordAudit(db, { type: "sign-in-limited", actor: email || null, ip, at: now });
    const minutes = Math.ceil(limit.retryAfterSeconds / 60);
    throw new HttpError(
      429,
      `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      undefined,
      { "retry-after": String(limit.retryAfterSeconds) },
    );
  }
  const user = email ? await db.user.findUnique({ where: { email }, select: { disabled: true } }) : null;
  let response: Response;
  if (user?.disabled) {
    // As slow as checking a password, so the answer's timing does not single the account out.
    await hashPassword("disabled-account-timing-equaliser");
    response = invalidCredentials();
  } else {
    response = await signIn(request);
  }
  await recordSignInAttempt(db, { email, ip, ok: response.ok, now });
  await recordAudit(db, {
    type: response.ok ? "sign-in" : "sign-in-failed",
    actor: email || null,
    ip,
    detail: response.ok ? {} : { status: response.status },
    at: now,
  });
  return response;
}
