// Who may call which route: the table of every route and method in app/**/route.ts with its
// policy (lib/auth/policy.ts), and what each kind of caller gets from it. docs/ARCHITECTURE.md
// ("Who may call which route") is rendered from this table, and tests/route-matrix.test.ts
// checks both the handlers' declared policies and the built server's answers against it, so
// the documentation, the declarations and the behaviour cannot drift apart.
import type { Policy } from "@/lib/auth/policy";
import type { Role } from "@/lib/auth/users";
import type { TokenScope } from "@/lib/auth/tokens";

const pub: Policy = { access: "public" };
const owner: Policy = { access: "owner" };
const staff: Policy = { access: "staff" };
const tokens = (access: Role, scope: TokenScope): Policy => ({ access, tokens: scope });

/** `METHOD /path` (the route's folder under app/, `[param]` as written) → its policy. */
export const ROUTE_ACCESS: Record<string, Policy> = {
  "GET /api/auth/[...all]": pub,
  "POST /api/auth/[...all]": pub,
  "GET /api/bookings": tokens("staff", "read"),
  "GET /api/bookings/export": tokens("staff", "read"),
  "POST /api/desktop/open-data-folder": owner,
  "GET /api/desktop/status": staff,
  "POST /api/desktop/sign-in-link": pub,
  "GET /api/health": pub,
  "POST /api/owner/feeds": owner,
  "DELETE /api/owner/feeds/[id]": owner,
  "POST /api/owner/feeds/[id]/rotate": owner,
  "POST /api/owner/feeds/[id]/link": owner,
  "GET /api/owner/reconciliation": owner,
  "GET /api/owner/reconciliation/[category]": owner,
  "GET /api/owner/reports/[report]/csv": owner,
  "POST /api/owner/rules": owner,
  "PUT /api/owner/rules/[id]": owner,
  "POST /api/owner/rules/[id]/active": owner,
  "POST /api/owner/rules/[id]/move": owner,
  "POST /api/owner/rules/preview": owner,
  "PUT /api/owner/settings": owner,
  "POST /api/owner/settings/preview": owner,
  "GET /api/owner/stripe-keys": owner,
  "PUT /api/owner/stripe-keys": owner,
  "GET /api/owner/stripe/quarantine": owner,
  "POST /api/owner/stripe/quarantine/retry": owner,
  "GET /api/owner/stripe/status": owner,
  "GET /api/owner/stripe/sync": owner,
  "POST /api/owner/stripe/sync": owner,
  "POST /api/owner/users": owner,
  "POST /api/owner/users/[id]/disable": owner,
  "POST /api/owner/users/[id]/links": owner,
  "GET /api/owner/webhooks": owner,
  "POST /api/owner/webhooks/retry": owner,
  "POST /api/rules/preview": owner,
  "DELETE /api/sessions/[id]": owner,
  "POST /api/set-password": pub,
  "POST /api/setup/owner": pub,
  "POST /api/staff/bookings": staff,
  "PATCH /api/staff/bookings/[id]": staff,
  "POST /api/staff/bookings/[id]/series": owner,
  "POST /api/staff/bookings/assign": staff,
  "POST /api/staff/defaults": owner,
  "POST /api/staff/feeds": staff,
  "GET /api/staff/schedule": staff,
  "POST /api/staff/staff": owner,
  "PATCH /api/staff/staff/[id]": owner,
  "POST /api/stripe/webhook": pub,
  "GET /api/sync": tokens("owner", "read"),
  "POST /api/sync": tokens("owner", "write"),
  "GET /api/tokens": owner,
  "POST /api/tokens": owner,
  "DELETE /api/tokens/[id]": owner,
  "GET /api/v1/bookings": tokens("staff", "read"),
  "POST /api/v1/bookings": tokens("staff", "write"),
  "GET /api/v1/bookings/[id]": tokens("staff", "read"),
  "PATCH /api/v1/bookings/[id]": tokens("staff", "write"),
  "GET /api/v1/bookings/[id]/history": tokens("staff", "read"),
  "GET /api/v1/changes": tokens("staff", "read"),
  "GET /api/v1/changes/stream": tokens("staff", "read"),
  "GET /api/v1/clients": tokens("staff", "read"),
  "GET /api/v1/clients/[id]": tokens("staff", "read"),
  "PUT /api/v1/clients/[id]/access": tokens("owner", "write"),
  "POST /api/v1/clients/[id]/access/reveal": tokens("staff", "write"),
  "GET /api/v1/clients/[id]/file": tokens("staff", "read"),
  "PATCH /api/v1/clients/[id]/file": tokens("owner", "write"),
  "POST /api/v1/clients/[id]/pets": tokens("owner", "write"),
  "PATCH /api/v1/clients/[id]/pets/[petId]": tokens("owner", "write"),
  "DELETE /api/v1/clients/[id]/pets/[petId]": tokens("owner", "write"),
  "GET /api/v1/clients/[id]/pets/[petId]/photo": tokens("staff", "read"),
  "PUT /api/v1/clients/[id]/pets/[petId]/photo": tokens("owner", "write"),
  "DELETE /api/v1/clients/[id]/pets/[petId]/photo": tokens("owner", "write"),
  "GET /api/v1/docs": pub,
  "GET /api/v1/docs/[asset]": pub,
  "POST /api/v1/device/authorize": pub,
  "GET /api/v1/device/devices": staff,
  "DELETE /api/v1/device/devices/[id]": staff,
  "POST /api/v1/device/pairings": staff,
  "GET /api/v1/device/pairings/[id]": staff,
  "POST /api/v1/device/token": pub,
  "POST /api/v1/device/verify": staff,
  "POST /api/v1/feeds": tokens("staff", "write"),
  "DELETE /api/v1/feeds/[id]": tokens("staff", "write"),
  "GET /api/v1/me": tokens("staff", "read"),
  "GET /api/v1/openapi.json": pub,
  "GET /api/v1/problems/[type]": pub,
  "GET /api/v1/schedule": tokens("staff", "read"),
  "GET /api/v1/services": tokens("staff", "read"),
  "GET /api/v1/staff": tokens("staff", "read"),
  "GET /api/v1/sync": tokens("owner", "read"),
  "POST /api/v1/sync": tokens("owner", "write"),
  "GET /calendar/[file]": pub,
};

