// Client.phoneE164 on a real SQLite file: written with every customer ingest writes, filled in
// for rows mirrored before it existed (in chunks, idempotently), and read again when the
// business's phone country changes — with the settings change, in its transaction.
import { afterEach, describe, expect, it } from "vitest";
import type { Sqlite } from "@/lib/db/sqlite";
import { backfillClientPhones } from "@/lib/client-phones";
import { loadSettings, updateSettings } from "@/lib/settings";
import { generalSettingsSchema } from "@/lib/settings-form";
import { applySettingsChange } from "@/lib/settings-preview";
import { ingestObjects } from "@/lib/stripe/ingest";
import { freshDb, type TestDb } from "@/tests/support/db";
import { T0, customer } from "@/tests/support/stripe-objects";

let t: TestDb | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

const now = new Date(T0 * 1000 + 3600_000);
const at = (seconds: number) => new Date((T0 + seconds) * 1000);

function london(): Sqlite {
  t = freshDb();
  updateSettings(t.db, { timeZone: "Europe/London", phoneCountry: null });
  return t.db;
}

const stored = (db: Sqlite) =>
  Object.fromEntries(
    (
      db.prepare("SELECT stripeId, phoneE164 FROM Client ORDER BY id").all() as {
        stripeId: string;
        phoneE164: string | null;
      }[]
    ).map((r) => [r.stripeId, r.phoneE164]),
  );

function insertRaw(db: Sqlite, stripeId: string, phone: string | null): void {
  db.prepare(
    `INSERT INTO Client (stripeId, phone, raw, contentHash, stripeCreated, sourceAt, appliedAt)
     VALUES (?, ?, '{}', 'h', 0, 0, 0)`,
  ).run(stripeId, phone);
}

describe("phone numbers of clients", () => {
  it("ingest stores each customer's phone in E.164 with the time zone's country, and again when it changes", () => {
    const db = london();
    ingestObjects(
      db,
      [
        { object: customer("cus_uk", { phone: "07700 900457" }), sourceAt: at(1) },
        { object: customer("cus_intl", { phone: "+1 (212) 555-0123" }), sourceAt: at(1) },
        { object: customer("cus_junk", { phone: "ask at the door" }), sourceAt: at(1) },
        { object: customer("cus_none"), sourceAt: at(1) },
      ],
      { now },
    );
    expect(stored(db)).toEqual({
      cus_uk: "+447700900457",
      cus_intl: "+12125550123",
      cus_junk: null,
      cus_none: null,
    });
    // The raw text is kept as Stripe has it.
    expect(db.prepare("SELECT phone FROM Client WHERE stripeId = 'cus_uk'").get()).toEqual({
      phone: "07700 900457",
    });
    ingestObjects(db, [{ object: customer("cus_uk", { phone: "07700-900-458" }), sourceAt: at(2) }], { now });
    ingestObjects(db, [{ object: customer("cus_junk", { phone: null }), sourceAt: at(2) }], { now });
    expect(stored(db)).toMatchObject({ cus_uk: "+447700900458", cus_junk: null });
  });

  it("the phone country setting wins over the time zone", () => {
    const db = london();
    updateSettings(db, { phoneCountry: "US" });
    ingestObjects(db, [{ object: customer("cus_1", { phone: "(212) 555-0123" }), sourceAt: at(1) }], { now });
    expect(stored(db)).toEqual({ cus_1: "+12125550123" });
  });

  it("backfills rows without phoneE164 in chunks, and a second run changes nothing", () => {
    const db = london();
    for (let i = 0; i < 1203; i++) insertRaw(db, `cus_${i}`, `07700 9${String(i).padStart(5, "0")}`);
    insertRaw(db, "cus_junk", "n/a");
    insertRaw(db, "cus_none", null);
    expect(backfillClientPhones(db, 500)).toBe(1203);
    const after = stored(db);
    expect(after.cus_0).toBe("+447700900000");
    expect(after.cus_1202).toBe("+447700901202");
    expect(Object.values(after).filter((v) => v === null)).toHaveLength(2);
    const changes = (db.prepare("SELECT total_changes() AS n").get() as { n: number }).n;
    expect(backfillClientPhones(db, 500)).toBe(0);
    expect((db.prepare("SELECT total_changes() AS n").get() as { n: number }).n).toBe(changes);
    // No entry in the changes feed: phoneE164 is not part of what phones are sent.
    expect(db.prepare("SELECT count(*) AS n FROM ChangeLog WHERE entity = 'client'").get()).toEqual({
      n: 1205,
    });
  });

  it("a new phone country (setting or time zone) recomputes every number with the settings change", () => {
    const db = london();
    ingestObjects(
      db,
      [
        { object: customer("cus_uk", { phone: "07700 900457" }), sourceAt: at(1) },
        { object: customer("cus_us", { phone: "(212) 555-0123" }), sourceAt: at(1) },
        { object: customer("cus_intl", { phone: "+33 6 12 34 56 78" }), sourceAt: at(1) },
      ],
      { now },
    );
    expect(stored(db).cus_uk).toBe("+447700900457");
    const s = loadSettings(db);
    const general = generalSettingsSchema.parse({
      businessName: s.businessName,
      timeZone: s.timeZone,
      horizonWeeks: s.horizonWeeks,
      feedPastDays: s.feedPastDays,
      feedFutureDays: s.feedFutureDays,
      paymentFailedPolicy: s.paymentFailedPolicy,
    });
    applySettingsChange(db, { ...general, phoneCountry: "US" }, now, null);
    expect(stored(db)).toEqual({ cus_uk: null, cus_us: "+12125550123", cus_intl: "+33612345678" });
    applySettingsChange(db, { ...general, phoneCountry: null }, now, null);
    expect(stored(db).cus_uk).toBe("+447700900457");
    // From the time zone: New York's country reads the number without a code as American.
    applySettingsChange(db, { ...general, timeZone: "America/New_York", phoneCountry: null }, now);
    expect(stored(db)).toEqual({ cus_uk: null, cus_us: "+12125550123", cus_intl: "+33612345678" });
  });
});
