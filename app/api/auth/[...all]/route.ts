// /api/auth/* — the Better Auth endpoints this app uses (sign-in, sign-out, session, desktop
// link redeem); every other one answers 404, so self-service endpoints (change-password,
// update-user, list/revoke sessions, …) cannot bypass the limits, audit and session rules that
// lib/auth/users.ts applies. Public by policy: each endpoint authenticates by itself; sign-in is
// rate limited and audited; bodies are limited to AUTH_BODY_LIMIT.
import { auth, AUTH_BASE_PATH } from "@/lib/auth/auth";
import { recordAudit } from "@/lib/auth/audit";
import { peerAddress } from "@/lib/auth/peer";
import { guardedSignIn } from "@/lib/auth/sign-in";
import { prisma } from "@/lib/db/prisma";
import { sqlite } from "@/lib/db/sqlite";
import { AUTH_BODY_LIMIT } from "@/lib/http/body-limit";
import { route } from "@/lib/http/handler";
import { HttpError } from "@/lib/http/problem";

export const dynamic = "force-dynamic";

/** Method + path (below /api/auth) of every Better Auth endpoint the app uses. */
const AUTH_ENDPOINTS: ReadonlySet<string> = new Set([
  "POST /sign-in/email",
  "POST /sign-out",
  "GET /get-session",
  "GET /desktop/redeem",
]);

const endpointOf = (request: Request) =>
  `${request.method} ${new URL(request.url).pathname.slice(AUTH_BASE_PATH.length)}`;

function betterAuth(request: Request): Promise<Response> {
  if (!AUTH_ENDPOINTS.has(endpointOf(request))) throw new HttpError(404, "No such endpoint.");
  return auth().handler(request);
}

const options = { bodyLimit: AUTH_BODY_LIMIT };

export const GET = route("auth", "public", async (request) => betterAuth(request), options);

export const POST = route(
  "auth",
  "public",
  async (request, _context, principal) => {
    const endpoint = endpointOf(request);
    const now = new Date();
    if (endpoint === "POST /sign-in/email")
      return guardedSignIn(prisma(), sqlite(), request, betterAuth, now);
    const response = await betterAuth(request);
    if (endpoint === "POST /sign-out" && response.ok && principal?.kind === "user") {
      await recordAudit(prisma(), {
        type: "sign-out",
        actor: principal.email,
        ip: peerAddress(request.headers),
        at: now,
      });
    }
    return response;
  },
  options,
);
