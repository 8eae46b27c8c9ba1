// Accounts, access policy and LAN safety over HTTP against the built server (server/serve.ts →
// .next/standalone): sign-in, rate limits, roles, API tokens, Host and Origin checks, the
// desktop sign-in link and security headers. Also: every page and route declares a policy,
// and every non-public one refuses an anonymous request.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAudit } from "@/lib/auth/audit";
import { desktopLinkSecretFile, readOrCreateSecret } from "@/lib/auth/secret";
import { revokeApiToken } from "@/lib/auth/tokens";
import { disableUser, listSessions } from "@/lib/auth/users";
import type { RouteHandler } from "@/lib/http/handler";
import { startAppServer, standaloneBuilt, type AppServer } from "@/tests/support/faults/app-server";
import { preparedDataDir, removeDataDirs, type DataDir } from "@/tests/support/faults/data-dir";
import { killAll, REPO_ROOT } from "@/tests/support/faults/processes";
import {
  createAccount,
  createToken,
  onDatabase,
  rawRequest,
  signIn,
  type RawResponse,
} from "@/tests/support/http-auth";

const APP = path.join(REPO_ROOT, "app");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function filesNamed(dir: string, name: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesNamed(full, name);
    return entry.name === name ? [full] : [];
  });
}

/** /bookings/[id]/page.tsx → /bookings/1 (a sample URL of the route). */
function samplePath(file: string): string {
  // Route groups ("(list)") are folders only: they are not part of the URL.
  const dir = path
    .relative(APP, path.dirname(file))
    .split(path.sep)
    .filter((part) => part && !/^\(.*\)$/.test(part));
  const parts = dir.map((part) =>
    part === "[file]" ? "sample.ics" : part.startsWith("[...") ? "sample" : part.startsWith("[") ? "1" : part,
  );
  return `/${parts.join("/")}`;
}

const pagePolicy = (source: string) =>
  /requirePage\("(staff|owner)"\)/.exec(source)?.[1] ??
  (/publicPage\(\)/.test(source) ? "public" : undefined);

const problem = (response: RawResponse) => JSON.parse(response.body) as { status: number; detail?: string };

let dataDir: DataDir;
let server: AppServer;
let base: string;
let staffId: number;

async function restart(): Promise<void> {
  await killAll();
  server = await startAppServer(dataDir.dir, { env: { ALLOWED_HOSTS: "bookings.lan" } });
  base = server.url;
}

