// POST /api/desktop/sign-in-link — the desktop launcher asks for a single-use sign-in link for
// the owner (valid 60 s). Authorised by the secret file in the data directory that only this
// OS user can read, and only from loopback. The link is never logged (the log has the path only).
import { readOrCreateSecret, desktopLinkSecretFile } from "@/lib/auth/secret";
import { createSignInLink, desktopOwner, DESKTOP_LINK_PATH, secretsMatch } from "@/lib/auth/desktop-link";
import { isLoopbackAddress, peerAddress } from "@/lib/auth/peer";
import { bearerToken } from "@/lib/auth/principal";
import { config } from "@/lib/config";
import { prisma } from "@/lib/db/prisma";
import { route } from "@/lib/http/handler";
import { HttpError } from "@/lib/http/problem";

export const dynamic = "force-dynamic";

export const POST = route("desktop.sign-in-link", "public", async (request) => {
  if (!isLoopbackAddress(peerAddress(request.headers))) {
    throw new HttpError(403, "Desktop sign-in links are only handed out on this computer.");
  }
  const presented = bearerToken(request.headers) ?? "";
  const expected = readOrCreateSecret(desktopLinkSecretFile(config().dataDir));
  if (!presented || !secretsMatch(presented, expected)) throw new HttpError(401, "Not the desktop launcher.");
  const owner = await desktopOwner(prisma());
  if (!owner) throw new HttpError(409, "No owner account yet: the window opens the first-run form instead.");
  const token = await createSignInLink(prisma(), owner.id, new Date());
  return Response.json(
    { path: `${DESKTOP_LINK_PATH}?token=${encodeURIComponent(token)}` },
    { headers: { "cache-control": "no-store" } },
  );
});
