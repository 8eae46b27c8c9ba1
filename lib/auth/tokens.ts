// API tokens for the mobile app and scripts: `sbk_` + 32 random bytes, shown once; only a
// SHA-256 hash is stored (the token is high-entropy, so a slow hash adds nothing).
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "@/lib/auth/audit";
import { AccountError } from "@/lib/auth/users";
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
});

export interface TokenSummary {
  id: number;
  name: string;
  prefix: string;
  scope: TokenScope;
  staffId: number | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface TokenPrincipalData {
  tokenId: number;
  name: string;
  scope: TokenScope;
  staffId: number | null;
}

const summary = (row: {
  id: number;
  name: string;
  prefix: string;
  scope: string;
  staffId: number | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}): TokenSummary => ({ ...row, scope: row.scope as TokenScope });

/** Creates a token; the plain token is in the result only (it cannot be shown again). */
export async function createApiToken(
  db: Db,
  input: z.input<typeof newTokenSchema>,
  meta: { actor: string; ip?: string; now: Date },
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
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const row = await db.apiToken.create({
    data: {
      name,
      scope,
      staffId: staffId ?? null,
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
    detail: { tokenId: row.id, scope, staffId: staffId ?? null },
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

/** The active token with this value, its last-used time refreshed; null when unknown or revoked. */
export async function verifyApiToken(db: Db, token: string, now: Date): Promise<TokenPrincipalData | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await db.apiToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || row.revokedAt) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return { tokenId: row.id, name: row.name, scope: row.scope as TokenScope, staffId: row.staffId };
}
