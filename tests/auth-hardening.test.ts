// Issue 22 (hardening), the parts that need no server process: the return-path rule after
// sign-in (property test), the strict Host parser, the common-password rule where passwords are
// set, body limits, the atomic sign-in reservation, hashed session tokens through the real
// Better Auth instance, and a sign-in on a full disk (507) through the real route.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import { auth } from "@/lib/auth/auth";
import { hashSessionToken } from "@/lib/auth/hashed-sessions";
import { hostName, isAllowedHost } from "@/lib/auth/hosts";
import { safeNextPath } from "@/lib/auth/next-path";
import { isCommonPassword } from "@/lib/auth/password-rules";
import { PEER_HEADER } from "@/lib/auth/peer";
import { MAX_FAILURES_PER_ACCOUNT, reserveSignInAttempt } from "@/lib/auth/rate-limit";
import { guardedSignIn } from "@/lib/auth/sign-in";
import { AccountError, createUser, listSessions, revokeSession, setPassword } from "@/lib/auth/users";
import { config } from "@/lib/config";
import { createPrisma, disconnectPrisma, prisma, type Db } from "@/lib/db/prisma";
import { closeSqlite, sqlite } from "@/lib/db/sqlite";
import { readBodyLimited, withBodyLimit } from "@/lib/http/body-limit";
import { route } from "@/lib/http/handler";
import { HttpError } from "@/lib/http/problem";
import { pointAppAtDatabase } from "@/tests/support/app-env";
import { freshDb, type TestDb } from "@/tests/support/db";
import { REPO_ROOT } from "@/tests/support/faults/processes";

const PASSWORD = "correct horse battery";
const ORIGIN = "http://bookings.invalid";

let t: TestDb | undefined;
let db: Db | undefined;
afterEach(async () => {
  await db?.$disconnect();
  await disconnectPrisma();
  closeSqlite();
  t?.cleanup();
  t = undefined;
  db = undefined;
});
function open(): Db {
  t = freshDb();
  db = createPrisma(t.file);
  return db;
}
/** The app's singletons (config, sqlite(), prisma(), auth()) on a fresh database. */
function openApp(): TestDb {
  t = freshDb();
  pointAppAtDatabase(t.file, { BETTER_AUTH_SECRET: "a-test-secret-that-is-long-enough-0123456789" });
  return t;
}
const meta = () => ({ actor: "test", now: new Date() });

describe("the return path after sign-in (?next=)", () => {
  const pieces = [
    "/",
    "\\",
    "\t",
    "\r",
    "\n",
    "\u0000",
    " ",
    "%2F",
    "%5C",
    "%09",
    "//",
    ":",
    "@",
    ".",
    "..",
    "?",
    "#",
  ];
  const hostile = fc
    .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 3 }), fc.domain()), { maxLength: 8 })
    .map((parts) => parts.join(""));

  it("never leaves the site, whatever the browser's URL parser makes of it", () => {
    fc.assert(
      fc.property(fc.oneof(hostile, fc.string(), fc.webUrl()), (value) => {
        const path = safeNextPath(value);
        expect(path.startsWith("/")).toBe(true);
        expect(path.startsWith("//")).toBe(false);
        expect(new URL(path, ORIGIN).origin).toBe(ORIGIN);
        // Safe in a Location header, and stable: checking it again changes nothing.
        expect(/[\u0000-\u001f\u007f]/.test(path)).toBe(false);
        expect(safeNextPath(path)).toBe(path);
      }),
      { numRuns: 500 },
    );
  });

  it("refuses the reported bypasses and keeps ordinary paths", () => {
    expect(safeNextPath("/\t/127.0.0.1:3309/x")).toBe("/");
    expect(safeNextPath("/\\evil.example")).toBe("/");
    expect(safeNextPath("//evil.example")).toBe("/");
    expect(safeNextPath("/a/..//evil.example")).toBe("/");
    expect(safeNextPath("https://evil.example/")).toBe("/");
    expect(safeNextPath("/bookings\r\nSet-Cookie: x=1")).not.toMatch(/[\r\n]/);
    expect(safeNextPath("/bookings?tab=past#top")).toBe("/bookings?tab=past#top");
    expect(safeNextPath(undefined)).toBe("/");
  });
});

