// lib/auth building blocks on real SQLite files: accounts, tokens, sign-in limits, desktop
// links, and the pure checks (Host, Origin, peer address, LAN URLs, CSP).
import { mkdtempSync, statSync } from "node:fs";
import type os from "node:os";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { consumeSignInLink, createSignInLink } from "@/lib/auth/desktop-link";
import { hostName, isAllowedHost, isHostCheckExempt } from "@/lib/auth/hosts";
import { lanUrls, isLoopbackBind } from "@/lib/auth/lan";
import { isSameOrigin } from "@/lib/auth/origin";
import { isLoopbackAddress, resolvePeer } from "@/lib/auth/peer";
import {
  checkSignInLimit,
  MAX_FAILURES_PER_ACCOUNT,
  recordSignInAttempt,
  SIGN_IN_WINDOW_MS,
} from "@/lib/auth/rate-limit";
import { readOrCreateSecret } from "@/lib/auth/secret";
import { createApiToken, hashToken, listApiTokens, revokeApiToken, verifyApiToken } from "@/lib/auth/tokens";
import { AccountError, createUser, disableUser, hasOwner, listUsers, setPassword } from "@/lib/auth/users";
import { createPrisma, type Db } from "@/lib/db/prisma";
import { contentSecurityPolicy } from "@/lib/http/security-headers";
import { freshDb, type TestDb } from "@/tests/support/db";

let t: TestDb | undefined;
let db: Db | undefined;
afterEach(async () => {
  await db?.$disconnect();
  t?.cleanup();
  t = undefined;
  db = undefined;
});
function open(): Db {
  t = freshDb();
  db = createPrisma(t.file);
  return db;
}
const meta = (now = new Date("2026-12-01T10:00:00Z")) => ({ actor: "test", now });

describe("accounts", () => {
  it("creates users with a hashed password, refuses duplicates and bad input, and changes nothing then", async () => {
    const db = open();
    expect(await hasOwner(db)).toBe(false);
    await createUser(db, { email: " Owner@Example.COM ", role: "owner", password: "long enough" }, meta());
    expect(await hasOwner(db)).toBe(true);
    const account = await db.account.findFirst();
    expect(account?.password).toBeTruthy();
    expect(account?.password).not.toContain("long enough");
    await expect(
      createUser(db, { email: "owner@example.com", role: "staff", password: "long enough" }, meta()),
    ).rejects.toThrow(/already exists/);
    await expect(
      createUser(db, { email: "a@example.com", role: "staff", password: "short" }, meta()),
    ).rejects.toThrow(AccountError);
    await expect(
      createUser(
        db,
        { email: "b@example.com", role: "staff", staffId: 999, password: "long enough" },
        meta(),
      ),
    ).rejects.toThrow(/No staff member/);
    await expect(
      createUser(
        db,
        { email: "c@example.com", role: "owner", password: "long enough" },
        { ...meta(), onlyFirstOwner: true },
      ),
    ).rejects.toThrow(/already exists/);
    expect((await listUsers(db, new Date())).map((user) => user.email)).toEqual(["owner@example.com"]);
  });

  it("disabling and a new password end every session of the account", async () => {
    const db = open();
    const user = await createUser(
      db,
      { email: "w@example.com", role: "staff", password: "long enough" },
      meta(),
    );
    const session = (id: string) => ({
      id,
      token: `tok-${id}`,
      userId: user.id,
      expiresAt: new Date(Date.now() + 86_400_000),
      updatedAt: new Date(),
    });
    await db.session.createMany({ data: [session("a"), session("b")] });
    await setPassword(db, "w@example.com", "another long one", meta());
    expect(await db.session.count()).toBe(0);
    await db.session.create({ data: session("c") });
    expect(await disableUser(db, "W@example.com", meta())).toEqual({
      sessionsEnded: 1,
      tokensRevoked: 0,
      feedsRevoked: 0,
    });
    expect((await db.user.findUnique({ where: { id: user.id } }))?.disabled).toBe(true);
    await expect(disableUser(db, "nobody@example.com", meta())).rejects.toThrow(/No account/);
  });
});

describe("API tokens", () => {
  it("stores only a hash, verifies and stamps last use, and refuses once revoked", async () => {
    const db = open();
    const { token, summary } = await createApiToken(db, { name: "phone", scope: "read" }, meta());
    expect(token).toMatch(/^sbk_[\w-]{43}$/);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: summary.id } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const now = new Date("2026-12-01T11:00:00Z");
    expect(await verifyApiToken(db, token, now)).toMatchObject({ scope: "read", name: "phone" });
    expect((await listApiTokens(db))[0]?.lastUsedAt).toEqual(now);
    expect(await verifyApiToken(db, `${token}x`, now)).toBeNull();
    expect(await revokeApiToken(db, summary.id, meta())).toBe(true);
    expect(await revokeApiToken(db, summary.id, meta())).toBe(false);
    expect(await verifyApiToken(db, token, now)).toBeNull();
  });
});

