// A Better Auth endpoint that turns a desktop sign-in link into a session cookie
// (GET /api/auth/desktop/redeem?token=…[&next=/path]), so the cookie is made and signed by Better
// Auth; `next` passes the same same-site check as every other return path. Each redeem replaces
// the account's earlier desktop session, so launches do not pile up 30-day sessions.
import type { BetterAuthPlugin } from "better-auth";
import { createAuthEndpoint } from "better-auth/api";
import { setSessionCookie } from "better-auth/cookies";
import { z } from "zod";
import { recordAudit } from "@/lib/auth/audit";
import { consumeSignInLink, desktopSessionAgent, endEarlierDesktopSessions } from "@/lib/auth/desktop-link";
import { safeNextPath } from "@/lib/auth/next-path";
import { isLoopbackAddress, PEER_HEADER } from "@/lib/auth/peer";
import { prisma } from "@/lib/db/prisma";

export function desktopLinkPlugin() {
  return {
    id: "desktop-link",
    endpoints: {
      redeemDesktopLink: createAuthEndpoint(
        "/desktop/redeem",
        {
          method: "GET",
          query: z.object({ token: z.string().min(1).max(200), next: z.string().max(2048).optional() }),
        },
        async (ctx) => {
          const peer = ctx.request?.headers.get(PEER_HEADER) ?? null;
          if (!isLoopbackAddress(peer)) {
            throw ctx.error("FORBIDDEN", { message: "Desktop sign-in links work only on this computer." });
          }
          const now = new Date();
          const userId = await consumeSignInLink(prisma(), ctx.query.token, now);
          const user = userId ? await ctx.context.internalAdapter.findUserById(userId) : null;
          if (!user) {
            throw ctx.error("UNAUTHORIZED", {
              message: "This sign-in link has expired or was already used.",
            });
          }
          const session = await ctx.context.internalAdapter.createSession(user.id, false, {
            userAgent: desktopSessionAgent(ctx.request?.headers.get("user-agent")),
          });
          if (!session) throw ctx.error("FORBIDDEN", { message: "This account cannot sign in." });
          // The window this launch replaces signed in the same way: its session ends here.
          await endEarlierDesktopSessions(prisma(), user.id, session);
          await setSessionCookie(ctx, { session, user });
          await recordAudit(prisma(), { type: "desktop-sign-in", actor: user.email, ip: peer, at: now });
          throw ctx.redirect(safeNextPath(ctx.query.next));
        },
      ),
    },
  } satisfies BetterAuthPlugin;
}
