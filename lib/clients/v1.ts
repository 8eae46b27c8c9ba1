// Shared bits of the client's file routes under /api/v1/clients/{id}/…: the caller as the
// domain sees it, and the data folder the photos live in.
import { config } from "@/lib/config";
import type { Principal } from "@/lib/auth/principal";
import type { CallerScope } from "@/lib/api/v1/scope";
import type { Caller } from "@/lib/clients/edits";

export const callerOf = (principal: Principal, scope: CallerScope): Caller => ({
  role: principal.role,
  staffId: principal.staffId,
  actor: scope.actor,
});

export const dataDir = () => config().dataDir;
