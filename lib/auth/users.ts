// Accounts: create, list, disable, set password; list and revoke sessions. Used by the CLI,
// the first-run form and Settings. Each change is one transaction and one audit row.
import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { z } from "zod";
import { recordAudit } from "@/lib/auth/audit";
import { COMMON_PASSWORD_MESSAGE, isCommonPassword } from "@/lib/auth/password-rules";
import { normaliseEmail } from "@/lib/auth/rate-limit";
import { passwordSchema } from "@/lib/auth/set-password-form";
import type { Db } from "@/lib/db/prisma";

export const ROLES = ["owner", "staff"] as const;
export type Role = (typeof ROLES)[number];
export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/auth/set-password-form";

export const newUserSchema = z.object({
  email: z.preprocess(
    (value) => (typeof value === "string" ? normaliseEmail(value) : value),
    z.email({ error: "must be an email address" }),
  ),
  name: z.string().trim().min(1).max(100).optional(),
  role: z.enum(ROLES, { error: "must be owner or staff" }),
  staffId: z.number().int().positive().optional(),
  password: passwordSchema.refine((password) => !isCommonPassword(password), COMMON_PASSWORD_MESSAGE),
});
export type NewUser = z.input<typeof newUserSchema>;

/** Bad input for an account operation: nothing was changed. */
export class AccountError extends Error {
  constructor(
    message: string,
    public readonly field?: string,
  ) {
    super(message);
    this.name = "AccountError";
  }
}

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  staffId: number | null;
  staffName: string | null;
  createdAt: Date;
  activeSessions: number;
}

/** Whether the installation has been claimed: an owner account exists (even a disabled one). */
export async function hasOwner(db: Db): Promise<boolean> {
  return (await db.user.count({ where: { role: "owner" } })) > 0;
}

export async function createUser(
  db: Db,
  input: NewUser,
  meta: { actor: string; ip?: string; now: Date; onlyFirstOwner?: boolean },
): Promise<UserSummary> {
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AccountError(`${String(issue.path[0] ?? "input")} ${issue.message}`, String(issue.path[0]));
  }
  const data = parsed.data;
  if (data.staffId !== undefined && data.role !== "staff") {
    throw new AccountError("Only staff accounts are linked to a walker (--staff-id).", "staffId");
  }
  const hash = await hashPassword(data.password);
  const id = randomUUID();
  await db.$transaction(async (tx) => {
    // The first-run form may create an owner only while none exists (checked in the same write).
    if (meta.onlyFirstOwner && (await tx.user.count({ where: { role: "owner" } })) > 0) {
      throw new AccountError("The owner account already exists; sign in instead.");
    }
    if (await tx.user.findUnique({ where: { email: data.email } })) {
      throw new AccountError(`An account for ${data.email} already exists.`, "email");
    }
    if (data.staffId !== undefined && !(await tx.staff.findUnique({ where: { id: data.staffId } }))) {
      throw new AccountError(`No staff member has id ${data.staffId}.`, "staffId");
    }
    await tx.user.create({
      data: {
        id,
        email: data.email,
        name: data.name ?? data.email.split("@")[0]!,
        emailVerified: true,
        role: data.role,
        staffId: data.staffId ?? null,
        createdAt: meta.now,
        updatedAt: meta.now,
        accounts: {
          create: {
            id: randomUUID(),
            providerId: "credential",
            accountId: id,
            password: hash,
            createdAt: meta.now,
            updatedAt: meta.now,
          },
        },
      },
    });
  });
  await recordAudit(db, {
    type: "user-created",
    actor: meta.actor,
    target: data.email,
    ip: meta.ip,
    detail: { role: data.role, staffId: data.staffId ?? null },
    at: meta.now,
  });
  return (await listUsers(db, meta.now)).find((user) => user.id === id)!;
}

export async function listUsers(db: Db, now: Date): Promise<UserSummary[]> {
  const users = await db.user.findMany({
    orderBy: [{ role: "asc" }, { email: "asc" }],
    include: {
      staff: { select: { name: true } },
      _count: { select: { sessions: { where: { expiresAt: { gt: now } } } } },
    },
  });
  return users.map((user) => ({
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role as Role,
    disabled: user.disabled,
    staffId: user.staffId,
    staffName: user.staff?.name ?? null,
    createdAt: user.createdAt,
    activeSessions: user._count.sessions,
  }));
}

