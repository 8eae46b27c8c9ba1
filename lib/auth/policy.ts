// The one access policy. Every route handler (through `route()`) and every page (through
// `requirePage()`) declares who may use it:
//   public — anyone (the handler authenticates by other means if at all: signature, feed token);
//   staff  — a signed-in staff member or owner;
//   owner  — a signed-in owner;
// and staff/owner routes may also accept API tokens (`tokens: "read"` for reads, "write" for
// changes). Cookie-authenticated state-changing requests must come from our own origin.
import { config } from "@/lib/config";
import { HttpError } from "@/lib/http/problem";
import { isSameOrigin, isStateChanging } from "@/lib/auth/origin";
import { principalFromBearer, principalFromCookies, bearerToken, type Principal } from "@/lib/auth/principal";
import type { Role } from "@/lib/auth/users";
import type { TokenScope } from "@/lib/auth/tokens";

export type Policy =
  | { access: "public" }
  | {
      access: Role;
      /** API tokens of at least this scope are accepted too (omitted: cookies only). */
      tokens?: TokenScope;
    };

export const PUBLIC: Policy = { access: "public" };
export const STAFF: Policy = { access: "staff" };
export const OWNER: Policy = { access: "owner" };
/** A staff/owner route that API tokens may call too. */
export const withTokens = (access: Role, tokens: TokenScope): Policy => ({ access, tokens });

export type PolicyName = "public" | Role;
export const asPolicy = (policy: Policy | PolicyName): Policy =>
  typeof policy === "string" ? { access: policy } : policy;

export function roleAllows(role: Role, access: Role): boolean {
  return access === "staff" ? role === "staff" || role === "owner" : role === "owner";
}

const scopeAllows = (scope: TokenScope, needed: TokenScope) => scope === "write" || needed === "read";

/**
 * Who is calling and whether they may: the principal (null on public routes for anonymous
 * callers), or an HttpError — 401 without valid credentials, 403 with credentials that are
 * not enough or a cross-site state-changing request.
 */
export async function authorize(
  request: Request,
  policy: Policy,
  now = new Date(),
): Promise<Principal | null> {
  const bearer = bearerToken(request.headers);
  if (policy.access === "public") {
    // Optional: public routes may show more to a signed-in caller (e.g. health).
    return bearer ? null : principalFromCookies(request.headers);
  }
  if (bearer !== undefined) {
    if (!policy.tokens) throw new HttpError(401, "This route does not accept API tokens; sign in instead.");
    const principal = await principalFromBearer(bearer, now);
    if (!principal) throw new HttpError(401, "The API token is not valid or has been revoked.");
    const needed: TokenScope = isStateChanging(request.method) ? "write" : policy.tokens;
    if (!scopeAllows(principal.scope, needed)) {
      throw new HttpError(403, "This API token may only read; create a token with write scope.");
    }
    return principal;
  }
  const principal = await principalFromCookies(request.headers);
  if (!principal) throw new HttpError(401, "Sign in to use this.");
  if (isStateChanging(request.method) && !isSameOrigin(request, config().TRUST_PROXY)) {
    throw new HttpError(403, "Cross-site request refused: send it from this app's own pages.");
  }
  if (!roleAllows(principal.role, policy.access)) {
    throw new HttpError(403, "Your account does not have permission for this; ask the owner.");
  }
  return principal;
}
