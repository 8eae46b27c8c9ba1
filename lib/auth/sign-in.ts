// What wraps Better Auth's own sign-in endpoint: the body read under a small limit and parsed
// once (JSON or form-encoded, as Better Auth accepts), the per-account and per-address limits
// counted on exactly the email Better Auth is then given, disabled accounts refused with the
// same answer as a wrong password, the audit log, and the session token kept out of the
// answer's body (the browser gets it only in the HttpOnly cookie).
import { hashPassword } from "better-auth/crypto";
import { z } from "zod";
import { recordAudit } from "@/lib/auth/audit";
import { peerAddress } from "@/lib/auth/peer";
import { normaliseEmail, reserveSignInAttempt, settleSignInAttempt } from "@/lib/auth/rate-limit";
import type { Db } from "@/lib/db/prisma";
import type { Sqlite } from "@/lib/db/sqlite";
import { AUTH_BODY_LIMIT, readBodyLimited } from "@/lib/http/body-limit";
import { HttpError, zodIssues } from "@/lib/http/problem";

/** Better Auth's answer to a wrong email or password, reused so a disabled account looks the same. */
const invalidCredentials = () =>
  Response.json(
    { message: "Invalid email or password", code: "INVALID_EMAIL_OR_PASSWORD" },
    { status: 401, headers: { "cache-control": "no-store" } },
  );

const credentialsSchema = z.object({
  email: z.string().max(320),
  password: z.string().max(1024),
  rememberMe: z.boolean().optional(),
});
export type Credentials = z.infer<typeof credentialsSchema>;

/** The sign-in body as Better Auth would read it (JSON or form-encoded), under the auth limit. */
export async function readCredentials(request: Request): Promise<Credentials> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const isJson = /^application\/([a-z0-9.+-]*\+)?json$/.test(type);
  if (!isJson && type !== "application/x-www-form-urlencoded") {
    throw new HttpError(415, "Send the sign-in as application/json or a form.");
  }
  const text = new TextDecoder().decode(await readBodyLimited(request, AUTH_BODY_LIMIT));
  let body: unknown;
  if (isJson) {
    try {
      body = JSON.parse(text);
    } catch {
      throw new HttpError(400, "The body is not valid JSON.");
    }
  } else {
    const form = new URLSearchParams(text);
    body = { email: form.get("email") ?? undefined, password: form.get("password") ?? undefined };
  }
  const parsed = credentialsSchema.safeParse(body);
  if (!parsed.success) {
    throw new HttpError(422, "Send an email and a password.", zodIssues(parsed.error));
  }
  return parsed.data;
}

/** A sign-in answer without the session token in its JSON body (cookies and status kept). */
export async function withoutSessionToken(response: Response): Promise<Response> {
  if (!response.ok || !(response.headers.get("content-type") ?? "").includes("json")) return response;
  const body = (await response.json()) as Record<string, unknown>;
  delete body.token;
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  return new Response(JSON.stringify(body), { status: response.status, headers });
}

export async function guardedSignIn(
  db: Db,
  sqlite: Sqlite,
  request: Request,
  signIn: (request: Request) => Promise<Response>,
  now: Date,
): Promise<Response> {
  const credentials = await readCredentials(request);
  const email = normaliseEmail(credentials.email);
  const ip = peerAddress(request.headers);
  const reservation = reserveSignInAttempt(sqlite, { email, ip, now });
  if (!reservation.allowed) {
    await recordAudit(db, { type: "sign-in-limited", actor: email || null, ip, at: now });
    const minutes = Math.ceil(reservation.retryAfterSeconds / 60);
    throw new HttpError(
      429,
      `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      undefined,
      { "retry-after": String(reservation.retryAfterSeconds) },
    );
  }
  const user = email ? await db.user.findUnique({ where: { email }, select: { disabled: true } }) : null;
  let response: Response;
  if (user?.disabled) {
    // As slow as checking a password, so the answer's timing does not single the account out.
    await hashPassword("disabled-account-timing-equaliser");
    response = invalidCredentials();
  } else {
    // Better Auth gets exactly what was counted: this email, as JSON, nothing else (no callbackURL).
    const headers = new Headers(request.headers);
    headers.set("content-type", "application/json");
    headers.delete("content-length");
    headers.delete("transfer-encoding");
    const body = JSON.stringify({
      email,
      password: credentials.password,
      rememberMe: credentials.rememberMe,
    });
    response = await signIn(new Request(request.url, { method: "POST", headers, body }));
  }
  if (response.ok) settleSignInAttempt(sqlite, reservation.attemptId);
  await recordAudit(db, {
    type: response.ok ? "sign-in" : "sign-in-failed",
    actor: email || null,
    ip,
    detail: response.ok ? {} : { status: response.status },
    at: now,
  });
  return withoutSessionToken(response);
}