async function userByEmail(db: Db, email: string) {
  const user = await db.user.findUnique({ where: { email: normaliseEmail(email) } });
  if (!user) throw new AccountError(`No account for ${normaliseEmail(email)}.`, "email");
  return user;
}

export interface DisableResult {
  sessionsEnded: number;
  /** API tokens and paired devices (ApiToken rows) of the account, revoked. */
  tokensRevoked: number;
  /** Calendar feeds the account made, revoked (their links answer 404 from now on). */
  feedsRevoked: number;
}

/**
 * Disables the account and ends everything it holds, in one transaction: its sessions, its API
 * tokens and paired devices, the calendar feeds it made. Disabling again finds nothing left.
 */
export async function disableUser(
  db: Db,
  email: string,
  meta: { actor: string; ip?: string; now: Date },
): Promise<DisableResult> {
  const user = await userByEmail(db, email);
  const result = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { disabled: true, updatedAt: meta.now } });
    const sessions = await tx.session.deleteMany({ where: { userId: user.id } });
    const tokens = await tx.apiToken.updateMany({
      where: { userId: user.id, revokedAt: null },
      data: { revokedAt: meta.now },
    });
    const feeds = await tx.calendarFeed.updateMany({
      where: { createdByUserId: user.id, revokedAt: null },
      // A revoked link is never shown again: its sealed copy goes with it.
      data: { revokedAt: meta.now, tokenSealed: null },
    });
    return { sessionsEnded: sessions.count, tokensRevoked: tokens.count, feedsRevoked: feeds.count };
  });
  await recordAudit(db, {
    type: "user-disabled",
    actor: meta.actor,
    target: user.email,
    ip: meta.ip,
    detail: { ...result },
    at: meta.now,
  });
  return result;
}

/** Sets a new password; every session of the account ends (a reset is usually for a reason). */
export async function setPassword(
  db: Db,
  email: string,
  password: string,
  meta: { actor: string; ip?: string; now: Date },
): Promise<void> {
  const checked = newUserSchema.shape.password.safeParse(password);
  if (!checked.success) throw new AccountError(`password ${checked.error.issues[0]!.message}`, "password");
  const user = await userByEmail(db, email);
  const hash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const updated = await tx.account.updateMany({
      where: { userId: user.id, providerId: "credential" },
      data: { password: hash, updatedAt: meta.now },
    });
    if (updated.count === 0) {
      await tx.account.create({
        data: {
          id: randomUUID(),
          userId: user.id,
          providerId: "credential",
          accountId: user.id,
          password: hash,
          createdAt: meta.now,
          updatedAt: meta.now,
        },
      });
    }
    await tx.session.deleteMany({ where: { userId: user.id } });
  });
  await recordAudit(db, {
    type: "password-changed",
    actor: meta.actor,
    target: user.email,
    ip: meta.ip,
    at: meta.now,
  });
}

export interface SessionSummary {
  id: string;
  userEmail: string;
  role: Role;
  createdAt: Date;
  lastActiveAt: Date;
  expiresAt: Date;
  ipAddress: string | null;
  userAgent: string | null;
}

/** Live sessions of every user (or one), newest first. */
export async function listSessions(db: Db, now: Date, userEmail?: string): Promise<SessionSummary[]> {
  const sessions = await db.session.findMany({
    where: {
      expiresAt: { gt: now },
      ...(userEmail ? { user: { email: normaliseEmail(userEmail) } } : {}),
    },
    include: { user: { select: { email: true, role: true } } },
    orderBy: { createdAt: "desc" },
  });
  return sessions.map((session) => ({
    id: session.id,
    userEmail: session.user.email,
    role: session.user.role as Role,
    createdAt: session.createdAt,
    lastActiveAt: session.updatedAt,
    expiresAt: session.expiresAt,
    ipAddress: session.ipAddress,
    userAgent: session.userAgent,
  }));
}

/** Ends one session (by id); false when there was none. */
export async function revokeSession(
  db: Db,
  sessionId: string,
  meta: { actor: string; ip?: string; now: Date },
): Promise<boolean> {
  const session = await db.session.findUnique({ where: { id: sessionId }, include: { user: true } });
  if (!session) return false;
  await db.session.delete({ where: { id: sessionId } });
  await recordAudit(db, {
    type: "session-revoked",
    actor: meta.actor,
    target: session.user.email,
    ip: meta.ip,
    detail: { sessionId },
    at: meta.now,
  });
  return true;
}