describe("the Host parser", () => {
  it("refuses userinfo and anything else that is not host[:port]", () => {
    for (const host of [
      "localhost:3301@evil.example",
      "localhost@evil.example",
      "localhost:3301/x",
      "localhost:3301 evil",
      "127.0.0.1:1:2",
      "[::1]x",
      "",
    ]) {
      expect(hostName(host)).toBe("");
      expect(isAllowedHost(host, ["evil.example"])).toBe(false);
    }
    fc.assert(
      fc.property(fc.string(), fc.domain(), (before, domain) => {
        expect(isAllowedHost(`localhost${before}@${domain}`, [])).toBe(false);
      }),
    );
    expect(isAllowedHost("localhost:3301", [])).toBe(true);
  });
});

describe("the common-password rule", () => {
  it("is refused wherever a password is set, naming the rule; nothing is written", async () => {
    const db = open();
    expect(isCommonPassword("12345678")).toBe(true);
    expect(isCommonPassword("Password1")).toBe(true);
    expect(isCommonPassword(PASSWORD)).toBe(false);
    const refused = createUser(db, { email: "o@example.com", role: "owner", password: "12345678" }, meta());
    await expect(refused).rejects.toThrow(AccountError);
    await expect(refused).rejects.toThrow(/password is one of the most common passwords/);
    expect(await db.user.count()).toBe(0);
    await createUser(db, { email: "o@example.com", role: "owner", password: PASSWORD }, meta());
    const before = await db.account.findFirstOrThrow();
    await expect(setPassword(db, "o@example.com", "qwertyuiop", meta())).rejects.toThrow(/most common/);
    expect((await db.account.findFirstOrThrow()).password).toBe(before.password);
  });
});

describe("the common-password rule on the command line", () => {
  it("user:create and user:password refuse a common password with exit 2, naming the rule", async () => {
    const db = open();
    await createUser(db, { email: "o@example.com", role: "owner", password: PASSWORD }, meta());
    const cli = (args: string[], input: string) =>
      spawnSync(
        process.execPath,
        [
          "--experimental-wasm-modules",
          "--no-warnings=ExperimentalWarning",
          "--import",
          "tsx",
          "cli/index.ts",
          ...args,
        ],
        {
          cwd: REPO_ROOT,
          env: { ...process.env, DATA_DIR: t!.dir, DATABASE_URL: `file:${t!.file}`, LOG_LEVEL: "warn" },
          input,
          encoding: "utf8",
          timeout: 110_000,
        },
      );
    const created = cli(
      ["user:create", "--email", "w@example.com", "--role", "staff", "--password-stdin"],
      "12345678\n",
    );
    expect(created.status, created.stderr).toBe(2);
    expect(created.stderr).toMatch(/password is one of the most common passwords/);
    const changed = cli(["user:password", "o@example.com", "--password-stdin"], "iloveyou\n");
    expect(changed.status, changed.stderr).toBe(2);
    expect(changed.stderr).toMatch(/most common passwords/);
    expect(await db.user.count()).toBe(1);
  }, 240_000);
});

/** A body that sends `chunk` forever (or until cancelled), counting what was pulled. */
function endlessBody(chunk: Uint8Array): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => pulled };
}

