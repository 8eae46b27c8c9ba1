// The route-by-caller matrix (issue 22): every route and method in app/**/route.ts, for every
// kind of caller, against the built server (server/serve.ts → .next/standalone), answers what
// the documented table (lib/auth/route-access.ts, rendered into docs/ARCHITECTURE.md) says.
// Then what staff see and change inside the routes (their own bookings, the same through the
// older routes and /api/v1, session or token), disabling a user, and the shared rate limit.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/auth/tokens";
import { disableUser } from "@/lib/auth/users";
import {
  CALLERS,
  expectedOutcome,
  ROUTE_ACCESS,
  withAccessTable,
  type Outcome,
} from "@/lib/auth/route-access";
import type { RouteHandler } from "@/lib/http/handler";
import { childEnv, startAppServer, standaloneBuilt, type AppServer } from "@/tests/support/faults/app-server";
import { preparedDataDir, removeDataDirs, withDb, type DataDir } from "@/tests/support/faults/data-dir";
import { killAll, REPO_ROOT, spawnEntry } from "@/tests/support/faults/processes";
import { seedApiBusiness, type Seeded } from "@/tests/support/api-v1-seed";
import { createAccount, onDatabase, rawRequest, signIn, type RawResponse } from "@/tests/support/http-auth";

const APP = path.join(REPO_ROOT, "app");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const now = new Date();

function filesNamed(dir: string, name: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesNamed(full, name);
    return entry.name === name ? [full] : [];
  });
}

/** app/api/v1/bookings/[id]/route.ts → /api/v1/bookings/[id] (the table's key form). */
const routePath = (file: string) =>
  `/${path.relative(APP, path.dirname(file)).split(path.sep).filter(Boolean).join("/")}`;

/** A sample URL of the route: [file] → sample.ics, [...x] → sample, [x] → 1. */
const samplePath = (pattern: string) =>
  pattern
    .split("/")
    .map((part) =>
      part === "[file]"
        ? "sample.ics"
        : part.startsWith("[...")
          ? "sample"
          : part.startsWith("[")
            ? "1"
            : part,
    )
    .join("/");

async function declaredRoutes(): Promise<Map<string, RouteHandler<unknown>["policy"]>> {
  const declared = new Map<string, RouteHandler<unknown>["policy"]>();
  for (const file of filesNamed(APP, "route.ts")) {
    const routeModule = (await import(file)) as Record<string, RouteHandler<unknown> | undefined>;
    for (const method of METHODS) {
      const handler = routeModule[method] as (RouteHandler<unknown> & { refusal?: true }) | undefined;
      // 404/405 answers (lib/api/v1/http.ts) serve nothing: not rows of the table.
      if (handler && !handler.refusal) declared.set(`${method} ${routePath(file)}`, handler.policy);
    }
  }
  return declared;
}

const classOf = (status: number): Outcome => (status === 401 ? 401 : status === 403 ? 403 : "ok");
const json = <T>(response: RawResponse) => JSON.parse(response.body) as T;
const problem = (response: RawResponse) => json<{ status: number; detail?: string }>(response);

describe("the route-by-caller table", () => {
  it("names every route and method of app/**/route.ts with the policy its handler declares", async () => {
    const declared = await declaredRoutes();
    const table = new Map(Object.entries(ROUTE_ACCESS));
    expect(
      [...declared.keys()].filter((key) => !table.has(key)),
      "routes missing from the table",
    ).toEqual([]);
    expect(
      [...table.keys()].filter((key) => !declared.has(key)),
      "table rows without a route",
    ).toEqual([]);
    for (const [key, policy] of declared) expect(policy, key).toEqual(table.get(key));
  });

  it("is the table in docs/ARCHITECTURE.md", () => {
    const doc = readFileSync(path.join(REPO_ROOT, "docs", "ARCHITECTURE.md"), "utf8");
    expect(doc).toBe(withAccessTable(doc));
  });
});

let dir: DataDir;
let server: AppServer;
let base: string;
let seed: Seeded;
const credentials = new Map<string, Record<string, string>>();

async function token(input: { scope: "read" | "write"; staffId?: number; userId?: string }, name: string) {
  return onDatabase(
    dir.file,
    async (db) => (await createApiToken(db, { name, ...input }, { actor: "test", now })).token,
  );
}

const userId = (email: string) =>
  onDatabase(dir.file, async (db) => (await db.user.findUniqueOrThrow({ where: { email } })).id);

async function session(email: string): Promise<Record<string, string>> {
  const signed = await signIn(base, email);
  expect(signed.status, `sign-in of ${email}`).toBe(200);
  return { cookie: signed.cookie, origin: base };
}

