// The booking-identity migration (issue 15) on a database written before it: keys holding the
// time of day become `<date>#<index>`, live bookings first, with no duplicates, and the next
// derivation recognises them (nothing created, nothing cancelled).
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, SCHEMA_PATH, migrateIfNeeded } from "@/lib/db/migrations";
import { openSqlite } from "@/lib/db/sqlite";
import { rebuildAllBookings } from "@/lib/bookings/reconcile";
import { createRule } from "@/lib/rules/store";
import { catalog, insertClient, seedCatalog, writeSubscription } from "@/tests/support/mirror-rows";

const dir = mkdtempSync(path.join(tmpdir(), "bookings-identity-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const IDENTITY = "booking_identity";

/** A migrations folder holding only what shipped before the identity change. */
function olderMigrations(): string {
  const older = path.join(dir, "older-migrations");
  for (const entry of readdirSync(MIGRATIONS_DIR)) {
    if (entry.endsWith(IDENTITY)) break;
    cpSync(path.join(MIGRATIONS_DIR, entry), path.join(older, entry), { recursive: true });
  }
  return older;
}

describe("booking identity migration", () => {
  it("rewrites old keys without duplicates, live before cancelled; derivation then finds them", async () => {
    const file = path.join(dir, "app.db");
    await migrateIfNeeded(file, { migrationsDir: olderMigrations(), schemaPath: SCHEMA_PATH });
    const now = new Date("2026-03-01T12:00:00Z");
    let db = openSqlite(file);
    seedCatalog(db);
    insertClient(db, { stripeId: "cus_1", name: "Jane Doe" });
    writeSubscription(db, {
      stripeId: "sub_1",
      clientStripeId: "cus_1",
      status: "active",
      startDate: new Date("2026-02-01T00:00:00Z"),
      sourceAt: now,
      items: [
        { stripeId: "si_1", priceStripeId: catalog.walk60.price, productStripeId: catalog.walk60.product },
      ],
    });
    const insert = db.prepare(
      `INSERT INTO Booking (bookingKey, serviceCode, title, startAt, endAt, status, sourceKind, sourceId, sourceLineId,
         clientStripeId, sequence, createdAt, updatedAt)
       VALUES (?, 'WALK60', 'Weekly Walk (1h) — Jane Doe', ?, ?, ?, 'subscription', 'sub_1', 'si_1', 'cus_1', 0, 0, 0)`,
    );
    const at = (iso: string) => new Date(iso).getTime();
    // 2 March: the 09:00 walk was cancelled by a past time change to 18:00 (both rows kept).
    insert.run(
      "subscription:sub_1:si_1:2026-03-02T09:00#0",
      at("2026-03-02T09:00Z"),
      at("2026-03-02T10:00Z"),
      "cancelled",
    );
    insert.run(
      "subscription:sub_1:si_1:2026-03-02T18:00#0",
      at("2026-03-02T18:00Z"),
      at("2026-03-02T19:00Z"),
      "scheduled",
    );
    // 9 March: two parallel copies at 18:00.
    insert.run(
      "subscription:sub_1:si_1:2026-03-09T18:00#0",
      at("2026-03-09T18:00Z"),
      at("2026-03-09T19:00Z"),
      "scheduled",
    );
    insert.run(
      "subscription:sub_1:si_1:2026-03-09T18:00#1",
      at("2026-03-09T18:00Z"),
      at("2026-03-09T19:00Z"),
      "scheduled",
    );
    insert.run("manual:1234", at("2026-03-03T09:00Z"), at("2026-03-03T10:00Z"), "scheduled");
    db.prepare(
      "UPDATE Booking SET sourceId = NULL, sourceLineId = NULL, sourceKind = 'manual' WHERE bookingKey = 'manual:1234'",
    ).run();
    db.close();

    // The identity migration and any that shipped after it.
    const applied = await migrateIfNeeded(file);
    expect(applied[0]).toMatch(/booking_identity$/);
    db = openSqlite(file);
    const keys = db.prepare("SELECT bookingKey, status FROM Booking ORDER BY id").all();
    expect(keys).toEqual([
      { bookingKey: "subscription:sub_1:si_1:2026-03-02#1", status: "cancelled" },
      { bookingKey: "subscription:sub_1:si_1:2026-03-02#0", status: "scheduled" },
      { bookingKey: "subscription:sub_1:si_1:2026-03-09#0", status: "scheduled" },
      { bookingKey: "subscription:sub_1:si_1:2026-03-09#1", status: "scheduled" },
      { bookingKey: "manual:1234", status: "scheduled" },
    ]);

    // The rule that made them (18:00, Mondays) now derives the same keys: nothing new, nothing cancelled.
    const rule = createRule(
      db,
      {
        name: "Walks",
        serviceCode: "WALK60",
        matcher: { serviceCodes: ["WALK60"] },
        allocation: {
          durationMin: 60,
          startTimes: ["18:00"],
          schedule: { kind: "weekly", byWeekday: ["MO"] },
        },
      },
      now,
    );
    expect(rule.ok).toBe(true);
    const live = db
      .prepare(
        "SELECT bookingKey FROM Booking WHERE status = 'scheduled' AND bookingKey LIKE '%2026-03-0%' ORDER BY bookingKey",
      )
      .all();
    // (The 9 March copy #1 is cancelled: the line's quantity is 1.)
    expect(live).toEqual([
      { bookingKey: "subscription:sub_1:si_1:2026-03-02#0" },
      { bookingKey: "subscription:sub_1:si_1:2026-03-09#0" },
    ]);
    expect(rebuildAllBookings(db, now)).toMatchObject({ inserted: 0, updated: 0, cancelled: 0 });
    db.close();
  });
});