describe("body limits", () => {
  it("refuses a declared size over the limit without reading, and stops an endless body at the limit", async () => {
    const declared = endlessBody(new Uint8Array(1024));
    const big = new Request("http://x/", {
      method: "POST",
      headers: { "content-length": String(100 * 1024 * 1024) },
      body: declared.stream,
      duplex: "half",
    } as RequestInit);
    await expect(readBodyLimited(big, 16 * 1024)).rejects.toMatchObject({ status: 413 });
    expect(declared.pulled()).toBeLessThanOrEqual(1024);

    const endless = endlessBody(new Uint8Array(1024));
    const streamed = new Request("http://x/", {
      method: "POST",
      body: endless.stream,
      duplex: "half",
    } as RequestInit);
    await expect(readBodyLimited(streamed, 16 * 1024)).rejects.toBeInstanceOf(HttpError);
    expect(endless.pulled()).toBeLessThan(32 * 1024);

    const small = await withBodyLimit(new Request("http://x/", { method: "POST", body: "{}" }), 16);
    expect(await small.text()).toBe("{}");
  });

  it("route() answers 413 problem JSON before the handler runs", async () => {
    let ran = false;
    const handler = route(
      "test.limited",
      "public",
      async (request) => {
        ran = true;
        return Response.json({ size: (await request.text()).length });
      },
      { bodyLimit: 1024 },
    );
    const endless = endlessBody(new Uint8Array(512));
    const response = await handler(
      new Request("http://x/", { method: "POST", body: endless.stream, duplex: "half" } as RequestInit),
      {},
    );
    expect(response.status).toBe(413);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(ran).toBe(false);
    const ok = await handler(new Request("http://x/", { method: "POST", body: "x".repeat(1000) }), {});
    expect(await ok.json()).toEqual({ size: 1000 });
  });
});

describe("sign-in attempts", () => {
  it("reserves attempts atomically: 40 concurrent guesses, exactly the limit reach the password check", async () => {
    const app = openApp();
    const db = prisma();
    let checked = 0;
    const wrong = async () => {
      checked += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return Response.json({ code: "INVALID_EMAIL_OR_PASSWORD" }, { status: 401 });
    };
    const attempt = (i: number) =>
      guardedSignIn(
        db,
        sqlite(),
        new Request("http://localhost/api/auth/sign-in/email", {
          method: "POST",
          headers: { "content-type": "application/json", [PEER_HEADER]: `10.0.0.${i % 2}` },
          body: JSON.stringify({ email: "Walker@Example.com", password: `guess ${i}` }),
        }),
        wrong,
        new Date(),
      ).then(
        (response) => response.status,
        (error: unknown) => (error instanceof HttpError ? error.status : 0),
      );
    const statuses = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt(i)));
    expect(checked).toBe(MAX_FAILURES_PER_ACCOUNT);
    expect(statuses.filter((status) => status === 401)).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
    expect(statuses.filter((status) => status === 429)).toHaveLength(40 - MAX_FAILURES_PER_ACCOUNT);
    expect(app.db.prepare("SELECT DISTINCT email FROM SignInAttempt").all()).toEqual([
      { email: "walker@example.com" },
    ]);
  });

  it("counts a form-encoded sign-in under the account it names", async () => {
    openApp();
    const seen: unknown[] = [];
    const signIn = async (request: Request) => {
      seen.push(await request.json());
      return Response.json({ code: "INVALID_EMAIL_OR_PASSWORD" }, { status: 401 });
    };
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      const form = new Request("http://localhost/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          email: " OWNER@example.com",
          password: "wrong",
          callbackURL: "https://evil",
        }),
      });
      expect((await guardedSignIn(prisma(), sqlite(), form, signIn, new Date())).status).toBe(401);
    }
    // Better Auth was given exactly the counted email, as JSON, and nothing else.
    expect(seen[0]).toEqual({ email: "owner@example.com", password: "wrong" });
    const reservation = reserveSignInAttempt(sqlite(), {
      email: "owner@example.com",
      ip: "10.9.9.9",
      now: new Date(),
    });
    expect(reservation.allowed).toBe(false);
  });
});

