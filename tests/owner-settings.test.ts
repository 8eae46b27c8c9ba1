// Settings that re-derive bookings are previewed (nothing written), then applied with the
// re-derivation in one transaction; the applied change is the previewed one.
import { afterEach, describe, expect, it } from "vitest";
import type { Sqlite } from "@/lib/db/sqlite";
import { createRule } from "@/lib/rules/store";
import { loadSettings } from "@/lib/settings";
import { generalSettingsSchema, type GeneralSettings } from "@/lib/settings-form";
import { applySettingsChange, previewSettingsChange } from "@/lib/settings-preview";
import { freshDb, type TestDb } from "@/tests/support/db";
import { catalog, insertClient, seedCatalog, writeSubscription } from "@/tests/support/mirror-rows";

let t: TestDb | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

const now = new Date("2026-03-01T12:00:00Z");
const DAY = 86_400_000;

function setup(): { db: Sqlite; general: GeneralSettings } {
  t = freshDb();
  const { db } = t;
  const s = loadSettings(db);
  seedCatalog(db);
  insertClient(db, { stripeId: "cus_1", name: "Jane Doe" });
  writeSubscription(db, {
    stripeId: "sub_1",
    clientStripeId: "cus_1",
    status: "active",
    startDate: new Date(now.getTime() - 10 * DAY),
    sourceAt: now,
    items: [
      { stripeId: "si_1", priceStripeId: catalog.walk60.price, productStripeId: catalog.walk60.product },
    ],
  });
  createRule(
    db,
    {
      name: "Walks",
      serviceCode: "WALK60",
      matcher: { serviceCodes: ["WALK60"] },
      allocation: { durationMin: 60, startTimes: ["09:00"], schedule: { kind: "weekly", byWeekday: ["MO"] } },
    },
    now,
  );
  const general = generalSettingsSchema.parse({
    businessName: s.businessName,
    timeZone: s.timeZone,
    horizonWeeks: 8,
    feedPastDays: s.feedPastDays,
    feedFutureDays: s.feedFutureDays,
    paymentFailedPolicy: s.paymentFailedPolicy,
  });
  return { db, general };
}

const changes = (db: Sqlite) => (db.prepare("SELECT total_changes() AS n").get() as { n: number }).n;
const live = (db: Sqlite) =>
  (db.prepare("SELECT count(*) AS n FROM Booking WHERE status = 'scheduled'").get() as { n: number }).n;

describe("settings preview", () => {
  it("a business name or feed window change re-derives nothing and saves at once", () => {
    const { db, general } = setup();
    const next = { ...general, businessName: "Happy Paws", feedFutureDays: 90 };
    expect(previewSettingsChange(db, next, now)).toEqual({ rederiving: [], preview: null });
    const applied = applySettingsChange(db, next, now, null);
    expect(applied).toMatchObject({ ok: true, summary: null, settings: { businessName: "Happy Paws" } });
    expect(loadSettings(db).feedFutureDays).toBe(90);
  });

  it("a longer horizon previews the extra bookings, and applying creates exactly those", () => {
    const { db, general } = setup();
    expect(live(db)).toBe(8);
    const next = { ...general, horizonWeeks: 12 };
    const before = changes(db);
    const previewed = previewSettingsChange(db, next, now);
    expect(changes(db)).toBe(before);
    expect(previewed.rederiving).toEqual(["horizonWeeks"]);
    expect(previewed.preview?.counts).toMatchObject({ created: 4, changed: 0, cancelled: 0 });
    const applied = applySettingsChange(db, next, now, previewed.preview!.fingerprint);
    expect(applied).toMatchObject({ ok: true, summary: { inserted: 4, updated: 0, cancelled: 0 } });
    expect(live(db)).toBe(12);
  });

  it("a time zone change moves every booking to 09:00 in the new zone", () => {
    const { db, general } = setup();
    const next = { ...general, timeZone: "America/New_York" };
    const previewed = previewSettingsChange(db, next, now);
    expect(previewed.rederiving).toEqual(["timeZone"]);
    expect(previewed.preview!.counts.changed).toBe(8);
    expect(previewed.preview!.samples.changed[0]!.when).toMatch(/09:00–10:00$/);
    const applied = applySettingsChange(db, next, now, previewed.preview!.fingerprint);
    expect(applied).toMatchObject({ ok: true, summary: { updated: 8 } });
    const first = db.prepare("SELECT startAt FROM Booking ORDER BY startAt LIMIT 1").get() as {
      startAt: number;
    };
    expect(new Date(first.startAt).toISOString()).toBe("2026-03-02T14:00:00.000Z");
  });

  it("a preview that no longer holds is refused and nothing is written", () => {
    const { db, general } = setup();
    const previewed = previewSettingsChange(db, { ...general, horizonWeeks: 12 }, now);
    const before = changes(db);
    const refused = applySettingsChange(
      db,
      { ...general, horizonWeeks: 10 },
      now,
      previewed.preview!.fingerprint,
    );
    expect(refused).toMatchObject({
      ok: false,
      kind: "stale",
      preview: { preview: { counts: { created: 2 } } },
    });
    expect(changes(db)).toBe(before);
    expect(loadSettings(db).horizonWeeks).toBe(8);
    // Saying "nothing re-derives" when something does is refused too.
    expect(applySettingsChange(db, { ...general, horizonWeeks: 10 }, now, null)).toMatchObject({ ok: false });
  });

  it("the form schema names the field at fault", () => {
    const bad = generalSettingsSchema.safeParse({
      businessName: " ",
      timeZone: "Mars/Olympus",
      horizonWeeks: "0",
      feedPastDays: "-1",
      feedFutureDays: "10",
      paymentFailedPolicy: "drop",
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join("."));
    expect(paths.sort()).toEqual([
      "businessName",
      "feedPastDays",
      "horizonWeeks",
      "paymentFailedPolicy",
      "timeZone",
    ]);
    expect(
      generalSettingsSchema.parse({
        businessName: "X",
        timeZone: "UTC",
        horizonWeeks: "4",
        feedPastDays: "0",
        feedFutureDays: "30",
        paymentFailedPolicy: "hold",
      }),
    ).toMatchObject({ horizonWeeks: 4 });
  });
});
