// A token is its person (lib/auth/tokens.ts, lib/auth/policy.ts): a walker's token is staff and
// belongs to the walker's account; an account's token has that account's role; a terminal token
// without either is the owner's; disabling the account refuses and revokes its tokens.
import { afterEach, describe, expect, it } from "vitest";
import { NO_WALKER, walkerFilter, walkerScope } from "@/lib/auth/policy";
import type { Principal } from "@/lib/auth/principal";
import { createApiToken, verifyApiToken } from "@/lib/auth/tokens";
import { createUser, disableUser } from "@/lib/auth/users";
import { createPrisma, type Db } from "@/lib/db/prisma";
import { HttpError } from "@/lib/http/problem";
import { freshDb, type TestDb } from "@/tests/support/db";

let t: TestDb | undefined;
let db: Db | undefined;
afterEach(async () => {
  await db?.$disconnect();
  t?.cleanup();
  t = db = undefined;
});
function open(): Db {
  t = freshDb();
  db = createPrisma(t.file);
  return db;
}
const now = new Date("2026-12-01T10:00:00Z");
const meta = { actor: "test", now };

describe("API tokens act as their person", () => {
  it("gives walker, account and terminal tokens the right role, link and account", async () => {
    const db = open();
    const alex = (await db.staff.create({ data: { name: "Alex" } })).id;
    const sam = (await db.staff.create({ data: { name: "Sam" } })).id;
    const owner = await createUser(
      db,
      { email: "o@example.com", role: "owner", password: "long enough" },
      meta,
    );
    const walker = await createUser(
      db,
      { email: "a@example.com", role: "staff", staffId: alex, password: "long enough" },
      meta,
    );
    const verify = async (input: Parameters<typeof createApiToken>[1], createdByUserId?: string) =>
      verifyApiToken(db, (await createApiToken(db, input, { ...meta, createdByUserId })).token, now);

    // Made by the signed-in owner for a walker: the walker's (staff), never the owner's.
    expect(await verify({ name: "alex", scope: "write", staffId: alex }, owner.id)).toMatchObject({
      role: "staff",
      staffId: alex,
      userId: walker.id,
    });
    // A walker without an account: staff all the same, owned by no account.
    expect(await verify({ name: "sam", scope: "read", staffId: sam })).toMatchObject({
      role: "staff",
      staffId: sam,
      userId: null,
    });
    expect(await verify({ name: "mine", scope: "write" }, owner.id)).toMatchObject({
      role: "owner",
      staffId: null,
      userId: owner.id,
    });
    expect(await verify({ name: "script", scope: "read" })).toMatchObject({ role: "owner", userId: null });
    expect(await verify({ name: "a's", scope: "read", userId: walker.id })).toMatchObject({
      role: "staff",
      staffId: alex,
    });

    const all = await db.apiToken.count({ where: { userId: walker.id, revokedAt: null } });
    expect(await disableUser(db, "a@example.com", meta)).toMatchObject({ tokensRevoked: all });
    expect(all).toBe(2);
    // Even a token of the disabled account whose revocation is undone is refused.
    await db.apiToken.updateMany({ where: { userId: walker.id }, data: { revokedAt: null } });
    const { token } = await createApiToken(db, { name: "late", scope: "read" }, meta);
    await db.apiToken.updateMany({ where: { name: "late" }, data: { userId: walker.id } });
    expect(await verifyApiToken(db, token, now)).toBeNull();
  });
});

describe("what a caller sees", () => {
  const staff = (staffId: number | null): Principal => ({
    kind: "token",
    tokenId: 1,
    name: "t",
    scope: "read",
    role: "staff",
    staffId,
    userId: null,
  });
  const owner: Principal = { ...staff(null), role: "owner" };

  it("narrows a walker to their own bookings, an unlinked account to none, the owner not at all", () => {
    expect(walkerScope(owner)).toBeNull();
    expect(walkerScope(staff(3))).toBe(3);
    expect(walkerScope(staff(null))).toBe(NO_WALKER);
    expect(walkerFilter(owner, 4)).toBe(4);
    expect(walkerFilter(owner, undefined)).toBeUndefined();
    expect(walkerFilter(staff(3), undefined)).toBe(3);
    expect(walkerFilter(staff(3), 3)).toBe(3);
    expect(() => walkerFilter(staff(3), 4)).toThrow(HttpError);
  });
});
