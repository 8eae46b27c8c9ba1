// Issue 22 (hardening) over HTTP against the built server: the return path after sign-in,
// sign-in limits whatever the body's encoding and however many guesses arrive at once, body
// limits, hashed session tokens, only the Better Auth endpoints the app uses, the strict Host
// parser, and no session token in the sign-in answer's body.
import http from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { hashSessionToken } from "@/lib/auth/hashed-sessions";
import { MAX_FAILURES_PER_ACCOUNT } from "@/lib/auth/rate-limit";
import { listSessions, revokeSession } from "@/lib/auth/users";
import { startAppServer, standaloneBuilt, type AppServer } from "@/tests/support/faults/app-server";
import { preparedDataDir, removeDataDirs, type DataDir } from "@/tests/support/faults/data-dir";
import { killAll } from "@/tests/support/faults/processes";
import { createAccount, onDatabase, PASSWORD, rawRequest, signIn } from "@/tests/support/http-auth";

let dataDir: DataDir;
let server: AppServer;
let base: string;

const get = (url: string, headers: Record<string, string> = {}) => rawRequest(`${base}${url}`, { headers });
const post = (url: string, headers: Record<string, string>, body = "{}") =>
  rawRequest(`${base}${url}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base, ...headers },
    body,
  });
/** The raw token in a response's session cookie (`token.signature`). */
const cookieToken = (cookie: string) =>
  decodeURIComponent(/session_token=([^;]+)/.exec(cookie)?.[1] ?? "").split(".")[0]!;

/** Sends `chunk` every few ms (declaring `contentLength`, or chunked) until the server answers. */
function slowUpload(
  url: string,
  options: { contentLength?: number; maxBytes: number },
): Promise<{ status: number; body: string; sent: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    const headers: Record<string, string> = { "content-type": "application/json", origin: base };
    if (options.contentLength !== undefined) headers["content-length"] = String(options.contentLength);
    const request = http.request(url, { method: "POST", headers }, (response) => {
      clearInterval(timer);
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => {
        resolve({ status: response.statusCode ?? 0, body, sent });
        request.destroy();
      });
    });
    // The server closes the connection after its answer: a write may fail once it has answered.
    let answered = false;
    request.on("response", () => (answered = true));
    request.on("error", (error) => (answered ? undefined : reject(error)));
    const chunk = Buffer.alloc(64 * 1024, "a");
    const timer: NodeJS.Timeout = setInterval(() => {
      if (sent >= options.maxBytes) return clearInterval(timer);
      request.write(chunk);
      sent += chunk.byteLength;
    }, 5);
  });
}

describe.skipIf(!standaloneBuilt())("hardening over HTTP (issue 22)", () => {
  beforeAll(async () => {
    dataDir = preparedDataDir();
    await createAccount(dataDir.file, { email: "owner@example.com", role: "owner" });
    await createAccount(dataDir.file, { email: "walker@example.com", role: "staff" });
    server = await startAppServer(dataDir.dir);
    base = server.url;
  }, 90_000);
  afterAll(async () => {
    await killAll();
    removeDataDirs();
  });
  // Each test starts with no counted failures (they are per address, and all come from 127.0.0.1).
  beforeEach(async () => {
    await onDatabase(dataDir.file, (db) => db.signInAttempt.deleteMany());
  });

  it("sends a signed-in visitor only to a path on this site, whatever `next` holds", async () => {
    const { cookie } = await signIn(base, "owner@example.com");
    const tab = await get("/sign-in?next=%2F%09%2F127.0.0.1%3A3309%2Fx", { cookie });
    expect([303, 307]).toContain(tab.status);
    expect(tab.headers.location).toBe("/");
    const backslash = await get("/sign-in?next=%2F%5Cevil.example", { cookie });
    expect(backslash.headers.location).toBe("/");
    const crlf = await get("/sign-in?next=%2Fbookings%0D%0ASet-Cookie%3A%20x%3D1", { cookie });
    expect([303, 307]).toContain(crlf.status);
    expect(crlf.headers.location).toBe("/bookingsSet-Cookie:%20x=1");
    expect(crlf.headers["set-cookie"] ?? []).not.toContainEqual(expect.stringContaining("x=1"));
    const ordinary = await get("/sign-in?next=%2Fbookings%3Ftab%3Dpast", { cookie });
    expect(ordinary.headers.location).toBe("/bookings?tab=past");
    // Signing in: the page renders (no 500) and hands the form the safe path only.
    const anonymous = await get("/sign-in?next=%2F%09%2F127.0.0.1%3A3309%2Fx");
    expect(anonymous.status).toBe(200);
    expect((await get("/sign-in?next=%2Fx%0D%0Ay")).status).toBe(200);
  });

  it("counts form-encoded and JSON sign-ins under the same account", async () => {
    const form = (password: string) =>
      rawRequest(`${base}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: base },
        body: new URLSearchParams({ email: "walker@example.com", password }).toString(),
      });
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) expect((await form(`guess-${i}`)).status).toBe(401);
    // Locked, however the right password is sent.
    expect((await signIn(base, "walker@example.com")).status).toBe(429);
    expect((await form(PASSWORD)).status).toBe(429);

    await onDatabase(dataDir.file, (db) => db.signInAttempt.deleteMany());
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++)
      expect((await signIn(base, "Walker@Example.com ", `guess-${i}`)).status).toBe(401);
    expect((await form(PASSWORD)).status).toBe(429);
  });

  it("lets exactly the limit of 40 concurrent wrong guesses reach the password check", async () => {
    const statuses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        signIn(base, "owner@example.com", `wrong-${i}`).then((r) => r.status),
      ),
    );
    expect(statuses.filter((status) => status === 401)).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
    expect(statuses.filter((status) => status === 429)).toHaveLength(40 - MAX_FAILURES_PER_ACCOUNT);
    const failures = await onDatabase(dataDir.file, (db) => db.signInAttempt.count({ where: { ok: false } }));
    expect(failures).toBe(MAX_FAILURES_PER_ACCOUNT);
  }, 60_000);

  it("refuses a big body with 413 before reading it: declared, or streamed without end", async () => {
    const declared = await slowUpload(`${base}/api/auth/sign-in/email`, {
      contentLength: 100 * 1024 * 1024,
      maxBytes: 8 * 1024 * 1024,
    });
    expect(declared.status).toBe(413);
    expect((JSON.parse(declared.body) as { status: number }).status).toBe(413);
    expect(declared.sent).toBeLessThan(8 * 1024 * 1024);
    const streamed = await slowUpload(`${base}/api/auth/sign-in/email`, { maxBytes: 64 * 1024 * 1024 });
    expect(streamed.status).toBe(413);
    expect(streamed.sent).toBeLessThan(64 * 1024 * 1024);
    // First run and the screens' JSON routes have limits too.
    const setup = await slowUpload(`${base}/api/setup/owner`, {
      contentLength: 50 * 1024 * 1024,
      maxBytes: 8 * 1024 * 1024,
    });
    expect(setup.status).toBe(413);
    const { cookie } = await signIn(base, "owner@example.com");
    const settings = await rawRequest(`${base}/api/owner/settings/preview`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base, cookie },
      body: JSON.stringify({ businessName: "x".repeat(2 * 1024 * 1024) }),
    });
    expect(settings.status).toBe(413);
  }, 60_000);

  it("stores only a hash of the session token; the session, sign-out and revoking still work", async () => {
    const first = await signIn(base, "walker@example.com");
    expect(first.status).toBe(200);
    const token = cookieToken(first.cookie);
    expect(token.length).toBeGreaterThan(20);
    const stored = await onDatabase(dataDir.file, (db) => db.session.findMany({ select: { token: true } }));
    expect(stored.map((row) => row.token)).not.toContain(token);
    expect(stored.map((row) => row.token)).toContain(hashSessionToken(token));
    const session = JSON.parse((await get("/api/auth/get-session", { cookie: first.cookie })).body) as {
      user: { email: string };
    };
    expect(session.user.email).toBe("walker@example.com");
    expect((await get("/bookings", { cookie: first.cookie })).status).toBe(200);

    const signedOut = await post("/api/auth/sign-out", { cookie: first.cookie });
    expect(signedOut.status).toBe(200);
    expect((await get("/bookings", { cookie: first.cookie })).status).toBe(307);
    const remaining = await onDatabase(dataDir.file, (db) =>
      db.session.count({ where: { token: hashSessionToken(token) } }),
    );
    expect(remaining).toBe(0);

    const second = await signIn(base, "walker@example.com");
    const [listed] = await onDatabase(dataDir.file, (db) =>
      listSessions(db, new Date(), "walker@example.com"),
    );
    expect(listed).toBeDefined();
    await onDatabase(dataDir.file, (db) => revokeSession(db, listed!.id, { actor: "test", now: new Date() }));
    expect((await get("/api/auth/get-session", { cookie: second.cookie })).body).toBe("null");
  });

  it("keeps the session token out of the sign-in answer's body (the cookie is HttpOnly)", async () => {
    const response = await signIn(base, "owner@example.com");
    expect(response.status).toBe(200);
    const body = JSON.parse(response.body) as Record<string, unknown>;
    expect(body).not.toHaveProperty("token");
    expect(response.body).not.toContain(cookieToken(response.cookie));
    expect(body).toMatchObject({ user: { email: "owner@example.com" } });
  });

  it("answers 404 for every Better Auth endpoint the app does not use", async () => {
    const { cookie } = await signIn(base, "walker@example.com");
    const headers = { cookie };
    const changePassword = await post(
      "/api/auth/change-password",
      headers,
      JSON.stringify({
        currentPassword: PASSWORD,
        newPassword: "a brand new password",
        revokeOtherSessions: false,
      }),
    );
    expect(changePassword.status).toBe(404);
    const rename = await post(
      "/api/auth/update-user",
      headers,
      JSON.stringify({ name: "Owner (real)", image: "javascript:alert(1)" }),
    );
    expect(rename.status).toBe(404);
    for (const [method, path] of [
      ["GET", "/api/auth/list-sessions"],
      ["POST", "/api/auth/revoke-sessions"],
      ["POST", "/api/auth/revoke-other-sessions"],
      ["POST", "/api/auth/sign-up/email"],
      ["POST", "/api/auth/delete-user"],
      ["POST", "/api/auth/change-email"],
      ["GET", "/api/auth/ok"],
    ] as const) {
      const response = method === "GET" ? await get(path, headers) : await post(path, headers);
      expect(response.status, `${method} ${path}`).toBe(404);
    }
    const user = await onDatabase(dataDir.file, (db) =>
      db.user.findUniqueOrThrow({
        where: { email: "walker@example.com" },
        select: { name: true, image: true },
      }),
    );
    expect(user.name).not.toBe("Owner (real)");
    expect(user.image).toBeNull();
    // The password did not change: the old one still signs in.
    expect((await signIn(base, "walker@example.com")).status).toBe(200);
  });

  it("answers 421 to a Host with userinfo", async () => {
    const response = await get("/api/health", { host: `localhost:${server.port}@evil.example` });
    expect(response.status).toBe(421);
  });
});
