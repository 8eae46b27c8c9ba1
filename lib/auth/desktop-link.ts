// Single-use sign-in links for the desktop window. The launcher proves it runs as this OS user
// by presenting the secret in the data directory; the server answers with a link valid for
// 60 seconds that signs the owner in once, from loopback only. Only a hash of it is stored.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Db } from "@/lib/db/prisma";

export const LINK_TTL_MS = 60_000;
/**
 * How the `userAgent` of a session made by redeeming a link starts (the window's own follows):
 * it marks the desktop window's session, so that a launch replaces the previous one instead of
 * piling up 30-day sessions.
 */
export const DESKTOP_SESSION_AGENT = "Stripe Bookings desktop window";

/** The `userAgent` stored for a desktop session opened by a window sending `userAgent`. */
export const desktopSessionAgent = (userAgent: string | null | undefined): string =>
  userAgent ? `${DESKTOP_SESSION_AGENT}; ${userAgent}` : DESKTOP_SESSION_AGENT;
export const DESKTOP_LINK_PATH = "/api/auth/desktop/redeem";

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

export function secretsMatch(presented: string, expected: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The active owner the window signs in as (the first created), or null when there is none. */
export async function desktopOwner(db: Db): Promise<{ id: string; email: string } | null> {
  return db.user.findFirst({
    where: { role: "owner", disabled: false },
    orderBy: { createdAt: "asc" },
    select: { id: true, email: true },
  });
}

/** A new link token for `userId`; the caller builds the URL (DESKTOP_LINK_PATH?token=…). */
export async function createSignInLink(db: Db, userId: string, now: Date): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.signInLink.create({
    data: {
      tokenHash: hash(token),
      userId,
      purpose: "desktop",
      createdBy: "desktop",
      expiresAt: new Date(now.getTime() + LINK_TTL_MS),
      createdAt: now,
    },
  });
  return token;
}

/** Uses the link: the user id it signs in, or null when unknown, expired or already used. */
export async function consumeSignInLink(db: Db, token: string, now: Date): Promise<string | null> {
  const tokenHash = hash(token);
  // One conditional update: two simultaneous redeems cannot both succeed.
  const used = await db.signInLink.updateMany({
    // Only desktop links: a set-password link (lib/auth/set-password.ts) never signs in here.
    where: { tokenHash, purpose: "desktop", usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (used.count !== 1) return null;
  const link = await db.signInLink.findUnique({ where: { tokenHash } });
  return link?.userId ?? null;
}

/**
 * Ends the desktop sessions of `userId` made before `keep` (the one a redeem just made): at
 * most one desktop session per account. Only older ones, so two launches redeeming at once
 * cannot end each other's; sessions signed in with a password are not touched.
 */
export async function endEarlierDesktopSessions(
  db: Db,
  userId: string,
  keep: { id: string; createdAt: Date },
): Promise<number> {
  const ended = await db.session.deleteMany({
    where: {
      userId,
      userAgent: { startsWith: DESKTOP_SESSION_AGENT },
      id: { not: keep.id },
      createdAt: { lt: keep.createdAt },
    },
  });
  return ended.count;
}
