// Subscription lifecycle → bookings, table-driven, in London and New York across a DST change.
import { afterEach, describe, expect, it } from "vitest";
import { catalog } from "@/tests/support/mirror-rows";
import { local, matrix, openScenario, subRef, type Scenario } from "@/tests/support/booking-scenario";
import type { StoredBooking } from "@/lib/bookings/stored";

let s: Scenario | undefined;
afterEach(() => s?.cleanup());

const DAY = 86_400_000;
const walk60 = {
  stripeId: "si_1",
  priceStripeId: catalog.walk60.price,
  productStripeId: catalog.walk60.product,
};

/** Every booking at `time` local on the given weekdays, and the set spans both sides of a DST change. */
function expectWallClock(
  rows: StoredBooking[],
  zone: string,
  time: string,
  weekdays: string[],
  crossesDst = true,
) {
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    expect(local(row.startAt, zone).time).toBe(time);
    expect(weekdays).toContain(local(row.startAt, zone).weekday);
  }
  if (crossesDst) expect(new Set(rows.map((r) => local(r.startAt, zone).offset)).size).toBe(2);
}

const reasons = (rows: StoredBooking[]) => [
  ...new Set(rows.filter((b) => b.status === "cancelled").map((b) => b.statusReason)),
];

interface Case {
  name: string;
  run: (s: Scenario) => void;
}

