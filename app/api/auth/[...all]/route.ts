// /api/auth/* — Better Auth's endpoints (sign-in, sign-out, session, desktop link redeem).
// Public by policy: each endpoint authenticates by itself; sign-in is rate limited and audited.
import { auth, AUTH_BASE_PATH } from "@/lib/auth/auth";
import { recordAudit } from "@/lib/auth/audit";
import { peerAddress } from "@/lib/auth/peer";
import { guardedSignIn } from "@/lib/auth/sign-in";
import { prisma } from "@/lib/db/prisma";
import { route } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

const betterAuth = (request: Request) => auth().handler(request);

export const GET = route("auth", "public", async (request) => betterAuth(request));

export const POST = route("auth", "public", async (request, _context, principal) => {
  const endpoint = new URL(request.url).pathname.slice(AUTH_BASE_PATH.length);
  const now = new Date();
  if (endpoint === "/sign-in/email") return guardedSignIn(prisma(), request, betterAuth, now);
  const response = await betterAuth(request);
  if (endpoint === "/sign-out" && response.ok && principal?.kind === "user") {
    await recordAudit(prisma(), {
      type: "sign-out",
      actor: principal.email,
      ip: peerAddress(request.headers),
      at: now,
    });
  }
  return response;
});
