// The client's file (lib/clients/*): sealing of access notes, who sees what (a property over
// instants, visits and time zones, against an oracle built on Intl rather than luxon), the
// address and map link, photo types, and the domain on a real migrated SQLite file.
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { accessKey, sealAccess, SealError, unsealAccess } from "@/lib/clients/access";
import { effectiveAddress, geoUri, mapUrl, stripeAddress } from "@/lib/clients/address";
import { ACCESS_WINDOW, FILE_WINDOW, fileVisibility } from "@/lib/clients/visibility";
import { detectPhotoType, photoDir } from "@/lib/clients/photos";
import { clientFile } from "@/lib/clients/file";
import { patchFile, revealAccess, setAccess } from "@/lib/clients/edits";
import { createPet, deletePet, petPhoto, setPetPhoto } from "@/lib/clients/pets";
import { filePatchSchema } from "@/lib/clients/forms";
import type { Principal } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/prisma";
import { prismaDbPerTest } from "@/tests/support/prisma-db";

const KEY = accessKey("a-test-secret-that-is-long-enough-000");
const NOTES = {
  keyLocation: "Under the blue plant pot",
  lockboxCode: "4921",
  alarmCode: "1357#",
  parking: "Visitor bay 3",
  other: null,
};

describe("sealing access notes", () => {
  it("opens what it sealed, for the same client and key only", () => {
    const sealed = sealAccess(NOTES, KEY, "cus_1");
    expect(sealed).not.toContain("4921");
    expect(unsealAccess(sealed, KEY, "cus_1")).toEqual(NOTES);
    expect(sealAccess(NOTES, KEY, "cus_1")).not.toBe(sealed); // a fresh IV each time
    expect(() => unsealAccess(sealed, KEY, "cus_2")).toThrow(SealError);
    expect(() => unsealAccess(sealed, accessKey("another-secret-entirely-0000000000"), "cus_1")).toThrow(
      SealError,
    );
  });

  it("refuses any changed byte (tag, IV or ciphertext) and malformed values", () => {
    const sealed = sealAccess(NOTES, KEY, "cus_1");
    const bytes = Buffer.from(sealed.slice(3), "base64url");
    fc.assert(
      fc.property(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), (index, flip) => {
        const copy = Buffer.from(bytes);
        copy[index] = copy[index]! ^ flip;
        expect(() => unsealAccess(`v1.${copy.toString("base64url")}`, KEY, "cus_1")).toThrow(SealError);
      }),
      { numRuns: 200 },
    );
    for (const bad of ["", "v1.", "v2.abcd", "v1.AAAA", sealed.slice(0, -4)]) {
      expect(() => unsealAccess(bad, KEY, "cus_1")).toThrow(SealError);
    }
  });
});

// ---- Visibility --------------------------------------------------------------------------

const ZONES = [
  "Europe/London",
  "America/New_York",
  "Pacific/Auckland",
  "Asia/Kolkata",
  "Pacific/Kiritimati",
  "UTC",
];

/** Local day number of an instant in a zone, by Intl (independent of the luxon implementation). */
function dayNumber(at: Date, zone: string): number {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: zone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  })
    .format(at)
    .split("-")
    .map(Number);
  return Date.UTC(parts[0]!, parts[1]! - 1, parts[2]!) / 86_400_000;
}

