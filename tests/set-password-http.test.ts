// Giving a walker a login from the screens, over HTTP against the built server: only the owner
// adds accounts and makes links; the link page names the account; a link sets the password and
// signs in once (two at once: one session); wrong, expired and replaced links and weak passwords
// are refused and change nothing; the owner ends the walker's session and disables the account;
// audit rows; wrong tokens limited per address.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeSetPasswordLink, SET_PASSWORD_TTL_MS } from "@/lib/auth/set-password";
import { startAppServer, standaloneBuilt, type AppServer } from "@/tests/support/faults/app-server";
import { preparedDataDir, removeDataDirs, type DataDir } from "@/tests/support/faults/data-dir";
import { killAll } from "@/tests/support/faults/processes";
import {
  cookieOf,
  createAccount,
  onDatabase,
  rawRequest,
  signIn,
  type RawResponse,
} from "@/tests/support/http-auth";

let dataDir: DataDir;
let server: AppServer;
let base: string;
let alexId: number;
let owner: string;
let sam: string;

interface Created {
  user: { id: string; email: string; role: string; staffId: number | null };
  link: { url: string; expiresAt: string; localOnly: boolean };
}
interface Problem {
  status: number;
  detail: string;
  errors?: { path: string; message: string }[];
}

const json = <T>(response: RawResponse) => JSON.parse(response.body) as T;

