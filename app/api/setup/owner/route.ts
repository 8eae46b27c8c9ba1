// POST /api/setup/owner — the first-run form: creates the owner account and signs it in.
// Only while no owner exists, only from this computer, only from our own page; a small body;
// the password passes the same rules as everywhere (lib/auth/password-rules.ts).
import { z } from "zod";
import { auth } from "@/lib/auth/auth";
import { isLocalRequest } from "@/lib/auth/first-run";
import { isSameOrigin } from "@/lib/auth/origin";
import { peerAddress } from "@/lib/auth/peer";
import { AccountError, createUser } from "@/lib/auth/users";
import { recordAudit } from "@/lib/auth/audit";
import { withoutSessionToken } from "@/lib/auth/sign-in";
import { config } from "@/lib/config";
import { prisma } from "@/lib/db/prisma";
import { cliCommand } from "@/lib/desktop/commands";
import { AUTH_BODY_LIMIT } from "@/lib/http/body-limit";
import { readJson, route } from "@/lib/http/handler";
import { HttpError } from "@/lib/http/problem";

export const dynamic = "force-dynamic";

const bodySchema = z.object({
  email: z.string(),
  name: z.string().optional(),
  password: z.string(),
});

export const POST = route(
  "setup.owner",
  "public",
  async (request) => {
    if (!isLocalRequest(request.headers)) {
      throw new HttpError(
        403,
        `Create the owner account on the computer running the server, or run ${cliCommand("user:create", config())}.`,
      );
    }
    if (!isSameOrigin(request)) throw new HttpError(403, "Cross-site request refused.");
    const body = await readJson(request, bodySchema);
    const now = new Date();
    const ip = peerAddress(request.headers);
    try {
      await createUser(
        prisma(),
        { email: body.email, name: body.name || undefined, password: body.password, role: "owner" },
        { actor: "first-run", ip, now, onlyFirstOwner: true },
      );
    } catch (error) {
      if (error instanceof AccountError) {
        const status = error.field ? 422 : 409;
        throw new HttpError(
          status,
          error.message,
          error.field ? [{ path: error.field, message: error.message }] : undefined,
        );
      }
      throw error;
    }
    const signedIn = await auth().api.signInEmail({
      body: { email: body.email, password: body.password },
      headers: request.headers,
      asResponse: true,
    });
    if (signedIn.ok)
      await recordAudit(prisma(), { type: "sign-in", actor: body.email.trim().toLowerCase(), ip, at: now });
    return withoutSessionToken(signedIn);
  },
  { bodyLimit: AUTH_BODY_LIMIT },
);
