// Set-password links in lib/auth/set-password.ts on a real migrated SQLite file: an account made
// without a password and its link (hash stored, 72 h), a link used once (two at once: one
// success), expired/unknown/replaced links changing nothing, the password rules, a desktop link
// and a set-password link not interchangeable, the per-address budget, and the audit rows.
import { verifyPassword } from "better-auth/crypto";
import { describe, expect, it } from "vitest";
import { consumeSignInLink } from "@/lib/auth/desktop-link";
import { browserName, walkerAccounts } from "@/lib/auth/account-access";
import { MAX_FAILURES_PER_ADDRESS, reserveAddressAttempt, settleSignInAttempt } from "@/lib/auth/rate-limit";
import {
  createAccountWithLink,
  findSetPasswordLink,
  makeSetPasswordLink,
  redeemSetPasswordLink,
  SET_PASSWORD_TTL_MS,
} from "@/lib/auth/set-password";
import { AccountError } from "@/lib/auth/users";
import type { Db } from "@/lib/db/prisma";
import { prismaDbPerTest } from "@/tests/support/prisma-db";

const setup = prismaDbPerTest();
const now = new Date("2026-12-07T10:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms);
const meta = { actor: "owner@example.com", ip: "192.0.2.1", now };
const PASSWORD = "correct horse battery";

async function walker(db: Db, name = "Alex") {
  return (await db.staff.create({ data: { name } })).id;
}

const audit = async (db: Db) =>
  (await db.auditEvent.findMany({ orderBy: { id: "asc" } })).map((row) => `${row.type} ${row.target}`);

describe("accounts made with a set-password link", () => {
  it("creates the account without a password and a 72-hour link stored only as a hash", async () => {
    const { db } = setup();
    const staffId = await walker(db);
    const created = await createAccountWithLink(
      db,
      { email: " Alex@Example.com ", role: "staff", staffId },
      meta,
    );
    expect(created).toMatchObject({ email: "alex@example.com", role: "staff", staffId });
    expect(created.link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.link.expiresAt).toEqual(later(SET_PASSWORD_TTL_MS));
    const user = await db.user.findUniqueOrThrow({
      where: { email: "alex@example.com" },
      include: { accounts: true },
    });
    expect(user.accounts).toEqual([]);
    const links = await db.signInLink.findMany();
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ purpose: "set-password", createdBy: "owner@example.com", usedAt: null });
    expect(links[0]!.tokenHash).not.toContain(created.link.token);
    expect(await audit(db)).toEqual([
      "user-created alex@example.com",
      "set-password-link-created alex@example.com",
    ]);
    const view = await findSetPasswordLink(db, created.link.token, now);
    expect(view).toMatchObject({ email: "alex@example.com", staffName: "Alex", hasPassword: false });
  });

  it("refuses bad input and duplicates, writing nothing", async () => {
    const { db } = setup();
    const staffId = await walker(db);
    await createAccountWithLink(db, { email: "alex@example.com", role: "staff", staffId }, meta);
    const refusals = [
      { email: "not an email", role: "staff" as const },
      { email: "boss@example.com", role: "owner" as const, staffId },
      { email: "x@example.com", role: "staff" as const, staffId: 999 },
      { email: "ALEX@example.com", role: "staff" as const },
    ];
    for (const input of refusals) {
      await expect(createAccountWithLink(db, input, meta)).rejects.toBeInstanceOf(AccountError);
    }
    expect(await db.user.count()).toBe(1);
    expect(await db.signInLink.count()).toBe(1);
    // The same new email twice at once: one account, the other told it exists.
    const both = await Promise.allSettled(
      [1, 2].map(() => createAccountWithLink(db, { email: "twice@example.com", role: "staff" }, meta)),
    );
    expect(both.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = both.find((result) => result.status === "rejected");
    expect(refused?.reason).toBeInstanceOf(AccountError);
    expect(await db.user.count({ where: { email: "twice@example.com" } })).toBe(1);
  });

  it("sets the password with Better Auth's hashing, once; the link then changes nothing", async () => {
    const { db } = setup();
    const created = await createAccountWithLink(db, { email: "alex@example.com", role: "staff" }, meta);
    const token = created.link.token;
    expect(await redeemSetPasswordLink(db, { token, password: PASSWORD, now: later(60_000) })).toEqual({
      email: "alex@example.com",
    });
    const account = await db.account.findFirstOrThrow({ where: { userId: created.id } });
    expect(await verifyPassword({ hash: account.password!, password: PASSWORD })).toBe(true);
    expect(await findSetPasswordLink(db, token, later(60_000))).toBeNull();
    expect(
      await redeemSetPasswordLink(db, { token, password: "another long one", now: later(120_000) }),
    ).toBeNull();
    const after = await db.account.findFirstOrThrow({ where: { userId: created.id } });
    expect(after.password).toBe(account.password);
    expect((await audit(db)).filter((row) => row.startsWith("set-password-link-used"))).toHaveLength(1);
  });

  it("gives one success to two simultaneous redemptions", async () => {
    const { db } = setup();
    const { link } = await createAccountWithLink(db, { email: "alex@example.com", role: "staff" }, meta);
    const results = await Promise.all(
      ["first password here", "second password here"].map((password) =>
        redeemSetPasswordLink(db, { token: link.token, password, now }),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await db.account.count()).toBe(1);
  });

  it("refuses expired, unknown and malformed links, and common or short passwords, changing nothing", async () => {
    const { db } = setup();
    const created = await createAccountWithLink(db, { email: "alex@example.com", role: "staff" }, meta);
    const token = created.link.token;
    const expired = later(SET_PASSWORD_TTL_MS);
    expect(await findSetPasswordLink(db, token, expired)).toBeNull();
    expect(await redeemSetPasswordLink(db, { token, password: PASSWORD, now: expired })).toBeNull();
    const unknown = "A".repeat(43);
    expect(await redeemSetPasswordLink(db, { token: unknown, password: PASSWORD, now })).toBeNull();
    expect(await redeemSetPasswordLink(db, { token: "short", password: PASSWORD, now })).toBeNull();
    await expect(redeemSetPasswordLink(db, { token, password: "password1", now })).rejects.toThrow(/common/);
    await expect(redeemSetPasswordLink(db, { token, password: "short", now })).rejects.toThrow(/at least 8/);
    expect(await db.account.count()).toBe(0);
    expect((await db.signInLink.findFirstOrThrow()).usedAt).toBeNull();
    // Still usable within its time after all that.
    expect(await redeemSetPasswordLink(db, { token, password: PASSWORD, now })).not.toBeNull();
  });

  it("replaces older unused links with a new one; a disabled account gets none and cannot use one", async () => {
    const { db } = setup();
    const created = await createAccountWithLink(db, { email: "alex@example.com", role: "staff" }, meta);
    const again = await makeSetPasswordLink(db, created.id, { ...meta, now: later(1_000) });
    expect(again?.email).toBe("alex@example.com");
    expect(await findSetPasswordLink(db, created.link.token, later(2_000))).toBeNull();
    expect(await findSetPasswordLink(db, again!.token, later(2_000))).not.toBeNull();
    expect(await makeSetPasswordLink(db, "no-such-user", meta)).toBeNull();
    await db.user.update({ where: { id: created.id }, data: { disabled: true } });
    expect(await findSetPasswordLink(db, again!.token, later(2_000))).toBeNull();
    expect(
      await redeemSetPasswordLink(db, { token: again!.token, password: PASSWORD, now: later(2_000) }),
    ).toBeNull();
    expect((await db.signInLink.findFirstOrThrow({ where: { userId: created.id } })).usedAt).toBeNull();
    await expect(makeSetPasswordLink(db, created.id, meta)).rejects.toThrow(/disabled/);
  });

  it("keeps desktop links and set-password links apart", async () => {
    const { db } = setup();
    const { link } = await createAccountWithLink(db, { email: "boss@example.com", role: "owner" }, meta);
    expect(await consumeSignInLink(db, link.token, now)).toBeNull();
    expect(await findSetPasswordLink(db, link.token, now)).not.toBeNull();
  });

  it("lists the walker's accounts with password state, waiting link and sessions", async () => {
    const { db } = setup();
    const staffId = await walker(db);
    const created = await createAccountWithLink(
      db,
      { email: "alex@example.com", role: "staff", staffId },
      meta,
    );
    const [before] = await walkerAccounts(db, staffId, now);
    expect(before).toMatchObject({ hasPassword: false, linkExpiresAt: created.link.expiresAt, sessions: [] });
    await redeemSetPasswordLink(db, { token: created.link.token, password: PASSWORD, now });
    const [after] = await walkerAccounts(db, staffId, now);
    expect(after).toMatchObject({ hasPassword: true, linkExpiresAt: null });
    expect(
      browserName("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36"),
    ).toBe("Chrome on Android");
  });
});

describe("the per-address budget of link tries", () => {
  it("refuses an address past its failures; settled (right) tries do not count", () => {
    const { t } = setup();
    const ip = "198.51.100.7";
    const right = reserveAddressAttempt(t.db, { label: "#link", ip, now });
    if (!right.allowed) throw new Error("refused");
    settleSignInAttempt(t.db, right.attemptId);
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++)
      expect(reserveAddressAttempt(t.db, { label: "#link", ip, now }).allowed).toBe(true);
    const refused = reserveAddressAttempt(t.db, { label: "#link", ip, now });
    expect(refused.allowed).toBe(false);
    expect(reserveAddressAttempt(t.db, { label: "#link", ip: "198.51.100.8", now }).allowed).toBe(true);
  });
});