const cases: Case[] = [
  {
    name: "created/active: one 1h walk every Monday 09:00 local for the 8-week horizon",
    run: (s) => {
      expect(s.apply(s.sub())).toMatchObject({ inserted: 8, updated: 0, cancelled: 0 });
      const rows = s.live(subRef);
      expectWallClock(rows, s.zone, "09:00", ["Mon"]);
      for (const b of rows) {
        expect(b).toMatchObject({
          status: "scheduled",
          serviceCode: "WALK60",
          title: "Weekly Walk (1h) — Jane Doe",
          sequence: 0,
        });
        expect(b.endAt.getTime() - b.startAt.getTime()).toBe(60 * 60_000);
        expect(b.startAt.getTime()).toBeGreaterThanOrEqual(s.now.getTime());
      }
      expect(s.apply(s.sub())).toMatchObject({ inserted: 0, updated: 0, cancelled: 0, unchanged: 8 });
    },
  },
  {
    name: "trial: a trialing subscription is booked like an active one",
    run: (s) => {
      s.apply(s.sub({ status: "trialing" }));
      expect(s.live(subRef)).toHaveLength(8);
      expect(s.live(subRef).every((b) => b.status === "scheduled")).toBe(true);
    },
  },
  {
    name: "quantity change 1 → 2 → 1: extra walks on Wednesdays, Mondays keep their identity",
    run: (s) => {
      s.apply(s.sub());
      const mondays = s.live(subRef).map((b) => b.id);
      expect(s.apply(s.sub({ items: [{ ...walk60, quantity: 2 }] }))).toMatchObject({
        inserted: 8,
        updated: 0,
        cancelled: 0,
      });
      expectWallClock(s.live(subRef), s.zone, "09:00", ["Mon", "Wed"]);
      expect(
        s
          .live(subRef)
          .filter((b) => local(b.startAt, s.zone).weekday === "Mon")
          .map((b) => b.id),
      ).toEqual(mondays);
      expect(s.apply(s.sub({ items: [{ ...walk60, quantity: 1 }] }))).toMatchObject({
        inserted: 0,
        cancelled: 8,
      });
      expect(s.live(subRef).map((b) => b.id)).toEqual(mondays);
      expect(reasons(s.rows(subRef))).toEqual(["no_longer_wanted"]);
    },
  },
  {
    name: "price change mid-period: the same item moves to Mon/Wed/Fri walks",
    run: (s) => {
      s.apply(s.sub());
      const summary = s.apply(
        s.sub({
          items: [
            { ...walk60, priceStripeId: catalog.walk3x.price, productStripeId: catalog.walk3x.product },
          ],
        }),
      );
      expect(summary).toMatchObject({ updated: 8, cancelled: 0 });
      const rows = s.live(subRef);
      expectWallClock(rows, s.zone, "09:00", ["Mon", "Wed", "Fri"]);
      const mondays = rows.filter((b) => local(b.startAt, s.zone).weekday === "Mon");
      expect(mondays.every((b) => b.sequence === 1 && b.serviceCode === "WALK60_3X")).toBe(true);
      expect(rows[0]?.title).toBe("Walks Mon/Wed/Fri (1h) — Jane Doe");
    },
  },
  {
    name: "pause_collection: no bookings until the resume date, then resume restores them",
    run: (s) => {
      s.apply(s.sub());
      const resumesAt = new Date(s.now.getTime() + 21 * DAY);
      expect(s.apply(s.sub({ pauseBehavior: "void", pauseResumesAt: resumesAt }))).toMatchObject({
        cancelled: 3,
        inserted: 0,
      });
      expect(s.live(subRef).every((b) => b.startAt >= resumesAt)).toBe(true);
      expect(reasons(s.rows(subRef))).toEqual(["subscription_paused"]);
      expect(s.apply(s.sub({ pauseBehavior: "keep_as_draft", pauseResumesAt: null }))).toMatchObject({
        cancelled: 5,
      });
      expect(s.live(subRef)).toHaveLength(0);
    },
  },
  {
    name: "resume: un-pausing brings the same bookings back (scheduled, sequence bumped)",
    run: (s) => {
      s.apply(s.sub());
      const ids = s.live(subRef).map((b) => b.id);
      s.apply(s.sub({ pauseBehavior: "void" }));
      expect(s.apply(s.sub({ pauseBehavior: null }))).toMatchObject({ updated: 8, inserted: 0 });
      expect(s.live(subRef).map((b) => b.id)).toEqual(ids);
      expect(s.live(subRef).every((b) => b.status === "scheduled" && b.sequence === 2)).toBe(true);
      expectWallClock(s.live(subRef), s.zone, "09:00", ["Mon"]);
    },
  },
  {
    name: "cancel_at_period_end: bookings end with the current period",
    run: (s) => {
      s.apply(s.sub());
      const periodEnd = new Date(s.now.getTime() + 10 * DAY);
      s.apply(s.sub({ cancelAtPeriodEnd: true, currentPeriodEnd: periodEnd }));
      const rows = s.rows(subRef);
      const live = rows.filter((b) => b.status !== "cancelled");
      expect(live.length).toBeGreaterThan(0);
      expect(live.every((b) => b.startAt < periodEnd)).toBe(true);
      expect(rows.filter((b) => b.status === "cancelled").every((b) => b.startAt >= periodEnd)).toBe(true);
      expect(reasons(rows)).toEqual(["subscription_ending"]);
    },
  },
  {
    name: "immediate cancellation: every future booking is cancelled, none deleted",
    run: (s) => {
      s.apply(s.sub());
      expect(s.apply(s.sub({ status: "canceled", canceledAt: s.now, endedAt: s.now }))).toMatchObject({
        cancelled: 8,
      });
      expect(s.rows(subRef)).toHaveLength(8);
      expect(s.live(subRef)).toHaveLength(0);
      expect(reasons(s.rows(subRef))).toEqual(["subscription_canceled"]);
      expect(s.rows(subRef).every((b) => b.sequence === 1)).toBe(true);
    },
  },
  {
    name: "deletion: a deleted subscription keeps no bookings",
    run: (s) => {
      s.apply(s.sub());
      s.apply(s.sub({ deleted: true }));
      expect(s.live(subRef)).toHaveLength(0);
      expect(reasons(s.rows(subRef))).toEqual(["subscription_deleted"]);
    },
  },
  {
    name: "incomplete_expired never books",
    run: (s) => {
      expect(s.apply(s.sub({ status: "incomplete_expired" }))).toMatchObject({ inserted: 0 });
      expect(s.rows(subRef)).toHaveLength(0);
    },
  },
  {
    name: "past_due with the hold policy: bookings are held, payment restores them",
    run: (s) => {
      s.db.prepare("UPDATE Setting SET paymentFailedPolicy = 'hold'").run();
      s.apply(s.sub({ status: "past_due" }));
      expect(s.live(subRef).every((b) => b.status === "held" && b.statusReason === "payment_failed")).toBe(
        true,
      );
      expect(s.apply(s.sub({ status: "active" }))).toMatchObject({ updated: 8 });
      expect(s.live(subRef).every((b) => b.status === "scheduled" && b.statusReason === null)).toBe(true);
    },
  },
  {
    name: "fortnightly puppy class: every other Saturday 10:00, phase fixed by the start date",
    run: (s) => {
      s.apply(
        s.sub({
          items: [
            { stripeId: "si_1", priceStripeId: catalog.puppy.price, productStripeId: catalog.puppy.product },
          ],
        }),
      );
      const rows = s.live(subRef);
      expect(rows).toHaveLength(4);
      expectWallClock(rows, s.zone, "10:00", ["Sat"], false);
      const dates = rows.map((b) => local(b.startAt, s.zone).date);
      for (let i = 1; i < dates.length; i += 1) {
        expect((Date.parse(dates[i] ?? "") - Date.parse(dates[i - 1] ?? "")) / DAY).toBe(14);
      }
    },
  },
  {
    name: "daycare: Tuesday and Thursday 08:00 for 9 hours",
    run: (s) => {
      s.apply(
        s.sub({
          items: [
            {
              stripeId: "si_1",
              priceStripeId: catalog.daycare.price,
              productStripeId: catalog.daycare.product,
            },
          ],
        }),
      );
      const rows = s.live(subRef);
      expect(rows).toHaveLength(16);
      expectWallClock(rows, s.zone, "08:00", ["Tue", "Thu"]);
      expect(rows.every((b) => local(b.endAt, s.zone).time === "17:00")).toBe(true);
    },
  },
];

describe.each(matrix)("subscription lifecycle, $label", ({ zone, now }) => {
  it.each(cases)("$name", ({ run }) => {
    s = openScenario(zone, now);
    run(s);
  });
});