describe("who sees a client's file", () => {
  const instant = fc.date({
    min: new Date("2024-01-01T00:00:00Z"),
    max: new Date("2028-12-31T00:00:00Z"),
    noInvalidDate: true,
  });
  const visit = fc.record({
    // Up to three weeks either side, to any minute: the window edges are crossed often.
    offsetMin: fc.integer({ min: -21 * 24 * 60, max: 21 * 24 * 60 }),
    status: fc.constantFrom("scheduled", "completed", "cancelled", "held", "no_show"),
  });

  it("matches the local-day windows in every zone: file yesterday..+14, access yesterday..tomorrow", () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), fc.array(visit, { maxLength: 5 }), (now, zone, raw) => {
        const visits = raw.map((v) => ({
          startAt: new Date(now.getTime() + v.offsetMin * 60_000),
          status: v.status,
        }));
        const days = visits
          .filter((v) => v.status !== "cancelled")
          .map((v) => dayNumber(v.startAt, zone) - dayNumber(now, zone));
        const walker = fileVisibility({ role: "staff", staffId: 7 }, visits, now, zone);
        expect(walker.file).toBe(days.some((d) => d >= FILE_WINDOW.fromDay && d <= FILE_WINDOW.toDay));
        expect(walker.access).toBe(days.some((d) => d >= ACCESS_WINDOW.fromDay && d <= ACCESS_WINDOW.toDay));
        expect(walker.edit).toBe(false);
        if (walker.access) expect(walker.file).toBe(true);
        expect(fileVisibility({ role: "staff", staffId: null }, visits, now, zone)).toEqual({
          file: false,
          access: false,
          edit: false,
        });
        expect(fileVisibility({ role: "owner", staffId: null }, [], now, zone)).toEqual({
          file: true,
          access: true,
          edit: true,
        });
      }),
      { numRuns: 500 },
    );
  });

  it("counts a visit late yesterday and not one the day before (by local day, not 24 hours)", () => {
    const now = new Date("2026-12-07T00:30:00Z"); // 00:30 in London, 19:30 the 6th in New York
    const late = { startAt: new Date("2026-12-05T23:45:00Z"), status: "scheduled" };
    expect(fileVisibility({ role: "staff", staffId: 1 }, [late], now, "Europe/London").access).toBe(false);
    expect(fileVisibility({ role: "staff", staffId: 1 }, [late], now, "America/New_York").access).toBe(true);
  });
});

// ---- Address, photos -----------------------------------------------------------------------

describe("the address and its map link", () => {
  const raw = (customer: object) => JSON.stringify({ id: "cus_1", object: "customer", ...customer });
  it("takes Stripe's address, else the shipping address, and a local override over both", () => {
    const address = { line1: "1 High St", city: "Leeds", postal_code: "LS1 1AA", country: "GB" };
    expect(stripeAddress(raw({ address }))).toMatchObject({ line1: "1 High St", postalCode: "LS1 1AA" });
    expect(stripeAddress(raw({ address: { city: null, country: null }, shipping: { address } }))?.line1).toBe(
      "1 High St",
    );
    expect(stripeAddress(raw({ address: null, shipping: null }))).toBeNull();
    const local = JSON.stringify({ line1: "9 Low Rd", city: "York", postal_code: null, country: "GB" });
    expect(effectiveAddress(raw({ address }), local)).toMatchObject({
      source: "local",
      address: { line1: "9 Low Rd" },
    });
    expect(effectiveAddress(raw({ address }), null).source).toBe("stripe");
    expect(effectiveAddress("not json", null)).toEqual({ address: null, source: null });
  });
  it("links to the maps app with the address encoded, fetching nothing", () => {
    const address = {
      line1: "12 Oak & Ash Rd",
      line2: null,
      city: "Leeds",
      postalCode: "LS6 2AB",
      state: null,
      country: "GB",
    };
    expect(mapUrl(address)).toBe(
      "https://www.google.com/maps/search/?api=1&query=12%20Oak%20%26%20Ash%20Rd%2C%20Leeds%20LS6%202AB%2C%20GB",
    );
    expect(geoUri(address)).toMatch(/^geo:0,0\?q=12%20Oak%20%26/);
  });
  it("refuses an override without any part, and a bad country", () => {
    expect(filePatchSchema.safeParse({ address: { line1: "  " } }).success).toBe(false);
    expect(filePatchSchema.safeParse({ address: { line1: "1 A St", country: "GBR" } }).success).toBe(false);
    expect(filePatchSchema.safeParse({}).success).toBe(false);
    expect(filePatchSchema.parse({ address: null })).toEqual({ address: null });
  });
});

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const WEBP = Buffer.concat([Buffer.from("RIFF"), Buffer.from([1, 0, 0, 0]), Buffer.from("WEBPVP8 ")]);

