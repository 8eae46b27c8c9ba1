// What a caller may see and do in /api/v1: its role, the walker it is restricted to (a
// staff-linked token or staff account sees only that walker's bookings and their clients),
// and whether it may write.
import type { Principal } from "@/lib/auth/principal";
import type { Role } from "@/lib/auth/users";
import { ApiError } from "@/lib/api/v1/problems";

export interface CallerScope {
  role: Role;
  /** Only this walker's bookings and clients; null: everything. */
  staffId: number | null;
  canWrite: boolean;
  /** Identity for rate limits and idempotency keys. */
  key: string;
  /** As written to booking history. */
  actor: string;
}

export function callerScope(principal: Principal): CallerScope {
  if (principal.kind === "token") {
    return {
      // A token acting for one walker is that walker; an unlinked token is the business's (owner) key.
      role: principal.staffId === null ? "owner" : "staff",
      staffId: principal.staffId,
      canWrite: principal.scope === "write",
      key: `token:${principal.tokenId}`,
      actor: `token:${principal.name}`,
    };
  }
  return {
    role: principal.role,
    staffId: principal.role === "staff" ? principal.staffId : null,
    canWrite: true,
    key: `user:${principal.userId}`,
    actor: principal.email,
  };
}

export function requireOwner(scope: CallerScope): void {
  if (scope.role !== "owner") {
    throw new ApiError(403, "forbidden", "Only the owner (or an owner token) may do this.");
  }
}