function send(cookie: string | null, method: string, path: string, body?: unknown): Promise<RawResponse> {
  return rawRequest(`${base}${path}`, {
    method,
    headers: {
      origin: base,
      "content-type": "application/json",
      "user-agent": "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36",
      ...(cookie ? { cookie } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const tokenOf = (url: string) => new URL(url).searchParams.get("token")!;
const redeem = (token: string, password = "walks in the park", confirm = password) =>
  send(null, "POST", "/api/set-password", { token, password, confirm });
const me = (cookie: string) => rawRequest(`${base}/api/v1/me`, { headers: { cookie } });
const linkRows = (userId: string) =>
  onDatabase(dataDir.file, (db) => db.signInLink.findMany({ where: { userId }, orderBy: { id: "asc" } }));
const passwordOf = (userId: string) =>
  onDatabase(
    dataDir.file,
    async (db) => (await db.account.findFirst({ where: { userId } }))?.password ?? null,
  );

describe.skipIf(!standaloneBuilt())("walker logins from the staff page, over HTTP", () => {
  beforeAll(async () => {
    dataDir = preparedDataDir();
    let samId: number;
    [alexId, samId] = await onDatabase(dataDir.file, async (db) => [
      (await db.staff.create({ data: { name: "Alex" } })).id,
      (await db.staff.create({ data: { name: "Sam" } })).id,
    ]);
    await createAccount(dataDir.file, { email: "owner@example.com", role: "owner" });
    await createAccount(dataDir.file, { email: "sam@example.com", role: "staff", staffId: samId });
    server = await startAppServer(dataDir.dir);
    base = server.url;
    owner = (await signIn(base, "owner@example.com")).cookie;
    sam = (await signIn(base, "sam@example.com")).cookie;
  }, 90_000);
  afterAll(async () => {
    await killAll();
    removeDataDirs();
  });

  let alex: Created;

  it("lets only the owner add an account; bad input and duplicates change nothing", async () => {
    const body = { email: "Alex@Example.com", name: "Alex", role: "staff", staffId: alexId };
    expect((await send(null, "POST", "/api/owner/users", body)).status).toBe(401);
    expect((await send(sam, "POST", "/api/owner/users", body)).status).toBe(403);
    const wrongRole = await send(owner, "POST", "/api/owner/users", { ...body, role: "owner" });
    expect(wrongRole.status).toBe(422);
    expect(json<Problem>(wrongRole).errors?.[0]?.path).toBe("staffId");
    expect((await send(owner, "POST", "/api/owner/users", { ...body, email: "nope" })).status).toBe(422);
    expect((await send(owner, "POST", "/api/owner/users", { ...body, staffId: 9999 })).status).toBe(422);
    expect(await onDatabase(dataDir.file, (db) => db.user.count())).toBe(2);

    const created = await send(owner, "POST", "/api/owner/users", body);
    expect(created.status, created.body).toBe(201);
    alex = json<Created>(created);
    expect(alex.user).toMatchObject({ email: "alex@example.com", role: "staff", staffId: alexId });
    // The owner uses 127.0.0.1 and PUBLIC_URL is unset: the link says it works only here.
    expect(alex.link.url).toMatch(new RegExp(`^${base}/set-password\\?token=[A-Za-z0-9_-]{43}$`));
    expect(alex.link.localOnly).toBe(true);
    const hours = (Date.parse(alex.link.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(71.9);
    expect(hours).toBeLessThanOrEqual(72);
    expect(created.headers["cache-control"]).toContain("no-store");
    expect((await send(owner, "POST", "/api/owner/users", body)).status).toBe(409);
    expect(await passwordOf(alex.user.id)).toBeNull();
    // Not a password anyone can sign in with yet.
    expect((await signIn(base, "alex@example.com", "")).status).not.toBe(200);
  });

  it("shows whom the link is for; a wrong link gets a clear page", async () => {
    const page = await rawRequest(alex.link.url);
    expect(page.status).toBe(200);
    expect(page.body).toContain("Choose your password");
    expect(page.body).toContain("alex@example.com");
    const wrong = await rawRequest(`${base}/set-password?token=${"B".repeat(43)}`);
    expect(wrong.status).toBe(200);
    expect(wrong.body).toContain("This link does not work");
    expect(wrong.body).not.toContain("alex@example.com");
  });

  it("enforces the password rules with the field named, changing nothing", async () => {
    const token = tokenOf(alex.link.url);
    const mismatch = await redeem(token, "walks in the park", "walks in the rain");
    expect(mismatch.status).toBe(422);
    expect(json<Problem>(mismatch).errors?.[0]?.path).toBe("confirm");
    const short = await redeem(token, "short");
    expect(short.status).toBe(422);
    expect(json<Problem>(short).errors?.[0]?.path).toBe("password");
    const common = await redeem(token, "password123");
    expect(common.status).toBe(422);
    expect(json<Problem>(common).detail).toMatch(/common/);
    expect(await passwordOf(alex.user.id)).toBeNull();
    expect((await linkRows(alex.user.id))[0]!.usedAt).toBeNull();
    // Only our own pages may post it (no login CSRF).
    const foreign = await rawRequest(`${base}/api/set-password`, {
      method: "POST",
      headers: { origin: "http://evil.example", "content-type": "application/json" },
      body: JSON.stringify({ token, password: "walks in the park", confirm: "walks in the park" }),
    });
    expect(foreign.status).toBe(403);
  });

  let alexCookie: string;

  it("works once: two redemptions at once give one session, as the walker", async () => {
    const token = tokenOf(alex.link.url);
    const [a, b] = await Promise.all([redeem(token), redeem(token, "another walk outside")]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 410]);
    const winner = a.status === 200 ? a : b;
    expect(winner.body).not.toMatch(/"token"/);
    alexCookie = cookieOf(winner);
    const who = await me(alexCookie);
    expect(who.status).toBe(200);
    expect(json<{ role: string; staff: { id: number } }>(who)).toMatchObject({
      role: "staff",
      staff: { id: alexId },
    });
    const sessions = await onDatabase(dataDir.file, (db) =>
      db.session.findMany({ where: { userId: alex.user.id } }),
    );
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.userAgent).toContain("Android");
    // The password is the winner's, and signs in.
    const password = a.status === 200 ? "walks in the park" : "another walk outside";
    expect((await signIn(base, "alex@example.com", password)).status).toBe(200);
    // Used: the page says so, and a third try changes nothing.
    expect((await rawRequest(alex.link.url)).body).toContain("This link does not work");
    const stored = await passwordOf(alex.user.id);
    expect((await redeem(token, "a third long password")).status).toBe(410);
    expect(await passwordOf(alex.user.id)).toBe(stored);
  });

  it("refuses an expired link and a replaced one, changing nothing", async () => {
    const past = new Date(Date.now() - SET_PASSWORD_TTL_MS - 60_000);
    const old = await onDatabase(dataDir.file, (db) =>
      makeSetPasswordLink(db, alex.user.id, { actor: "test", now: past }),
    );
    const stored = await passwordOf(alex.user.id);
    expect((await redeem(old!.token)).status).toBe(410);
    expect(await passwordOf(alex.user.id)).toBe(stored);

    expect((await send(sam, "POST", `/api/owner/users/${alex.user.id}/links`, {})).status).toBe(403);
    expect((await send(owner, "POST", "/api/owner/users/nobody/links", {})).status).toBe(404);
    const first = json<Created>(await send(owner, "POST", `/api/owner/users/${alex.user.id}/links`, {}));
    const second = json<Created>(await send(owner, "POST", `/api/owner/users/${alex.user.id}/links`, {}));
    expect((await redeem(tokenOf(first.link.url))).status).toBe(410);
    expect(await passwordOf(alex.user.id)).toBe(stored);
    const unused = (await linkRows(alex.user.id)).filter((row) => row.usedAt === null);
    expect(unused).toHaveLength(1);
    expect(second.link.url).not.toBe(first.link.url);
  });

  it("shows the owner the walker's sessions on the staff page and lets them end one", async () => {
    const page = await rawRequest(`${base}/staff/${alexId}`, { headers: { cookie: owner } });
    expect(page.status).toBe(200);
    expect(page.body).toContain("alex@example.com");
    expect(page.body).toContain("Chrome on Android");
    const walkerView = await rawRequest(`${base}/staff/${alexId}`, { headers: { cookie: alexCookie } });
    expect(walkerView.body).not.toContain("Make a set-password link");

    const [session] = await onDatabase(dataDir.file, (db) =>
      db.session.findMany({ where: { userId: alex.user.id }, orderBy: { createdAt: "asc" } }),
    );
    expect((await send(sam, "DELETE", `/api/sessions/${session!.id}`)).status).toBe(403);
    expect((await send(owner, "DELETE", `/api/sessions/${session!.id}`)).status).toBe(204);
    expect((await me(alexCookie)).status).toBe(401);
  });

  it("disables the account (not the owner's own) and records every step in the audit log", async () => {
    const ownerId = await onDatabase(
      dataDir.file,
      async (db) => (await db.user.findUniqueOrThrow({ where: { email: "owner@example.com" } })).id,
    );
    expect((await send(owner, "POST", `/api/owner/users/${ownerId}/disable`, {})).status).toBe(409);
    expect((await send(sam, "POST", `/api/owner/users/${alex.user.id}/disable`, {})).status).toBe(403);
    const disabled = await send(owner, "POST", `/api/owner/users/${alex.user.id}/disable`, {});
    expect(disabled.status).toBe(200);
    expect((await signIn(base, "alex@example.com", "walks in the park")).status).toBe(401);
    // A disabled account gets no link.
    expect((await send(owner, "POST", `/api/owner/users/${alex.user.id}/links`, {})).status).toBe(409);

    const audit = await onDatabase(dataDir.file, (db) =>
      db.auditEvent.findMany({ where: { target: "alex@example.com" }, orderBy: { id: "asc" } }),
    );
    const types = audit.map((row) => row.type);
    expect(types.slice(0, 2)).toEqual(["user-created", "set-password-link-created"]);
    expect(types.filter((type) => type === "set-password-link-used")).toHaveLength(1);
    expect(types).toContain("session-revoked");
    expect(types.at(-1)).toBe("user-disabled");
    expect(audit[0]!.actor).toBe("owner@example.com");
  });

  it("gives the complete terminal commands on Settings → Security, and points to the staff page", async () => {
    const page = await rawRequest(`${base}/settings/security`, { headers: { cookie: owner } });
    expect(page.status).toBe(200);
    const text = page.body.replace(/<!-- -->/g, "");
    expect(text).toMatch(/user:create --email E --role staff --staff-id ID --name N --password-stdin/);
    expect(text).toMatch(/token:create --name N --scope read\|write --staff-id ID/);
    expect(text).toContain('href="/staff"');
  });

  it("limits wrong tokens per address (429), past the sign-in budget", async () => {
    let limited: RawResponse | undefined;
    for (let i = 0; i < 30 && !limited; i++) {
      const response = await redeem(`${"C".repeat(40)}${String(i).padStart(3, "0")}`);
      if (response.status === 429) limited = response;
      else expect(response.status).toBe(410);
    }
    expect(limited?.headers["retry-after"]).toMatch(/^\d+$/);
    const page = await rawRequest(`${base}/set-password?token=${"D".repeat(43)}`);
    expect(page.body).toContain("Too many tries");
  });
});
