// Who is calling: a signed-in user (session cookie, via Better Auth) or an API token. Both
// carry the person's role and walker link, so the same person gets the same rights whichever
// way they call (lib/auth/policy.ts); a token's scope (read/write) only narrows them.
import { verifyApiToken, type TokenScope } from "@/lib/auth/tokens";
import type { Role } from "@/lib/auth/users";
import { prisma } from "@/lib/db/prisma";

interface PrincipalBase {
  /** "owner" or "staff": the person's role, never widened by how they call. */
  role: Role;
  /** The walker (Staff row) this caller is; null for the owner and unlinked staff accounts. */
  staffId: number | null;
  /** The account behind the call; null for a token made in a terminal without one. */
  userId: string | null;
  name: string;
}

export interface UserPrincipal extends PrincipalBase {
  kind: "user";
  userId: string;
  email: string;
  sessionId: string;
}

export interface TokenPrincipal extends PrincipalBase {
  kind: "token";
  tokenId: number;
  scope: TokenScope;
}

export type Principal = UserPrincipal | TokenPrincipal;

/** The bearer token of an `Authorization: Bearer …` header; undefined without one. */
export function bearerToken(headers: Headers): string | undefined {
  const value = headers.get("authorization");
  if (!value) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(value);
  return match?.[1] ?? "";
}

export async function principalFromCookies(headers: Headers): Promise<UserPrincipal | null> {
  if (!headers.get("cookie")) return null;
  // Loaded on first use: anonymous requests (health checks, webhooks, feeds) never need it.
  const { auth } = await import("@/lib/auth/auth");
  const session = await auth().api.getSession({ headers });
  if (!session) return null;
  const user = session.user as typeof session.user & {
    role?: string;
    disabled?: boolean;
    staffId?: number | null;
  };
  if (user.disabled) return null;
  const role: Role = user.role === "owner" ? "owner" : "staff";
  return {
    kind: "user",
    userId: user.id,
    email: user.email,
    name: user.name,
    role,
    staffId: role === "staff" ? (user.staffId ?? null) : null,
    sessionId: session.session.id,
  };
}

export async function principalFromBearer(token: string, now: Date): Promise<TokenPrincipal | null> {
  const data = await verifyApiToken(prisma(), token, now);
  return data ? { kind: "token", ...data } : null;
}

/** How a principal is named in the audit log. */
export const actorOf = (principal: Principal | null): string =>
  !principal ? "anonymous" : principal.kind === "user" ? principal.email : `token:${principal.name}`;

/** The key of the caller's rate-limit bucket and idempotency keys: one per token, one per account. */
export const callerKey = (principal: Principal): string =>
  principal.kind === "token" ? `token:${principal.tokenId}` : `user:${principal.userId}`;