describe.skipIf(!standaloneBuilt())("accounts and access over HTTP", () => {
  beforeAll(async () => {
    dataDir = preparedDataDir();
    staffId = await onDatabase(
      dataDir.file,
      async (db) => (await db.staff.create({ data: { name: "Alex" } })).id,
    );
    await createAccount(dataDir.file, { email: "owner@example.com", role: "owner" });
    await createAccount(dataDir.file, { email: "walker@example.com", role: "staff", staffId });
    await restart();
  }, 90_000);
  afterAll(async () => {
    await killAll();
    removeDataDirs();
  });

  const get = (url: string, headers: Record<string, string> = {}) => rawRequest(`${base}${url}`, { headers });
  const post = (url: string, headers: Record<string, string> = {}, body = "{}") =>
    rawRequest(`${base}${url}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body,
    });

  it("every page and route handler declares a policy; every non-public one refuses anonymous requests", async () => {
    const pages = filesNamed(APP, "page.tsx");
    const routes = filesNamed(APP, "route.ts");
    expect(pages.length).toBeGreaterThan(3);
    expect(routes.length).toBeGreaterThan(5);
    const undeclared: string[] = [];
    const refusedWrongly: string[] = [];
    for (const file of pages) {
      const policy = pagePolicy(readFileSync(file, "utf8"));
      if (!policy) undeclared.push(path.relative(REPO_ROOT, file));
      if (!policy || policy === "public") continue;
      const response = await get(samplePath(file));
      const location = String(response.headers.location ?? "");
      if (![303, 307].includes(response.status) || !location.includes("/sign-in")) {
        refusedWrongly.push(`${samplePath(file)} → ${response.status} ${location}`);
      }
    }
    for (const file of routes) {
      const routeModule = (await import(file)) as Record<string, RouteHandler<unknown> | undefined>;
      for (const method of METHODS) {
        const handler = routeModule[method];
        if (!handler) continue;
        if (!handler.policy) {
          undeclared.push(`${method} ${path.relative(REPO_ROOT, file)}`);
          continue;
        }
        if (handler.policy.access === "public") continue;
        const response = await rawRequest(`${base}${samplePath(file)}`, {
          method,
          headers: { "content-type": "application/json" },
          ...(method === "GET" || method === "DELETE" ? {} : { body: "{}" }),
        });
        if (response.status !== 401 || problem(response).status !== 401) {
          refusedWrongly.push(`${method} ${samplePath(file)} → ${response.status}`);
        }
      }
    }
    expect(undeclared).toEqual([]);
    expect(refusedWrongly).toEqual([]);
    // The public ones really are reachable anonymously.
    expect((await get("/sign-in")).status).toBe(200);
    expect(JSON.parse((await get("/api/health")).body)).toEqual({ status: "ok" });
  });

  it("signs in with an HttpOnly, SameSite=Lax cookie; a wrong password and an unknown email get the same 401", async () => {
    const ok = await signIn(base, "owner@example.com");
    expect(ok.status).toBe(200);
    const cookieLine = (ok.headers["set-cookie"] ?? []).find((line) => line.includes("session_token"));
    expect(cookieLine).toMatch(/HttpOnly/i);
    expect(cookieLine).toMatch(/SameSite=Lax/i);
    expect(cookieLine).not.toMatch(/Secure/i);
    const health = JSON.parse((await get("/api/health", { cookie: ok.cookie })).body);
    expect(health).toMatchObject({ status: "ok", database: { reachable: true } });

    const wrong = await signIn(base, "owner@example.com", "not the password");
    const unknown = await signIn(base, "nobody@example.com", "not the password");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toBe(unknown.body);
    expect(wrong.cookie).toBe("");
  });

  it("sends the security headers on pages, API responses and static files", async () => {
    const page = await get("/sign-in");
    const csp = String(page.headers["content-security-policy"]);
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.body).toContain(`nonce="${nonce}"`);
    const asset = /src="(\/_next\/static\/[^"]+\.js)"/.exec(page.body)?.[1];
    expect(asset).toBeTruthy();
    for (const response of [page, await get("/api/health"), await get(asset!)]) {
      expect(response.headers["x-content-type-options"]).toBe("nosniff");
      expect(response.headers["referrer-policy"]).toBe("no-referrer");
    }
  });

  it("lets staff use staff routes but answers 403 on owner routes and pages", async () => {
    const { cookie } = await signIn(base, "walker@example.com");
    expect((await get("/api/bookings", { cookie })).status).toBe(200);
    const sync = await get("/api/sync", { cookie });
    expect(sync.status).toBe(403);
    expect(problem(sync).detail).toMatch(/permission/);
    const rules = await get("/rules", { cookie });
    expect(rules.status).toBe(403);
    expect(rules.body).toContain("No permission");
    expect((await get("/bookings", { cookie })).status).toBe(200);
    const owner = await signIn(base, "owner@example.com");
    expect((await get("/api/sync", { cookie: owner.cookie })).status).toBe(200);
  });

  it("accepts API tokens where the policy allows them: read scope cannot write (403), revoked is 401", async () => {
    const read = await createToken(dataDir.file, "read");
    const write = await createToken(dataDir.file, "write");
    const bearer = (token: string) => ({
      authorization: `Bearer ${token}`,
      "content-type": "application/json",
    });
    expect((await get("/api/bookings", bearer(read.token))).status).toBe(200);
    const denied = await post("/api/sync", bearer(read.token));
    expect(denied.status).toBe(403);
    expect(problem(denied).detail).toMatch(/only read/);
    // Authorised: the sync starts (202) or one is already running (409).
    expect([202, 409]).toContain((await post("/api/sync", bearer(write.token))).status);
    // A cookie-only route does not take tokens.
    expect((await get("/api/tokens", bearer(write.token))).status).toBe(401);

    await onDatabase(dataDir.file, (db) => revokeApiToken(db, read.id, { actor: "test", now: new Date() }));
    const revoked = await get("/api/bookings", bearer(read.token));
    expect(revoked.status).toBe(401);
    expect(problem(revoked).detail).toMatch(/revoked/);
    expect((await get("/api/bookings", bearer("sbk_made-up"))).status).toBe(401);
  });

  it("answers 421 to a foreign Host, except on the webhook and feed routes; ALLOWED_HOSTS names are served", async () => {
    const foreign = await get("/api/health", { host: "attacker.example" });
    expect(foreign.status).toBe(421);
    expect(foreign.headers["content-type"]).toBe("application/problem+json");
    expect((await get("/sign-in", { host: `attacker.example:${server.port}` })).status).toBe(421);
    expect((await get("/api/health", { host: `bookings.lan:${server.port}` })).status).toBe(200);
    expect((await get("/api/health", { host: `localhost:${server.port}` })).status).toBe(200);
    // Exempt: authenticated by signature / token, reached through tunnels and calendar services.
    expect((await post("/api/stripe/webhook", { host: "tunnel.example" })).status).toBe(400);
    expect((await get("/calendar/unknown.ics", { host: "calendar.example" })).status).toBe(404);
  });

  it("refuses a cross-site state-changing request that carries a valid session cookie (403)", async () => {
    const { cookie } = await signIn(base, "owner@example.com");
    const crossSite = await post("/api/sync", { cookie, origin: "http://evil.example" });
    expect(crossSite.status).toBe(403);
    expect(problem(crossSite).detail).toMatch(/Cross-site/);
    expect((await post("/api/sync", { cookie, "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await post("/api/sync", { cookie })).status).toBe(403);
    // From our own page: passes the check (a sync starts, or one is already running).
    expect([202, 409]).toContain((await post("/api/sync", { cookie, origin: base })).status);
    expect([202, 409]).toContain(
      (await post("/api/sync", { cookie, "sec-fetch-site": "same-origin" })).status,
    );
  });

  it("ends a disabled user's sessions at once and refuses its sign-in like a wrong password", async () => {
    await createAccount(dataDir.file, { email: "leaver@example.com", role: "staff" });
    const { cookie } = await signIn(base, "leaver@example.com");
    expect((await get("/api/bookings", { cookie })).status).toBe(200);
    await onDatabase(dataDir.file, (db) =>
      disableUser(db, "leaver@example.com", { actor: "test", now: new Date() }),
    );
    expect((await get("/api/bookings", { cookie })).status).toBe(401);
    const again = await signIn(base, "leaver@example.com");
    expect(again.status).toBe(401);
    expect(JSON.parse(again.body)).toEqual(
      JSON.parse((await signIn(base, "nobody@example.com", "x-wrong-x")).body),
    );
  });

  it("lets the owner revoke another user's session; sign-out ends the caller's own", async () => {
    const walker = await signIn(base, "walker@example.com");
    const owner = await signIn(base, "owner@example.com");
    const sessions = await onDatabase(dataDir.file, (db) =>
      listSessions(db, new Date(), "walker@example.com"),
    );
    expect(sessions.length).toBeGreaterThan(0);
    const headers = { cookie: owner.cookie, origin: base };
    for (const session of sessions) {
      const revoked = await rawRequest(`${base}/api/sessions/${session.id}`, { method: "DELETE", headers });
      expect(revoked.status).toBe(204);
    }
    expect((await get("/api/bookings", { cookie: walker.cookie })).status).toBe(401);
    const signedOut = await post("/api/auth/sign-out", { cookie: owner.cookie, origin: base });
    expect(signedOut.status).toBe(200);
    expect((await get("/api/bookings", { cookie: owner.cookie })).status).toBe(401);
  });

  it("hands the desktop launcher a sign-in link that works once, only with its secret", async () => {
    const secret = readOrCreateSecret(desktopLinkSecretFile(dataDir.dir));
    expect((await post("/api/desktop/sign-in-link", { authorization: "Bearer wrong" })).status).toBe(401);
    const created = await post("/api/desktop/sign-in-link", { authorization: `Bearer ${secret}` });
    expect(created.status).toBe(200);
    const link = (JSON.parse(created.body) as { path: string }).path;
    const first = await get(link);
    expect(first.status).toBe(302);
    expect(first.headers.location).toBe("/");
    const cookie = (first.headers["set-cookie"] ?? []).map((line) => line.split(";")[0]).join("; ");
    expect((await get("/api/sync", { cookie })).status).toBe(200);
    const second = await get(link);
    expect(second.status).toBe(401);
    expect(second.headers["set-cookie"]).toBeUndefined();
  });

  it("records security events in the audit log", async () => {
    const events = await onDatabase(dataDir.file, (db) => listAudit(db, { limit: 500 }));
    const types = new Set(events.map((event) => event.type));
    for (const type of [
      "user-created",
      "sign-in",
      "sign-in-failed",
      "sign-out",
      "user-disabled",
      "token-created",
    ]) {
      expect(types).toContain(type);
    }
    expect(types).toContain("token-revoked");
    expect(types).toContain("desktop-sign-in");
    expect(events.find((event) => event.type === "sign-in-failed")?.ip).toMatch(/127\.0\.0\.1/);
  });

  it("limits failed sign-ins per account, and the limit survives a restart", async () => {
    await createAccount(dataDir.file, { email: "target@example.com", role: "staff" });
    for (let i = 0; i < 5; i++)
      expect((await signIn(base, "target@example.com", `guess-${i}`)).status).toBe(401);
    const limited = await signIn(base, "target@example.com");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    await restart();
    expect((await signIn(base, "target@example.com")).status).toBe(429);
    // Other accounts are not affected by one account's limit.
    expect((await signIn(base, "owner@example.com")).status).toBe(200);
  }, 90_000);

  it("limits failed sign-ins per address across accounts", async () => {
    let status = 0;
    for (let i = 0; i < 25 && status !== 429; i++)
      status = (await signIn(base, `spray${i}@example.com`, "x-guess-x")).status;
    expect(status).toBe(429);
    expect((await signIn(base, "owner@example.com")).status).toBe(429);
  }, 60_000);
});
