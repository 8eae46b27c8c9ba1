import { afterEach, describe, expect, it } from "vitest";
import { diffMigrationsToSchema } from "@/lib/db/migrations";
import { freshDb, type TestDb } from "@/tests/support/db";

let t: TestDb | undefined;
afterEach(() => t?.cleanup());

const now = Date.now();
const mirrorRow = {
  stripeId: "cus_1",
  raw: "{}",
  contentHash: "h",
  stripeCreated: now,
  sourceAt: now,
  appliedAt: now,
};

describe("migrations", () => {
  it("produce exactly schema.prisma (the engine's diff is empty)", async () => {
    const script = await diffMigrationsToSchema();
    expect(script.replace(/^--.*$/gm, "").trim()).toBe("");
  });

  it("make a second mirror row with the same Stripe id impossible", () => {
    t = freshDb();
    const insert = t.db.prepare(
      "INSERT INTO Client (stripeId, raw, contentHash, stripeCreated, sourceAt, appliedAt) VALUES (@stripeId, @raw, @contentHash, @stripeCreated, @sourceAt, @appliedAt)",
    );
    insert.run(mirrorRow);
    expect(() => insert.run(mirrorRow)).toThrow(/UNIQUE constraint failed: Client.stripeId/);
    expect(t.db.prepare("SELECT count(*) AS n FROM Client").get()).toEqual({ n: 1 });
  });

  it("make a second booking with the same key impossible", () => {
    t = freshDb();
    const insert = t.db.prepare(
      `INSERT INTO Booking (bookingKey, serviceCode, title, startAt, endAt, sourceKind, createdAt, updatedAt)
       VALUES ('subscription:sub_1:si_1:2026-01-05', 'WALK60', 'Walk', 1, 2, 'subscription', 0, 0)`,
    );
    insert.run();
    expect(() => insert.run()).toThrow(/UNIQUE constraint failed: Booking.bookingKey/);
  });

  it("make a second webhook event with the same id impossible", () => {
    t = freshDb();
    const insert = t.db.prepare(
      "INSERT INTO WebhookEvent (stripeEventId, type, eventCreated, payload, receivedAt) VALUES ('evt_1', 'customer.created', 0, '{}', 0)",
    );
    insert.run();
    expect(() => insert.run()).toThrow(/UNIQUE constraint failed: WebhookEvent.stripeEventId/);
  });
});

describe("pendingMigrationNames", () => {
  it("lists every migration for a new file, none for a migrated one, and reads while another connection writes", async () => {
    const { pendingMigrationNames, migrateIfNeeded } = await import("@/lib/db/migrations");
    t = freshDb();
    expect(pendingMigrationNames(`${t.dir}/missing.db`).length).toBeGreaterThan(0);
    t.db.exec("BEGIN IMMEDIATE");
    try {
      expect(pendingMigrationNames(t.file)).toEqual([]);
      expect(await migrateIfNeeded(t.file)).toEqual([]);
    } finally {
      t.db.exec("ROLLBACK");
    }
  });
});
