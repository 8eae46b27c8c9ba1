// What a caller may see and do in /api/v1: its role, the walker it is restricted to (a
// staff-linked token or staff account sees only that walker's bookings and their clients; an
// unlinked staff account none), and whether it may write. The rules are lib/auth/policy.ts's,
// the same as on every other route.
import { callerKey, type Principal } from "@/lib/auth/principal";
import { walkerScope } from "@/lib/auth/policy";
import type { Role } from "@/lib/auth/users";
import { ApiError } from "@/lib/api/v1/problems";

export interface CallerScope {
  role: Role;
  /** Only this walker's bookings and clients (NO_WALKER, 0, for an unlinked staff account); null: everything. */
  staffId: number | null;
  canWrite: boolean;
  /** Identity for rate limits and idempotency keys. */
  key: string;
  /** As written to booking history. */
  actor: string;
  /** The account behind the call (feeds made record it); null for a token without one. */
  userId: string | null;
}

export function callerScope(principal: Principal): CallerScope {
  return {
    role: principal.role,
    staffId: walkerScope(principal),
    canWrite: principal.kind === "user" || principal.scope === "write",
    key: callerKey(principal),
    actor: principal.kind === "token" ? `token:${principal.name}` : principal.email,
    userId: principal.userId,
  };
}

export function requireOwner(scope: CallerScope): void {
  if (scope.role !== "owner") {
    throw new ApiError(403, "forbidden", "Only the owner (or an owner token) may do this.");
  }
}