/** `token.signature` of the session cookie in a Set-Cookie header list. */
function sessionToken(response: Response): string {
  const cookie = response.headers.getSetCookie().find((line) => line.includes("session_token="));
  if (!cookie) throw new Error("no session cookie");
  return decodeURIComponent(cookie.split(";")[0]!.split("=")[1]!).split(".")[0]!;
}

describe("session tokens at rest", () => {
  it("stores only a hash; the cookie still signs in, and revoking by id still ends it", async () => {
    const app = openApp();
    await createUser(prisma(), { email: "o@example.com", role: "owner", password: PASSWORD }, meta());
    const signedIn = await auth().api.signInEmail({
      body: { email: "o@example.com", password: PASSWORD },
      asResponse: true,
    });
    expect(signedIn.status).toBe(200);
    const token = sessionToken(signedIn);
    const rows = app.db.prepare("SELECT id, token FROM Session").all() as { id: string; token: string }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token).not.toBe(token);
    expect(rows[0]!.token).toBe(hashSessionToken(token));
    const cookie = signedIn.headers
      .getSetCookie()
      .map((line) => line.split(";")[0])
      .join("; ");
    const session = await auth().api.getSession({ headers: new Headers({ cookie }) });
    expect(session?.user.email).toBe("o@example.com");
    // A cookie carrying the stored hash is no key.
    const stolen = cookie.replace(encodeURIComponent(token), encodeURIComponent(rows[0]!.token));
    expect(await auth().api.getSession({ headers: new Headers({ cookie: stolen }) })).toBeNull();
    const listed = await listSessions(prisma(), new Date());
    expect(listed.map((item) => item.id)).toEqual([rows[0]!.id]);
    expect(await revokeSession(prisma(), rows[0]!.id, meta())).toBe(true);
    expect(await auth().api.getSession({ headers: new Headers({ cookie }) })).toBeNull();
  });
});

describe("a sign-in on a full disk", () => {
  it("answers 507 problem JSON and leaves no session", async () => {
    const app = openApp();
    await createUser(prisma(), { email: "o@example.com", role: "owner", password: PASSWORD }, meta());
    const user = app.db.prepare("SELECT id FROM User").get() as { id: string };
    // Fill the disk: cap every connection at the file's size, then fill the Session table's
    // pages with ever smaller rows until not even a small one fits.
    const cap = (pages: number) => `max_page_count = ${pages}`;
    const insert = app.db.prepare(
      "INSERT INTO Session (id, expiresAt, token, createdAt, updatedAt, userAgent, userId) VALUES (?, 0, ?, 0, 0, ?, ?)",
    );
    app.db.pragma(cap(app.db.pragma("page_count", { simple: true }) as number));
    for (const size of [3000, 1000, 300, 100, 30, 1]) {
      try {
        for (;;)
          insert.run(
            randomBytes(16).toString("hex"),
            randomBytes(32).toString("hex"),
            "x".repeat(size),
            user.id,
          );
      } catch (error) {
        expect((error as { code?: string }).code).toBe("SQLITE_FULL");
      }
    }
    const pages = app.db.pragma("page_count", { simple: true }) as number;
    const filler = (app.db.prepare("SELECT count(*) AS n FROM Session").get() as { n: number }).n;
    sqlite().pragma(cap(pages));
    await prisma().$queryRawUnsafe(`PRAGMA ${cap(pages)}`);

    const response = await authPost(
      new Request(`${config().publicUrl}/api/auth/sign-in/email`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: config().publicUrl,
          [PEER_HEADER]: "127.0.0.1",
        },
        body: JSON.stringify({ email: "o@example.com", password: PASSWORD }),
      }),
      { params: Promise.resolve({ all: ["sign-in", "email"] }) },
    );
    expect(response.status).toBe(507);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect((app.db.prepare("SELECT count(*) AS n FROM Session").get() as { n: number }).n).toBe(filler);
  });
});
