// Accounts made on the staff page, without a terminal and without an email server: the owner
// adds an account (no password yet) and gets a one-time set-password link to hand over (copied,
// or scanned as a QR code). The link lives 72 hours, works once (a conditional update: two
// simultaneous redemptions give one success) and only its SHA-256 hash is stored (SignInLink,
// purpose "set-password"). A new link for an account replaces its older unused ones.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { recordAudit } from "@/lib/auth/audit";
import { accountFormSchema, linkTokenSchema, type AccountForm } from "@/lib/auth/set-password-form";
import { AccountError, newUserSchema, type Role } from "@/lib/auth/users";
import type { Db } from "@/lib/db/prisma";

/** Long enough to reach a walker who is out on walks today; short enough not to linger. */
export const SET_PASSWORD_TTL_MS = 72 * 60 * 60_000;
export const SET_PASSWORD_PURPOSE = "set-password";
export const SET_PASSWORD_PATH = "/set-password";
/** How a link try is stored among sign-in attempts (lib/auth/rate-limit.ts): no account named. */
export const LINK_ATTEMPT_LABEL = "#set-password-link";

const sha256 = (token: string) => createHash("sha256").update(token).digest("hex");

/** The link the walker opens (the token in the query: the access log writes paths without it). */
export const setPasswordUrl = (origin: string, token: string): string =>
  `${origin}${SET_PASSWORD_PATH}?token=${token}`;

export interface IssuedLink {
  token: string;
  expiresAt: Date;
}

export interface AccountMeta {
  actor: string;
  ip?: string;
  now: Date;
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Inside a transaction: drops the account's unused set-password links, stores a new one. */
async function issue(tx: Tx, userId: string, meta: AccountMeta): Promise<IssuedLink> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(meta.now.getTime() + SET_PASSWORD_TTL_MS);
  await tx.signInLink.deleteMany({ where: { userId, purpose: SET_PASSWORD_PURPOSE, usedAt: null } });
  await tx.signInLink.create({
    data: {
      tokenHash: sha256(token),
      userId,
      purpose: SET_PASSWORD_PURPOSE,
      createdBy: meta.actor,
      expiresAt,
      createdAt: meta.now,
    },
  });
  return { token, expiresAt };
}

const linkAudit = (db: Db, email: string, link: IssuedLink, meta: AccountMeta) =>
  recordAudit(db, {
    type: "set-password-link-created",
    actor: meta.actor,
    target: email,
    ip: meta.ip,
    detail: { expiresAt: link.expiresAt.toISOString() },
    at: meta.now,
  });

export interface CreatedAccount {
  id: string;
  email: string;
  role: Role;
  staffId: number | null;
  link: IssuedLink;
}

/** Creates an account without a password and its first link, in one transaction; or nothing. */
export async function createAccountWithLink(
  db: Db,
  input: AccountForm,
  meta: AccountMeta,
): Promise<CreatedAccount> {
  const parsed = accountFormSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0] ?? "form");
    throw new AccountError(`${field} ${issue.message}`, field);
  }
  const { email, name, role } = parsed.data;
  const staffId = parsed.data.staffId ?? null;
  const id = randomUUID();
  const link = await db
    .$transaction(async (tx) => {
      if (await tx.user.findUnique({ where: { email } })) {
        throw new AccountError(`An account for ${email} already exists.`, "email");
      }
      if (staffId !== null && !(await tx.staff.findUnique({ where: { id: staffId } }))) {
        throw new AccountError(`No staff member has id ${staffId}.`, "staffId");
      }
      await tx.user.create({
        data: {
          id,
          email,
          name: name ?? email.split("@")[0]!,
          emailVerified: true,
          role,
          staffId,
          createdAt: meta.now,
          updatedAt: meta.now,
        },
      });
      return issue(tx, id, meta);
    })
    .catch((error: unknown) => {
      // Two owners adding the same email at once: the UNIQUE index decides, with the same answer.
      if ((error as { code?: unknown }).code === "P2002")
        throw new AccountError(`An account for ${email} already exists.`, "email");
      throw error;
    });
  await recordAudit(db, {
    type: "user-created",
    actor: meta.actor,
    target: email,
    ip: meta.ip,
    detail: { role, staffId, password: "set-password link" },
    at: meta.now,
  });
  await linkAudit(db, email, link, meta);
  return { id, email, role, staffId, link };
}

