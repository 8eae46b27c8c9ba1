// The one access policy. Every route handler (through `route()`) and every page (through
// `requirePage()`) declares who may use it:
//   public — anyone (the handler authenticates by other means if at all: signature, feed token);
//   staff  — a signed-in staff member or owner;
//   owner  — a signed-in owner;
// and staff/owner routes may also accept API tokens (`tokens: "read"` for reads, "write" for
// changes). A token is its person: a walker's token is staff on every route, a token's scope
// only narrows. Cookie-authenticated state-changing requests must come from our own origin.
// What staff see and change inside a route (their own bookings) is decided here too, below;
// the table of both is in docs/ARCHITECTURE.md ("Who may do what"), generated from
// lib/auth/route-access.ts.
import { config } from "@/lib/config";
import { HttpError } from "@/lib/http/problem";
import { isSameOrigin, isStateChanging } from "@/lib/auth/origin";
import {
  bearerToken,
  callerKey,
  principalFromBearer,
  principalFromCookies,
  type Principal,
} from "@/lib/auth/principal";
import type { Role } from "@/lib/auth/users";
import type { TokenScope } from "@/lib/auth/tokens";
import { limitRequest, rateLimitHeadersOf } from "@/lib/api/v1/rate-limit";

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

export const scopeAllows = (scope: TokenScope, needed: TokenScope) => scope === "write" || needed === "read";

const NOT_LINKED = "Your account is not linked to a walker; ask the owner.";

/**
 * Who is calling and whether they may: the principal (null on public routes for anonymous
 * callers), or an HttpError — 401 without valid credentials, 403 with credentials that are
 * not enough (role, token scope, a staff account without a walker changing something) or a
 * cross-site state-changing request, 429 past the per-caller limit of a token route.
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
  const changing = isStateChanging(request.method);
  let principal: Principal | null;
  if (bearer !== undefined) {
    if (!policy.tokens) throw new HttpError(401, "This route does not accept API tokens; sign in instead.");
    principal = await principalFromBearer(bearer, now);
    if (!principal) throw new HttpError(401, "The API token is not valid or has been revoked.");
    if (!scopeAllows(principal.scope, changing ? "write" : policy.tokens)) {
      throw new HttpError(403, "This API token may only read; create a token with write scope.");
    }
  } else {
    principal = await principalFromCookies(request.headers);
    if (!principal) throw new HttpError(401, "Sign in to use this.");
    if (changing && !isSameOrigin(request, config().TRUST_PROXY)) {
      throw new HttpError(403, "Cross-site request refused: send it from this app's own pages.");
    }
  }
  if (!roleAllows(principal.role, policy.access)) {
    throw new HttpError(
      403,
      principal.kind === "token"
        ? "This API token acts for a walker; only the owner may do this."
        : "Your account does not have permission for this; ask the owner.",
    );
  }
  // Staff change only their own bookings and feeds: without a walker there is nothing of theirs.
  if (changing && principal.role === "staff" && principal.staffId === null)
    throw new HttpError(403, NOT_LINKED);
  if (policy.tokens) {
    // Every route that takes tokens shares one bucket per token / per account (as /api/v1 does).
    const decision = limitRequest(
      request,
      callerKey(principal),
      config().API_RATE_LIMIT_PER_MINUTE,
      now.getTime(),
    );
    if (!decision.ok) {
      throw new HttpError(429, "Too many requests from this caller; wait and retry.", undefined, {
        ...rateLimitHeadersOf(decision, config().API_RATE_LIMIT_PER_MINUTE),
        "retry-after": String(decision.retryAfter),
      });
    }
  }
  return principal;
}

// ---- What staff see and change inside a route ------------------------------------------------

/** Walker id no booking has: a staff account without a walker link is scoped to it (sees nothing). */
export const NO_WALKER = 0;

/**
 * The walker whose bookings (and their clients) the caller sees: null for the owner (all),
 * the walker's id for staff, NO_WALKER for a staff account without a link.
 */
export function walkerScope(principal: Principal): number | null {
  if (principal.role === "owner") return null;
  return principal.staffId ?? NO_WALKER;
}

/**
 * A walker filter a caller asked for (`?staffId=`), narrowed to what they may see: the owner
 * any (undefined: all); staff only their own (another walker's: 403; none asked: their own).
 */
export function walkerFilter(principal: Principal, requested: number | undefined): number | undefined {
  const own = walkerScope(principal);
  if (own === null) return requested;
  if (requested !== undefined && requested !== own) {
    throw new HttpError(403, "You may only see your own bookings.", [
      { path: "staffId", message: "not your walker id" },
    ]);
  }
  return own;
}

/** Whether a booking assigned to `staffId` is the caller's to see and change. */
export const seesBooking = (principal: Principal, staffId: number | null): boolean => {
  const own = walkerScope(principal);
  return own === null || staffId === own;
};

/**
 * A walker the caller may give a booking to: the owner any; staff only themselves, or nobody
 * (handing their own visit back). 403 naming `staffId` otherwise.
 */
export function assertMayAssign(principal: Principal, staffId: number | null | undefined): void {
  if (staffId === undefined || staffId === null) return;
  const own = walkerScope(principal);
  if (own !== null && staffId !== own) {
    throw new HttpError(403, "You may only assign bookings to yourself.", [
      { path: "staffId", message: "not your walker id" },
    ]);
  }
}