describe("sign-in limits", () => {
  it("blocks an account after its failures in the window, and lets it go once they age out", async () => {
    const db = open();
    const start = new Date("2026-12-01T10:00:00Z");
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      expect(
        (await checkSignInLimit(db, { email: "a@example.com", ip: "10.0.0.9", now: start })).allowed,
      ).toBe(true);
      await recordSignInAttempt(db, { email: "A@example.com", ip: "10.0.0.9", ok: false, now: start });
    }
    const blocked = await checkSignInLimit(db, { email: "a@example.com", ip: "10.0.0.8", now: start });
    expect(blocked).toEqual({ allowed: false, retryAfterSeconds: SIGN_IN_WINDOW_MS / 1000 });
    expect((await checkSignInLimit(db, { email: "b@example.com", ip: "10.0.0.8", now: start })).allowed).toBe(
      true,
    );
    const later = new Date(start.getTime() + SIGN_IN_WINDOW_MS + 1);
    expect((await checkSignInLimit(db, { email: "a@example.com", ip: "10.0.0.8", now: later })).allowed).toBe(
      true,
    );
  });
});

describe("desktop sign-in links", () => {
  it("work once, and not after 60 seconds", async () => {
    const db = open();
    const user = await createUser(
      db,
      { email: "o@example.com", role: "owner", password: "long enough" },
      meta(),
    );
    const now = new Date("2026-12-01T10:00:00Z");
    const token = await createSignInLink(db, user.id, now);
    expect(await consumeSignInLink(db, token, now)).toBe(user.id);
    expect(await consumeSignInLink(db, token, now)).toBeNull();
    const late = await createSignInLink(db, user.id, now);
    expect(await consumeSignInLink(db, late, new Date(now.getTime() + 60_001))).toBeNull();
  });

  it("keeps secrets in 0600 files created once", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "secret-")), "nested", "s");
    const first = readOrCreateSecret(file);
    expect(first.length).toBeGreaterThanOrEqual(43);
    expect(readOrCreateSecret(file)).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});

describe("request checks", () => {
  it("reads the host name from any Host header form", () => {
    expect(hostName("LocalHost:3000")).toBe("localhost");
    expect(hostName("[::1]:3000")).toBe("::1");
    expect(hostName("example.com")).toBe("example.com");
    fc.assert(
      fc.property(fc.domain(), fc.integer({ min: 1, max: 65535 }), (domain, port) => {
        expect(hostName(`${domain}:${port}`)).toBe(domain.toLowerCase());
      }),
    );
  });

  it("allows loopback names, this machine's names and ALLOWED_HOSTS; refuses others", () => {
    for (const host of ["127.0.0.1:3000", "localhost", "app.localhost:1", "[::1]:3000"]) {
      expect(isAllowedHost(host, [])).toBe(true);
    }
    expect(isAllowedHost("bookings.lan:443", ["bookings.lan"])).toBe(true);
    expect(isAllowedHost("attacker.example", ["bookings.lan"])).toBe(false);
    expect(isAllowedHost("127.0.0.1.attacker.example", [])).toBe(false);
    expect(isAllowedHost(null, [])).toBe(false);
    expect(isHostCheckExempt("/api/stripe/webhook")).toBe(true);
    expect(isHostCheckExempt("/calendar/abc.ics")).toBe(true);
    expect(isHostCheckExempt("/api/bookings")).toBe(false);
  });

  it("calls a request same-origin only with our Origin or Sec-Fetch-Site: same-origin", () => {
    const request = (headers: Record<string, string>) =>
      new Request("http://127.0.0.1:3000/api/sync", {
        method: "POST",
        headers: { host: "127.0.0.1:3000", ...headers },
      });
    expect(isSameOrigin(request({ origin: "http://127.0.0.1:3000" }))).toBe(true);
    expect(isSameOrigin(request({ origin: "http://evil.example" }))).toBe(false);
    expect(isSameOrigin(request({ origin: "null" }))).toBe(false);
    expect(isSameOrigin(request({ "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(isSameOrigin(request({ "sec-fetch-site": "same-site" }))).toBe(false);
    expect(isSameOrigin(request({}))).toBe(false);
  });

  it("trusts X-Forwarded-For only from a local proxy when told to", () => {
    expect(isLoopbackAddress("::ffff:127.0.0.1")).toBe(true);
    expect(isLoopbackAddress("192.168.1.5")).toBe(false);
    expect(resolvePeer("192.168.1.5", "127.0.0.1", false)).toBe("192.168.1.5");
    expect(resolvePeer("192.168.1.5", "127.0.0.1", true)).toBe("192.168.1.5");
    expect(resolvePeer("127.0.0.1", "10.0.0.7", false)).toBe("127.0.0.1");
    expect(resolvePeer("127.0.0.1", "1.2.3.4, 10.0.0.7", true)).toBe("10.0.0.7");
  });

  it("lists LAN URLs for a wildcard bind and knows loopback binds", () => {
    const interfaces = {
      lo: [{ address: "127.0.0.1", family: "IPv4", internal: true }],
      eth0: [
        { address: "192.168.1.20", family: "IPv4", internal: false },
        { address: "fe80::1", family: "IPv6", internal: false },
      ],
    } as unknown as ReturnType<typeof os.networkInterfaces>;
    expect(lanUrls("0.0.0.0", 3000, interfaces)).toEqual(["http://192.168.1.20:3000"]);
    expect(lanUrls("192.168.1.20", 3000, interfaces)).toEqual(["http://192.168.1.20:3000"]);
    expect(isLoopbackBind("127.0.0.1")).toBe(true);
    expect(isLoopbackBind("localhost")).toBe(true);
    expect(isLoopbackBind("0.0.0.0")).toBe(false);
  });

  it("builds a CSP with the nonce, no inline scripts and no framing", () => {
    const csp = contentSecurityPolicy("abc");
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy("abc", true)).toContain("unsafe-eval");
  });
});