function call(
  method: string,
  url: string,
  headers: Record<string, string> = {},
  body?: unknown,
): Promise<RawResponse> {
  const hasBody = method !== "GET" && method !== "DELETE";
  return rawRequest(`${base}${url}`, {
    method,
    headers: { ...(hasBody ? { "content-type": "application/json" } : {}), ...headers },
    ...(hasBody ? { body: JSON.stringify(body ?? {}) } : {}),
  });
}

const bearer = (value: string) => ({ authorization: `Bearer ${value}` });
const as = (id: string) => credentials.get(id)!;

describe.skipIf(!standaloneBuilt())("every route for every caller, over HTTP", () => {
  beforeAll(async () => {
    dir = preparedDataDir(now);
    seed = await seedApiBusiness(dir.file, now);
    await createAccount(dir.file, { email: "owner@example.com", role: "owner" });
    await createAccount(dir.file, { email: "alex@example.com", role: "staff", staffId: seed.alex });
    await createAccount(dir.file, { email: "loose@example.com", role: "staff" });
    await createAccount(dir.file, { email: "gone@example.com", role: "staff", staffId: seed.sam });
    server = await startAppServer(dir.dir, { env: { API_RATE_LIMIT_PER_MINUTE: "1000000" } });
    base = server.url;
    credentials.set("anonymous", {});
    credentials.set("owner-session", await session("owner@example.com"));
    credentials.set("staff-session", await session("alex@example.com"));
    credentials.set("unlinked-session", await session("loose@example.com"));
    credentials.set("disabled-session", await session("gone@example.com"));
    credentials.set("owner-token-read", bearer(await token({ scope: "read" }, "owner-read")));
    credentials.set("owner-token-write", bearer(await token({ scope: "write" }, "owner-write")));
    credentials.set("staff-token-read", bearer(await token({ scope: "read", staffId: seed.alex }, "alex-r")));
    credentials.set(
      "staff-token-write",
      bearer(await token({ scope: "write", staffId: seed.alex }, "alex-w")),
    );
    // A walker's token belongs to the walker's account: disabling it revokes the token.
    credentials.set("disabled-token", bearer(await token({ scope: "write", staffId: seed.sam }, "gone-w")));
    const ended = await onDatabase(dir.file, (db) =>
      disableUser(db, "gone@example.com", { actor: "test", now: new Date() }),
    );
    expect(ended).toEqual({ sessionsEnded: 1, tokensRevoked: 1, feedsRevoked: 0 });
  }, 120_000);
  afterAll(async () => {
    await killAll();
    removeDataDirs();
  });

  it("answers every route and method as the table says, for each kind of caller", async () => {
    const wrong: string[] = [];
    let requests = 0;
    for (const [key, policy] of Object.entries(ROUTE_ACCESS)) {
      const [method, pattern] = key.split(" ") as [string, string];
      for (const caller of CALLERS) {
        const expected = expectedOutcome(policy, key, caller);
        if (expected === "public") continue;
        const response = await call(method, samplePath(pattern), as(caller.id));
        requests += 1;
        const got = classOf(response.status);
        if (got !== expected || response.status === 500)
          wrong.push(`${key} as ${caller.id}: expected ${expected}, got ${response.status}`);
        if (got !== "ok" && problem(response).status !== response.status)
          wrong.push(`${key} as ${caller.id}: ${response.status} without problem JSON`);
      }
    }
    expect(wrong).toEqual([]);
    expect(requests).toBeGreaterThan(400);
  }, 300_000);

  type Row = { id: number; staffId: number | null; clientStripeId: string | null };
  const list = async (headers: Record<string, string>, query = "") =>
    json<{ bookings: Row[] }>(await call("GET", `/api/bookings?limit=1000${query}`, headers)).bookings;

  it("shows a walker only their own bookings on the older routes, by session and by token alike", async () => {
    const all = await list(as("owner-token-read"));
    expect(all.some((b) => b.staffId === seed.alex)).toBe(true);
    expect(all.some((b) => b.staffId !== seed.alex)).toBe(true);
    const viaToken = await list(as("staff-token-read"));
    const viaSession = await list(as("staff-session"));
    expect(viaToken.length).toBeGreaterThan(0);
    expect(viaToken.every((b) => b.staffId === seed.alex)).toBe(true);
    expect(viaSession.map((b) => b.id)).toEqual(viaToken.map((b) => b.id));
    expect(viaToken.map((b) => b.id)).toEqual(all.filter((b) => b.staffId === seed.alex).map((b) => b.id));
    // Asking for another walker is refused, not silently widened; no link, no bookings.
    expect((await call("GET", `/api/bookings?staffId=${seed.sam}`, as("staff-token-read"))).status).toBe(403);
    expect(await list(as("unlinked-session"))).toEqual([]);
    const v1 = json<{ data: Row[] }>(await call("GET", "/api/v1/bookings?limit=100", as("unlinked-session")));
    expect(v1.data).toEqual([]);

    const from = now.toISOString().slice(0, 10);
    const to = new Date(now.getTime() + 27 * 86_400_000).toISOString().slice(0, 10);
    const exportAs = (id: string) => call("GET", `/api/bookings/export?from=${from}&to=${to}`, as(id));
    const business = await exportAs("owner-token-read");
    const walker = await exportAs("staff-token-read");
    expect(business.status).toBe(200);
    expect(walker.status).toBe(200);
    expect(business.body).toContain("Alice Able"); // cus_a's visits are nobody's
    expect(walker.body).not.toContain("Alice Able");
    expect(walker.body).toContain("BEGIN:VEVENT");
    expect((await exportAs("unlinked-session")).status).toBe(403);

    const board = json<{ bookings: Row[] }>(
      await call("GET", `/api/staff/schedule?view=week&date=${ahead()}`, as("staff-session")),
    );
    expect(board.bookings.length).toBeGreaterThan(0);
    expect(board.bookings.every((b) => b.staffId === seed.alex)).toBe(true);

    for (const id of ["staff-token-read", "staff-token-write"]) {
      expect((await call("GET", "/api/sync", as(id))).status).toBe(403);
    }
    expect((await call("POST", "/api/sync", as("staff-token-write"))).status).toBe(403);
  });

  it("shows a walker only their own visits and their clients on the screens", async () => {
    const nobodys = (await list(as("owner-token-read"))).find((b) => b.clientStripeId === "cus_a")!;
    const page = async (id: string, url: string) => (await call("GET", url, { cookie: as(id).cookie! })).body;
    for (const url of ["/bookings", `/bookings/${nobodys.id}`, "/clients", "/clients/cus_a", "/"]) {
      const owner = await page("owner-session", url);
      const walker = await page("staff-session", url);
      if (url !== "/") expect(owner, url).toContain("Alice Able");
      expect(walker, url).not.toContain("Alice Able");
    }
    expect(await page("staff-session", "/clients")).toContain("Bob Brown");
  });

  it("lets a walker do the same through /api/staff and /api/v1, and no more", async () => {
    const all = await list(as("owner-token-read"));
    const nobodys = all.find((b) => b.staffId === null)!;
    const [own, own2] = all.filter((b) => b.staffId === seed.alex) as [Row, Row];
    expect(nobodys && own && own2).toBeTruthy();
    const session = as("staff-session");
    const token = as("staff-token-write");
    const assign = (ids: number[], staffId: number | null) =>
      call("POST", "/api/staff/bookings/assign", session, { ids, staffId });
    const patch = (id: number, body: unknown) => call("PATCH", `/api/v1/bookings/${id}`, token, body);
    const statusForm = { action: "status", form: { status: "completed", note: "done" } };

    // Someone else's visit: not there for them, whichever way they ask.
    expect((await assign([nobodys.id], seed.alex)).status).toBe(404);
    expect((await patch(nobodys.id, { staffId: seed.alex })).status).toBe(404);
    expect((await call("PATCH", `/api/staff/bookings/${nobodys.id}`, session, statusForm)).status).toBe(404);
    expect((await patch(nobodys.id, { notes: "x" })).status).toBe(404);
    // Their own visit to another walker: refused both ways.
    expect((await assign([own.id], seed.sam)).status).toBe(403);
    expect((await patch(own.id, { staffId: seed.sam })).status).toBe(403);
    // Notes and completing their own visit (once it has begun: the owner moves it): allowed both ways.
    const begun = { startAt: new Date(Date.now() - 30 * 60_000).toISOString() };
    expect((await call("PATCH", `/api/v1/bookings/${own.id}`, as("owner-token-write"), begun)).status).toBe(
      200,
    );
    expect((await call("PATCH", `/api/staff/bookings/${own.id}`, session, statusForm)).status).toBe(200);
    expect((await patch(own.id, { notes: "gate code 1234" })).status).toBe(200);
    // A manual booking is theirs; for another walker it is refused.
    const manual = {
      title: "Extra",
      serviceCode: "WALK60",
      date: ahead(),
      startTime: "14:00",
      durationMin: 30,
    };
    expect(
      (await call("POST", "/api/staff/bookings", session, { ...manual, staffId: seed.sam })).status,
    ).toBe(403);
    const made = await call("POST", "/api/staff/bookings", session, manual);
    expect(made.status).toBe(201);
    const madeId = json<{ id: number }>(made).id;
    expect(
      withDb(dir.file, (db) => db.prepare("SELECT staffId FROM Booking WHERE id = ?").get(madeId)),
    ).toEqual({
      staffId: seed.alex,
    });
    // Series, default walkers and client feeds are the owner's; their own feed is theirs.
    const series = { fromDate: ahead(), startTime: "10:00" };
    expect((await call("POST", `/api/staff/bookings/${own.id}/series`, session, series)).status).toBe(403);
    const defaults = { scope: "client", key: "cus_a", staffId: seed.alex };
    expect((await call("POST", "/api/staff/defaults", session, defaults)).status).toBe(403);
    const clientFeed = { scope: "client", clientStripeId: "cus_b" };
    expect((await call("POST", "/api/staff/feeds", session, clientFeed)).status).toBe(403);
    const ownFeed = { scope: "staff", staffId: seed.alex };
    expect((await call("POST", "/api/staff/feeds", session, ownFeed)).status).toBe(201);
    // Handing their own visit back (clearing the hand assignment): allowed.
    expect((await assign([own2.id], null)).status).toBe(200);
    // The owner may do all of it.
    expect(
      (
        await call("POST", "/api/staff/bookings/assign", as("owner-session"), {
          ids: [own2.id],
          staffId: seed.alex,
        })
      ).status,
    ).toBe(200);
  });

  it("ends a disabled user's sessions, tokens, paired devices and the feeds they made (CLI user:disable)", async () => {
    await createAccount(dir.file, { email: "leaver@example.com", role: "staff", staffId: seed.sam });
    const cookie = await session("leaver@example.com");
    const feed = await call("POST", "/api/staff/feeds", cookie, { scope: "staff", staffId: seed.sam });
    expect(feed.status).toBe(201);
    const feedUrl = new URL(json<{ url: string }>(feed).url);
    const walkerToken = await token({ scope: "write", staffId: seed.sam }, "leaver-phone");
    const device = await token(
      { scope: "write", userId: await userId("leaver@example.com") },
      "leaver-device",
    );
    await onDatabase(dir.file, (db) =>
      db.apiToken.updateMany({ where: { name: "leaver-device" }, data: { deviceName: "Leaver's phone" } }),
    );
    const feedNow = () => rawRequest(`${base}${feedUrl.pathname}`);
    expect((await call("GET", "/api/bookings", cookie)).status).toBe(200);
    expect((await call("GET", "/api/v1/me", bearer(walkerToken))).status).toBe(200);
    expect((await call("GET", "/api/v1/me", bearer(device))).status).toBe(200);
    expect((await feedNow()).status).toBe(200);

    const cli = spawnEntry("cli/index.ts", ["user:disable", "leaver@example.com"], childEnv(dir.dir));
    expect((await cli.exited).code).toBe(0);
    expect(cli.stdout()).toMatch(
      /1 session\(s\) ended, 2 API token\(s\) or device\(s\) and 1 calendar feed\(s\) revoked/,
    );

    expect((await call("GET", "/api/bookings", cookie)).status).toBe(401);
    expect((await call("GET", "/api/v1/me", bearer(walkerToken))).status).toBe(401);
    expect((await call("GET", "/api/v1/me", bearer(device))).status).toBe(401);
    expect((await feedNow()).status).toBe(404);
    // A token of a disabled account is refused even if its revocation were undone.
    await onDatabase(dir.file, (db) =>
      db.apiToken.updateMany({ where: { name: "leaver-device" }, data: { revokedAt: null } }),
    );
    expect((await call("GET", "/api/v1/me", bearer(device))).status).toBe(401);
  }, 60_000);

  it("counts every token route against one limit per token and per account", async () => {
    await killAll();
    server = await startAppServer(dir.dir, { env: { API_RATE_LIMIT_PER_MINUTE: "3" } });
    base = server.url;
    const owner = as("owner-token-write");
    expect((await call("GET", "/api/bookings", owner)).status).toBe(200);
    expect((await call("GET", "/api/v1/me", owner)).status).toBe(200);
    expect((await call("GET", "/api/sync", owner)).status).toBe(200);
    const limited = await call("GET", "/api/bookings/export?from=2026-01-01&to=2026-01-02", owner);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect((await call("GET", "/api/v1/bookings", owner)).status).toBe(429);
    // Another token has its own bucket; a session counts per account on the same routes.
    expect((await call("GET", "/api/bookings", as("owner-token-read"))).status).toBe(200);
    const cookie = as("owner-session");
    for (let i = 0; i < 3; i += 1) expect((await call("GET", "/api/v1/me", cookie)).status).toBe(200);
    expect((await call("GET", "/api/bookings", cookie)).status).toBe(429);
  }, 90_000);
});

/** A local date 20 days ahead (inside the horizon), for forms that take one. */
function ahead(): string {
  return new Date(now.getTime() + 20 * 86_400_000).toISOString().slice(0, 10);
}
