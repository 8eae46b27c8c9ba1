// API tokens for the mobile app and scripts: `sbk_` + 32 random bytes, shown once; only a
// SHA-256 hash is stored (the token is high-entropy, so a slow hash adds nothing).
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "@/lib/auth/audit";
import { AccountError } from "@/lib/auth/users";
import type { Role } from "@/lib/auth/users";
import type { Db } from "@/lib/db/prisma";

export const TOKEN_SCOPES = ["read", "write"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];
const TOKEN_PREFIX = "sbk_";
/** Last-used time is written at most this often per token (not on every request). */
const LAST_USED_RESOLUTION_MS = 60_000;

export const hashToken = (token: string): string => createHash("sha256").update(token).digest("hex");

export const newTokenSchema = z.object({
  name: z.string().trim().min(1, "must not be empty").max(100),
  scope: z.enum(TOKEN_SCOPES, { error: "must be read or write" }),
  staffId: z.number().int().positive().optional(),
  /** The account the token belongs to (it acts with that account's role and walker link). */
  userId: z.string().min(1).optional(),
});

export interface TokenSummary {
  id: number;
  name: string;
  prefix: string;
  scope: TokenScope;
  staffId: number | null;
  userId: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface TokenPrincipalData {
  tokenId: number;
  name: string;
  scope: TokenScope;
  role: Role;
  staffId: number | null;
  userId: string | null;
}

const summary = (row: {
  id: number;
  name: string;
  prefix: string;
  scope: string;
  staffId: number | null;
  userId: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}): TokenSummary => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  scope: row.scope as TokenScope,
  staffId: row.staffId,
  userId: row.userId,
  createdAt: row.createdAt,
  lastUsedAt: row.lastUsedAt,
  revokedAt: row.revokedAt,
});

/**
 * The account a new token belongs to: a walker's token belongs to that walker's (first active)
 * account when one exists, so disabling the walker's account revokes it; otherwise the account
 * it was made for or by (a signed-in owner), or none (a terminal without an account).
 */
async function owningUser(db: Db, staffId: number | undefined, userId: string | undefined) {
  if (staffId !== undefined) {
    const walker = await db.user.findFirst({
      where: { staffId, disabled: false, role: "staff" },
      orderBy: { createdAt: "asc" },
    });
    return walker?.id ?? null;
  }
  if (userId === undefined) return null;
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user || user.disabled) throw new AccountError("No active account has this id.", "userId");
  return user.id;
}

/** Creates a token; the plain token is in the result only (it cannot be shown again). */
export async function createApiToken(
  db: Db,
  input: z.input<typeof newTokenSchema>,
  meta: { actor: string; ip?: string; now: Date; createdByUserId?: string },
): Promise<{ token: string; summary: TokenSummary }> {
  const parsed = newTokenSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AccountError(`${String(issue.path[0])} ${issue.message}`, String(issue.path[0]));
  }
  const { name, scope, staffId } = parsed.data;
  if (staffId !== undefined && !(await db.staff.findUnique({ where: { id: staffId } }))) {
    throw new AccountError(`No staff member has id ${staffId}.`, "staffId");
  }
  const userId = await owningUser(db, staffId, parsed.data.userId ?? meta.createdByUserId);
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const row = await db.apiToken.create({
    data: {
      name,
      scope,
      staffId: staffId ?? null,
      userId,
      tokenHash: hashToken(token),
      prefix: token.slice(0, TOKEN_PREFIX.length + 6),
      createdAt: meta.now,
    },
  });
  await recordAudit(db, {
    type: "token-created",
    actor: meta.actor,
    target: name,
    ip: meta.ip,
    detail: { tokenId: row.id, scope, staffId: staffId ?? null, userId },
    at: meta.now,
  });
  return { token, summary: summary(row) };
}

export async function listApiTokens(db: Db): Promise<TokenSummary[]> {
  const rows = await db.apiToken.findMany({ orderBy: [{ revokedAt: "asc" }, { createdAt: "desc" }] });
  return rows.map(summary);
}

/** Revokes by id; false when no such active token. */
export async function revokeApiToken(
  db: Db,
  id: number,
  meta: { actor: string; ip?: string; now: Date },
): Promise<boolean> {
  const revoked = await db.apiToken.updateMany({
    where: { id, revokedAt: null },
    data: { revokedAt: meta.now },
  });
  if (revoked.count === 0) return false;
  const row = await db.apiToken.findUnique({ where: { id } });
  await recordAudit(db, {
    type: "token-revoked",
    actor: meta.actor,
    target: row?.name ?? String(id),
    ip: meta.ip,
    detail: { tokenId: id },
    at: meta.now,
  });
  return true;
}

/**
 * The active token with this value, its last-used time refreshed; null when unknown, revoked or
 * its account is disabled. A walker's token (staffId) is staff whoever made it; otherwise the
 * token has its account's role and walker link, and a token without an account is the owner's.
 */
export async function verifyApiToken(db: Db, token: string, now: Date): Promise<TokenPrincipalData | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: { select: { role: true, disabled: true, staffId: true } } },
  });
  if (!row || row.revokedAt || row.user?.disabled) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  const userRole: Role = row.user?.role === "staff" ? "staff" : "owner";
  const role: Role = row.staffId !== null ? "staff" : row.user ? userRole : "owner";
  const staffId = row.staffId ?? (role === "staff" ? (row.user?.staffId ?? null) : null);
  return {
    tokenId: row.id,
    name: row.name,
    scope: row.scope as TokenScope,
    role,
    staffId,
    userId: row.userId,
  };
}
