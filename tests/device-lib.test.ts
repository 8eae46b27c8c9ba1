// Phone sign-in's domain on a real migrated SQLite file (lib/auth/devices.ts, device-codes.ts,
// device-list.ts): user codes (property), the token's owner and scope, an account disabled
// between approval and the poll, simultaneous redemptions, and who may list and revoke.
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import {
  formatUserCode,
  newUserCode,
  normaliseUserCode,
  resetFailuresForTests,
  USER_CODE_ALPHABET,
} from "@/lib/auth/device-codes";
import { listDevices, revokeDevice } from "@/lib/auth/device-list";
import {
  createPairing,
  decideDeviceAuthorization,
  pollDeviceToken,
  redeemPairing,
  startDeviceAuthorization,
  type Approver,
} from "@/lib/auth/devices";
import { verifyApiToken } from "@/lib/auth/tokens";
import { createUser } from "@/lib/auth/users";
import type { Db } from "@/lib/db/prisma";
import { prismaDbPerTest } from "@/tests/support/prisma-db";

const setup = prismaDbPerTest();
const T0 = new Date("2026-12-07T09:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

async function account(db: Db, email: string, role: "owner" | "staff", staffId?: number): Promise<Approver> {
  await createUser(
    db,
    { email, role, staffId, password: "correct horse battery" },
    { actor: "test", now: T0 },
  );
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  return { userId: user.id, email, role, staffId: user.staffId };
}

beforeEach(() => resetFailuresForTests());

describe("user codes", () => {
  it("are 8 letters of the unambiguous alphabet, read back whatever the case, spaces or dash", () => {
    fc.assert(
      fc.property(fc.constant(null), fc.boolean(), fc.boolean(), (_, lower, spaced) => {
        const code = newUserCode();
        expect(code).toMatch(new RegExp(`^[${USER_CODE_ALPHABET}]{8}$`));
        let typed = formatUserCode(code);
        if (lower) typed = typed.toLowerCase();
        if (spaced) typed = ` ${typed.replace("-", " ")} `;
        expect(normaliseUserCode(typed)).toBe(code);
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (input) => {
        const code = normaliseUserCode(input);
        if (code !== null) expect(code).toMatch(new RegExp(`^[${USER_CODE_ALPHABET}]{8}$`));
      }),
    );
    expect(normaliseUserCode("WDJB-MJH0")).toBeNull();
    expect(normaliseUserCode("AEIO-UBCD")).toBeNull();
  });
});

describe("phone sign-in", () => {
  it("an owner's phone acts for the whole business; a walker's for that walker", async () => {
    const { db } = setup();
    const staff = await db.staff.create({ data: { name: "Alex" } });
    const owner = await account(db, "owner@example.com", "owner");
    const walker = await account(db, "alex@example.com", "staff", staff.id);
    for (const [who, expected] of [
      [owner, null],
      [walker, staff.id],
    ] as const) {
      const started = await startDeviceAuthorization(db, { deviceName: `${who.email} phone`, now: T0 });
      await decideDeviceAuthorization(db, {
        userCode: started.userCode,
        approve: true,
        user: who,
        now: at(1),
      });
      const granted = await pollDeviceToken(db, { deviceCode: started.deviceCode, now: at(2) });
      expect(granted.ok).toBe(true);
      if (!granted.ok) continue;
      const verified = await verifyApiToken(db, granted.token, at(3));
      expect(verified).toMatchObject({ scope: "write", staffId: expected });
      const row = await db.apiToken.findUniqueOrThrow({ where: { id: granted.tokenId } });
      expect(row).toMatchObject({ userId: who.userId, deviceName: `${who.email} phone` });
    }
  });

  it("an account disabled after approving gets access_denied, not a token", async () => {
    const { db } = setup();
    const staff = await db.staff.create({ data: { name: "Alex" } });
    const walker = await account(db, "alex@example.com", "staff", staff.id);
    const started = await startDeviceAuthorization(db, { deviceName: "Phone", now: T0 });
    await decideDeviceAuthorization(db, {
      userCode: started.userCode,
      approve: true,
      user: walker,
      now: at(1),
    });
    await db.user.update({ where: { id: walker.userId }, data: { disabled: true } });
    expect(await pollDeviceToken(db, { deviceCode: started.deviceCode, now: at(6) })).toEqual({
      ok: false,
      error: "access_denied",
    });
    expect(await db.apiToken.count()).toBe(0);
  });

  it("simultaneous redemptions of one pairing code yield one token", async () => {
    const { db } = setup();
    const staff = await db.staff.create({ data: { name: "Alex" } });
    const walker = await account(db, "alex@example.com", "staff", staff.id);
    const pairing = await createPairing(db, { user: walker, now: T0 });
    const results = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        redeemPairing(db, {
          code: pairing.code,
          deviceName: `Phone ${i}`,
          address: `10.0.0.${i}`,
          now: at(5),
        }),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await db.apiToken.count()).toBe(1);
    // Past its 10 minutes, an unused pairing is expired.
    const late = await createPairing(db, { user: walker, now: T0 });
    expect(
      await redeemPairing(db, { code: late.code, deviceName: "Late", address: "10.0.0.9", now: at(601) }),
    ).toEqual({ ok: false, error: "expired_token" });
  });

  it("staff list and revoke only their own phones; the owner any", async () => {
    const { db } = setup();
    const alexStaff = await db.staff.create({ data: { name: "Alex" } });
    const samStaff = await db.staff.create({ data: { name: "Sam" } });
    const owner = await account(db, "owner@example.com", "owner");
    const alex = await account(db, "alex@example.com", "staff", alexStaff.id);
    const sam = await account(db, "sam@example.com", "staff", samStaff.id);
    for (const who of [alex, sam]) {
      const pairing = await createPairing(db, { user: who, now: T0 });
      await redeemPairing(db, {
        code: pairing.code,
        deviceName: `${who.email} phone`,
        address: "a",
        now: at(1),
      });
    }
    const names = async (viewer: Approver, filter = {}) =>
      (await listDevices(db, viewer, filter)).map((device) => device.deviceName).sort();
    expect(await names(alex)).toEqual(["alex@example.com phone"]);
    expect(await names(owner)).toEqual(["alex@example.com phone", "sam@example.com phone"]);
    expect(await names(owner, { staffId: samStaff.id })).toEqual(["sam@example.com phone"]);
    const [samPhone] = await listDevices(db, sam);
    expect(await revokeDevice(db, { id: samPhone!.id, viewer: alex, now: at(2) })).toBe(false);
    expect(await revokeDevice(db, { id: samPhone!.id, viewer: owner, now: at(2) })).toBe(true);
    expect(await names(sam)).toEqual([]);
    // Plain API tokens are not devices.
    expect(await revokeDevice(db, { id: 999, viewer: owner, now: at(3) })).toBe(false);
  });
});