describe("photo types", () => {
  it("reads the type from the bytes", () => {
    expect(detectPhotoType(JPEG)).toBe("image/jpeg");
    expect(detectPhotoType(PNG)).toBe("image/png");
    expect(detectPhotoType(WEBP)).toBe("image/webp");
    expect(detectPhotoType(Buffer.from("GIF89a......"))).toBeNull();
    expect(detectPhotoType(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
    expect(detectPhotoType(Buffer.from("RIFF\0\0\0\0WAVE"))).toBeNull();
    expect(detectPhotoType(new Uint8Array(0))).toBeNull();
  });
});

// ---- The domain on a real database ---------------------------------------------------------

const setup = prismaDbPerTest();
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const NOW = new Date("2026-12-07T10:00:00Z");
const owner = { role: "owner", staffId: null, actor: "owner@example.com" } as const;

async function business(db: Db) {
  await db.setting.upsert({ where: { id: 1 }, create: { timeZone: "Europe/London" }, update: {} });
  const alex = await db.staff.create({ data: { name: "Alex" } });
  const sam = await db.staff.create({ data: { name: "Sam" } });
  const raw = JSON.stringify({ id: "cus_a", address: { line1: "1 High St", city: "Leeds", country: "GB" } });
  await db.client.create({
    data: {
      stripeId: "cus_a",
      name: "Alice",
      raw,
      contentHash: "x",
      stripeCreated: NOW,
      sourceAt: NOW,
      appliedAt: NOW,
    },
  });
  const visit = (staffId: number, startAt: Date, status = "scheduled") =>
    db.booking.create({
      data: {
        bookingKey: `manual:${staffId}:${startAt.toISOString()}`,
        clientStripeId: "cus_a",
        serviceCode: "WALK",
        title: "Walk",
        startAt,
        endAt: new Date(startAt.getTime() + 3600_000),
        staffId,
        status,
        sourceKind: "manual",
      },
    });
  return { alex: alex.id, sam: sam.id, visit };
}

const principal = (staffId: number): Principal => ({
  kind: "token",
  tokenId: staffId,
  scope: "write",
  role: "staff",
  staffId,
  userId: null,
  name: `walker-${staffId}`,
});

describe("the client's file on a database", () => {
  it("shows the owner everything, a walker near a visit the file, and the access notes only within ±1 day", async () => {
    const { db } = setup();
    const { alex, sam, visit } = await business(db);
    await visit(alex, new Date("2026-12-08T09:00:00Z")); // tomorrow
    await visit(sam, new Date("2026-12-15T09:00:00Z")); // in 8 days
    await visit(sam, new Date("2026-12-07T12:00:00Z"), "cancelled"); // today, but cancelled
    await patchFile(
      db,
      "cus_a",
      filePatchSchema.parse({ emergency: { name: "Bob", phone: "07700 900123" } }),
      owner,
      NOW,
    );
    await setAccess(db, "cus_a", NOTES, owner, NOW, KEY);

    const forOwner = await clientFile(db, "cus_a", owner, NOW);
    expect(forOwner).toMatchObject({
      addressSource: "stripe",
      canEdit: true,
      access: { stored: true, revealable: true },
    });
    expect(JSON.stringify(forOwner)).not.toContain("4921");
    expect(await clientFile(db, "cus_a", { role: "staff", staffId: alex }, NOW)).toMatchObject({
      canEdit: false,
      emergency: { name: "Bob", phone: "07700 900123" },
      access: { stored: true, revealable: true },
    });
    expect(await clientFile(db, "cus_a", { role: "staff", staffId: sam }, NOW)).toMatchObject({
      access: { stored: true, revealable: false },
    });
    expect(await clientFile(db, "cus_a", { role: "staff", staffId: null }, NOW)).toBeNull();
    expect(await clientFile(db, "cus_nobody", owner, NOW)).toBeNull();

    const notes = await revealAccess(db, "cus_a", principal(alex), NOW, { ip: "127.0.0.1" }, KEY);
    expect(notes.lockboxCode).toBe("4921");
    await expect(revealAccess(db, "cus_a", principal(sam), NOW, {}, KEY)).rejects.toMatchObject({
      status: 403,
    });
    const audit = await db.auditEvent.findMany({ where: { type: "access-revealed" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: "token:walker-" + alex, target: "cus_a" });
    expect(JSON.stringify(audit)).not.toContain("4921");
    // A walker cannot change the file.
    await expect(
      setAccess(db, "cus_a", NOTES, { role: "staff", staffId: alex, actor: "a" }, NOW, KEY),
    ).rejects.toMatchObject({
      status: 403,
    });
  });

  it("keeps a local address over Stripe's, and goes back to Stripe's when it is cleared", async () => {
    const { db } = setup();
    await business(db);
    await patchFile(
      db,
      "cus_a",
      filePatchSchema.parse({ address: { line1: "9 Low Rd", city: "York" } }),
      owner,
      NOW,
    );
    // A sync rewrites the mirror row; the override is in another table and stays.
    await db.client.update({
      where: { stripeId: "cus_a" },
      data: { raw: JSON.stringify({ address: { line1: "2 New St", city: "Hull" } }) },
    });
    expect(await clientFile(db, "cus_a", owner, NOW)).toMatchObject({
      addressSource: "local",
      address: { line1: "9 Low Rd" },
    });
    await patchFile(db, "cus_a", filePatchSchema.parse({ address: null }), owner, NOW);
    expect(await clientFile(db, "cus_a", owner, NOW)).toMatchObject({
      addressSource: "stripe",
      address: { line1: "2 New St" },
    });
  });

  it("stores photos privately under random names and removes the old file on replace and delete", async () => {
    const { db } = setup();
    await business(db);
    const dataDir = mkdtempSync(path.join(tmpdir(), "pet-photos-"));
    dirs.push(dataDir);
    const pet = await createPet(
      db,
      "cus_a",
      { name: "Rex", breed: "Collie", careNotes: null, vet: null },
      owner,
      NOW,
    );
    await setPetPhoto(db, dataDir, "cus_a", pet.id, { bytes: JPEG, type: "image/jpeg" }, owner, NOW);
    const first = readdirSync(photoDir(dataDir));
    expect(first).toHaveLength(1);
    expect(first[0]).toMatch(/^[a-f0-9]{32}\.jpg$/);
    expect(statSync(path.join(photoDir(dataDir), first[0]!)).mode & 0o777).toBe(0o600);
    const replaced = await setPetPhoto(
      db,
      dataDir,
      "cus_a",
      pet.id,
      { bytes: PNG, type: "image/png" },
      owner,
      NOW,
    );
    const second = readdirSync(photoDir(dataDir));
    expect(second).toHaveLength(1);
    expect(second[0]).not.toBe(first[0]);
    expect(replaced.photoUrl).toMatch(new RegExp(`^/api/v1/clients/cus_a/pets/${pet.id}/photo\\?v=`));
    expect((await petPhoto(db, dataDir, "cus_a", pet.id, owner, NOW)).type).toBe("image/png");
    await expect(
      petPhoto(db, dataDir, "cus_a", pet.id, { role: "staff", staffId: null }, NOW),
    ).rejects.toMatchObject({
      status: 404,
    });
    await deletePet(db, dataDir, "cus_a", pet.id, owner, NOW);
    expect(readdirSync(photoDir(dataDir))).toEqual([]);
    expect(existsSync(path.join(photoDir(dataDir), second[0]!))).toBe(false);
  });
});