/** A new link for an existing, enabled account; its older unused links stop working. */
export async function makeSetPasswordLink(
  db: Db,
  userId: string,
  meta: AccountMeta,
): Promise<(IssuedLink & { email: string }) | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, disabled: true } });
  if (!user) return null;
  if (user.disabled) throw new AccountError(`${user.email} is disabled; it cannot set a password.`);
  const link = await db.$transaction((tx) => issue(tx, userId, meta));
  await linkAudit(db, user.email, link, meta);
  return { ...link, email: user.email };
}

export interface LinkView {
  email: string;
  name: string;
  staffName: string | null;
  /** The account has a password already (the link replaces it). */
  hasPassword: boolean;
  expiresAt: Date;
}

/** Who a usable link is for; null when it is unknown, used, expired, or its account disabled. */
export async function findSetPasswordLink(db: Db, token: string, now: Date): Promise<LinkView | null> {
  if (!linkTokenSchema.safeParse(token).success) return null;
  const link = await db.signInLink.findUnique({ where: { tokenHash: sha256(token) } });
  if (!link || link.purpose !== SET_PASSWORD_PURPOSE || link.usedAt || link.expiresAt <= now) return null;
  const user = await db.user.findUnique({
    where: { id: link.userId },
    select: {
      email: true,
      name: true,
      disabled: true,
      staff: { select: { name: true } },
      accounts: { where: { providerId: "credential" }, select: { password: true } },
    },
  });
  if (!user || user.disabled) return null;
  return {
    email: user.email,
    name: user.name,
    staffName: user.staff?.name ?? null,
    hasPassword: user.accounts.some((account) => Boolean(account.password)),
    expiresAt: link.expiresAt,
  };
}

class Refused extends Error {}

/**
 * Uses the link: sets the account's password (Better Auth's hashing), marks the link used and
 * ends the account's earlier sessions, in one transaction. Returns the account's email, or null
 * (nothing changed) when the link is unknown, used, expired or its account disabled. The
 * password must pass the same rules as everywhere (AccountError otherwise, nothing changed).
 */
export async function redeemSetPasswordLink(
  db: Db,
  input: { token: string; password: string; ip?: string; now: Date },
): Promise<{ email: string } | null> {
  const checked = newUserSchema.shape.password.safeParse(input.password);
  if (!checked.success) throw new AccountError(`password ${checked.error.issues[0]!.message}`, "password");
  if (!linkTokenSchema.safeParse(input.token).success) return null;
  const tokenHash = sha256(input.token);
  // Hashing is slow (scrypt): done before the transaction, which stays short.
  const hash = await hashPassword(input.password);
  let email: string;
  try {
    email = await db.$transaction(async (tx) => {
      const used = await tx.signInLink.updateMany({
        where: { tokenHash, purpose: SET_PASSWORD_PURPOSE, usedAt: null, expiresAt: { gt: input.now } },
        data: { usedAt: input.now },
      });
      if (used.count !== 1) throw new Refused();
      const link = await tx.signInLink.findUniqueOrThrow({ where: { tokenHash } });
      const user = await tx.user.findUnique({ where: { id: link.userId } });
      if (!user || user.disabled) throw new Refused();
      const updated = await tx.account.updateMany({
        where: { userId: user.id, providerId: "credential" },
        data: { password: hash, updatedAt: input.now },
      });
      if (updated.count === 0) {
        await tx.account.create({
          data: {
            id: randomUUID(),
            userId: user.id,
            providerId: "credential",
            accountId: user.id,
            password: hash,
            createdAt: input.now,
            updatedAt: input.now,
          },
        });
      }
      await tx.session.deleteMany({ where: { userId: user.id } });
      return user.email;
    });
  } catch (error) {
    if (error instanceof Refused) return null;
    throw error;
  }
  await recordAudit(db, {
    type: "set-password-link-used",
    actor: email,
    target: email,
    ip: input.ip,
    at: input.now,
  });
  return { email };
}
