// What a walker's staff page shows the owner about the walker's ways in: the accounts linked to
// the walker, each with its password state, pending set-password link, live sessions (created,
// last active, browser, address), and the API tokens acting for the walker (paired phones are
// listed by lib/auth/device-list.ts). Read-only; ending each one goes through the existing
// routes (/api/sessions/<id>, /api/tokens/<id>, /api/v1/device/devices/<id>).
import Bowser from "bowser";
import { DESKTOP_SESSION_AGENT } from "@/lib/auth/desktop-link";
import { SET_PASSWORD_PURPOSE } from "@/lib/auth/set-password";
import type { Role } from "@/lib/auth/users";
import type { Db } from "@/lib/db/prisma";

export interface AccountSession {
  id: string;
  createdAt: Date;
  lastActiveAt: Date;
  userAgent: string | null;
  ipAddress: string | null;
}

export interface WalkerAccount {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  hasPassword: boolean;
  /** When the newest unused set-password link expires (null: none waiting). */
  linkExpiresAt: Date | null;
  sessions: AccountSession[];
}

export interface WalkerToken {
  id: number;
  name: string;
  prefix: string;
  scope: string;
  userEmail: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
}

/** The walker's accounts (owner accounts first) with their live sessions, newest first. */
export async function walkerAccounts(db: Db, staffId: number, now: Date): Promise<WalkerAccount[]> {
  const users = await db.user.findMany({
    where: { staffId },
    orderBy: [{ disabled: "asc" }, { email: "asc" }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      disabled: true,
      accounts: { where: { providerId: "credential" }, select: { password: true } },
      sessions: {
        where: { expiresAt: { gt: now } },
        orderBy: { updatedAt: "desc" },
        select: { id: true, createdAt: true, updatedAt: true, userAgent: true, ipAddress: true },
      },
    },
  });
  const links = await db.signInLink.findMany({
    where: {
      userId: { in: users.map((user) => user.id) },
      purpose: SET_PASSWORD_PURPOSE,
      usedAt: null,
      expiresAt: { gt: now },
    },
    select: { userId: true, expiresAt: true },
  });
  return users.map((user) => ({
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role as Role,
    disabled: user.disabled,
    hasPassword: user.accounts.some((account) => Boolean(account.password)),
    linkExpiresAt:
      links
        .filter((link) => link.userId === user.id)
        .map((link) => link.expiresAt)
        .sort((a, b) => b.getTime() - a.getTime())[0] ?? null,
    sessions: user.sessions.map((session) => ({
      id: session.id,
      createdAt: session.createdAt,
      lastActiveAt: session.updatedAt,
      userAgent: session.userAgent,
      ipAddress: session.ipAddress,
    })),
  }));
}

/** Active API tokens (not paired phones) acting for the walker or made by one of its accounts. */
export async function walkerTokens(db: Db, staffId: number): Promise<WalkerToken[]> {
  const rows = await db.apiToken.findMany({
    where: {
      revokedAt: null,
      deviceName: null,
      OR: [{ staffId }, { user: { staffId } }],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      name: true,
      prefix: true,
      scope: true,
      createdAt: true,
      lastUsedAt: true,
      user: { select: { email: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scope: row.scope,
    userEmail: row.user?.email ?? null,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
  }));
}

/** The enabled accounts' emails per walker, for the staff list. */
export async function walkerLogins(db: Db): Promise<Map<number, string[]>> {
  const users = await db.user.findMany({
    where: { staffId: { not: null }, disabled: false },
    orderBy: { email: "asc" },
    select: { email: true, staffId: true },
  });
  const byWalker = new Map<number, string[]>();
  for (const user of users) byWalker.set(user.staffId!, [...(byWalker.get(user.staffId!) ?? []), user.email]);
  return byWalker;
}

/** A short name of the browser behind a user agent ("Chrome on Android"), for lists. */
export function browserName(userAgent: string | null): string {
  if (!userAgent) return "Unknown browser";
  if (userAgent.startsWith(DESKTOP_SESSION_AGENT)) return "Desktop window";
  const parser = Bowser.getParser(userAgent);
  const browser = parser.getBrowserName();
  const system = parser.getOSName();
  if (browser && system) return `${browser} on ${system}`;
  return browser || system || userAgent.slice(0, 60);
}
