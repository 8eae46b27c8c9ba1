// Who is calling: a signed-in user (session cookie, via Better Auth) or an API token.
import { verifyApiToken, type TokenScope } from "@/lib/auth/tokens";
import type { Role } from "@/lib/auth/users";
import { prisma } from "@/lib/db/prisma";

export interface UserPrincipal {
  kind: "user";
  userId: string;
  email: string;
  name: string;
  role: Role;
  staffId: number | null;
  sessionId: string;
}

export interface TokenPrincipal {
  kind: "token";
  tokenId: number;
  name: string;
  scope: TokenScope;
  staffId: number | null;
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
  return {
    kind: "user",
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role === "owner" ? "owner" : "staff",
    staffId: user.staffId ?? null,
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