/**
 * Routes a staff account without a walker link may not even read (403), because an empty answer
 * would mean nothing: an export of nobody's bookings. Elsewhere it reads and sees no bookings.
 */
export const NEEDS_WALKER: ReadonlySet<string> = new Set(["GET /api/bookings/export"]);

/** The kinds of caller the table distinguishes (columns of the documented table). */
export interface Caller {
  id: string;
  label: string;
  /** How it authenticates; "none" sends no credentials. */
  via: "none" | "session" | "token";
  role?: Role;
  /** A staff caller with a walker link (a walker's token always has one). */
  linked?: boolean;
  scope?: TokenScope;
  /** A disabled account's session or token. */
  disabled?: boolean;
}

export const CALLERS: Caller[] = [
  { id: "anonymous", label: "Anonymous", via: "none" },
  { id: "owner-session", label: "Owner session", via: "session", role: "owner" },
  { id: "staff-session", label: "Staff session (walker)", via: "session", role: "staff", linked: true },
  { id: "unlinked-session", label: "Staff session, no walker", via: "session", role: "staff", linked: false },
  { id: "owner-token-read", label: "Owner token, read", via: "token", role: "owner", scope: "read" },
  { id: "owner-token-write", label: "Owner token, write", via: "token", role: "owner", scope: "write" },
  {
    id: "staff-token-read",
    label: "Walker token, read",
    via: "token",
    role: "staff",
    linked: true,
    scope: "read",
  },
  {
    id: "staff-token-write",
    label: "Walker token, write",
    via: "token",
    role: "staff",
    linked: true,
    scope: "write",
  },
  { id: "disabled-session", label: "Disabled user's session", via: "session", role: "staff", disabled: true },
  { id: "disabled-token", label: "Disabled user's token", via: "token", role: "staff", disabled: true },
];

/** "ok": past the access checks (the route's own answer: 2xx/3xx, or 4xx for the input); "public": not checked. */
export type Outcome = "ok" | 401 | 403 | "public";

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** What `caller` gets from the route `key` ("METHOD /path") of `policy` (authorize() in lib/auth/policy.ts). */
export function expectedOutcome(policy: Policy, key: string, caller: Caller): Outcome {
  const method = key.split(" ")[0]!;
  if (policy.access === "public") return "public";
  if (caller.via === "none" || caller.disabled) return 401;
  const changing = STATE_CHANGING.has(method);
  if (caller.via === "token") {
    if (!policy.tokens) return 401;
    const needed = changing ? "write" : policy.tokens;
    if (caller.scope === "read" && needed === "write") return 403;
  }
  if (policy.access === "owner" && caller.role !== "owner") return 403;
  if ((changing || NEEDS_WALKER.has(key)) && caller.role === "staff" && !caller.linked) return 403;
  return "ok";
}

const cell = (outcome: Outcome) =>
  outcome === "ok" ? "✓" : outcome === "public" ? "public" : String(outcome);
const policyText = (policy: Policy) =>
  policy.access === "public"
    ? "public"
    : policy.tokens
      ? `${policy.access} + ${policy.tokens} tokens`
      : policy.access;

/** The documented table (markdown): one row per route and method, one column per caller. */
export function renderAccessTable(): string {
  const header = `| route | policy | ${CALLERS.map((caller) => caller.label).join(" | ")} |`;
  const rule = `| --- | --- | ${CALLERS.map(() => "---").join(" | ")} |`;
  const rows = Object.entries(ROUTE_ACCESS).map(([key, policy]) => {
    return `| \`${key}\` | ${policyText(policy)} | ${CALLERS.map((caller) => cell(expectedOutcome(policy, key, caller))).join(" | ")} |`;
  });
  return [header, rule, ...rows].join("\n");
}

const START = "<!-- route-access:start (generated from lib/auth/route-access.ts) -->";
const END = "<!-- route-access:end -->";

/** `doc` with the table between its markers replaced by today's (docs/ARCHITECTURE.md). */
export function withAccessTable(doc: string): string {
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error(`The document has no ${START} … ${END} markers.`);
  return `${doc.slice(0, start + START.length)}\n${renderAccessTable()}\n${doc.slice(end)}`;
}
