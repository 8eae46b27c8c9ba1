// What re-derivation must leave alone (manual bookings, staff overrides, the past), staff
// conflicts and provenance — in London and New York across a DST change.
import { afterEach, describe, expect, it } from "vitest";
import { catalog, insertStaff, writeSubscription } from "@/tests/support/mirror-rows";
import { local, matrix, openScenario, subRef, type Scenario } from "@/tests/support/booking-scenario";
import { rebuildAllBookings, reconcileSources } from "@/lib/bookings/reconcile";
import { createManualBooking, setBookingOverride } from "@/lib/bookings/edits";
import { findStaffConflicts } from "@/lib/bookings/conflicts";
import { bookingProvenance } from "@/lib/bookings/queries";
import { getBooking } from "@/lib/bookings/stored";
import { localToUtc } from "@/lib/bookings/local-time";
import { updateRule } from "@/lib/rules/store";

let s: Scenario | undefined;
afterEach(() => s?.cleanup());

const DAY = 86_400_000;
const walk60 = {
  stripeId: "si_1",
  priceStripeId: catalog.walk60.price,
  productStripeId: catalog.walk60.product,
};

describe.each(matrix)("edits and provenance, $label", ({ zone, now }) => {
  it("leaves manual bookings untouched by reconcile and rebuild", () => {
    s = openScenario(zone, now);
    const at = localToUtc(local(new Date(now.getTime() + 3 * DAY), zone).date, "09:00", zone);
    const manual = createManualBooking(
      s.db,
      { title: "Vet visit", startAt: at, endAt: new Date(at.getTime() + 3600_000) },
      now,
    );
    s.apply(s.sub());
    rebuildAllBookings(s.db, now);
    s.apply(s.sub({ status: "canceled", endedAt: now }));
    expect(getBooking(s.db, manual.id)).toEqual(manual);
    expect(manual).toMatchObject({ sourceKind: "manual", status: "scheduled", sequence: 0 });
  });

  it("keeps a staff override across re-derivation, while the derived times follow the rules", () => {
    s = openScenario(zone, now);
    const staff = insertStaff(s.db, "Sam");
    s.apply(s.sub());
    const target = s.live(subRef)[4]!;
    const moved = localToUtc(local(target.startAt, zone).date, "11:30", zone);
    const edited = setBookingOverride(s.db, target.id, { startAt: moved, staffId: staff }, now);
    expect(edited).toMatchObject({ staffId: staff, sequence: 1 });
    expect(local(edited.startAt, zone).time).toBe("11:30");
    expect(edited.endAt.getTime() - edited.startAt.getTime()).toBe(3600_000);

    expect(s.apply(s.sub())).toMatchObject({ updated: 0, unchanged: 8 });
    updateRule(
      s.db,
      2,
      {
        allocation: {
          durationMin: 45,
          startTimes: ["09:00"],
          schedule: { kind: "weekly", byWeekday: ["MO"] },
        },
      },
      now,
    );
    const after = getBooking(s.db, target.id)!;
    expect(local(after.startAt, zone).time).toBe("11:30");
    expect(after.staffId).toBe(staff);
    expect(after.derivedEndAt!.getTime() - after.derivedStartAt!.getTime()).toBe(45 * 60_000);
    const cleared = setBookingOverride(s.db, target.id, { startAt: null, endAt: null, staffId: null }, now);
    expect(local(cleared.startAt, zone).time).toBe("09:00");
    expect(cleared.staffId).toBeNull();
  });

  it("never touches bookings that already started, even when the subscription is cancelled", () => {
    s = openScenario(zone, now);
    s.apply(s.sub());
    const later = new Date(now.getTime() + 17 * DAY);
    writeSubscription(s.db, s.sub({ status: "canceled", endedAt: later, canceledAt: later }));
    reconcileSources(s.db, [subRef], { now: later });
    const rows = s.rows(subRef);
    const past = rows.filter((b) => b.startAt < later);
    expect(past.length).toBeGreaterThanOrEqual(2);
    expect(past.every((b) => b.status === "scheduled" && b.sequence === 0)).toBe(true);
    expect(rows.filter((b) => b.startAt >= later).every((b) => b.status === "cancelled")).toBe(true);
    s.db.prepare("UPDATE Booking SET status = 'completed' WHERE id = ?").run(past[0]!.id);
    expect(reconcileSources(s.db, [subRef], { now: later })).toMatchObject({
      updated: 0,
      cancelled: 0,
      inserted: 0,
    });
  });

  it("detects overlapping bookings of one staff member, and ignores cancelled ones", () => {
    s = openScenario(zone, now);
    const staff = insertStaff(s.db, "Sam");
    updateRule(
      s.db,
      2,
      {
        allocation: {
          durationMin: 60,
          startTimes: ["09:00"],
          schedule: { kind: "weekly", byWeekday: ["MO"] },
          staffId: staff,
        },
      },
      now,
    );
    updateRule(
      s.db,
      3,
      {
        allocation: {
          durationMin: 60,
          startTimes: ["09:30"],
          schedule: { kind: "weekly", byWeekday: ["MO", "WE", "FR"] },
          staffId: staff,
        },
      },
      now,
    );
    s.apply(s.sub());
    const other = {
      ...s.sub({ stripeId: "sub_2" }),
      items: [
        { stripeId: "si_2", priceStripeId: catalog.walk3x.price, productStripeId: catalog.walk3x.product },
      ],
    };
    writeSubscription(s.db, other);
    reconcileSources(s.db, [{ kind: "subscription", stripeId: "sub_2" }], { now });
    const range = { from: now, to: new Date(now.getTime() + 56 * DAY) };
    const conflicts = findStaffConflicts(s.db, range);
    expect(conflicts).toHaveLength(8);
    for (const c of conflicts) {
      expect(c).toMatchObject({ staffId: staff, staffName: "Sam" });
      expect(local(c.a.startAt, zone).time).toBe("09:00");
      expect(local(c.b.startAt, zone).time).toBe("09:30");
    }
    s.apply(s.sub({ status: "canceled", endedAt: now }));
    expect(findStaffConflicts(s.db, range)).toHaveLength(0);
  });

  it("leads from a booking to its rule, its Stripe object and its line item", () => {
    s = openScenario(zone, now);
    s.apply(s.sub({ items: [{ ...walk60, quantity: 2 }] }));
    const booking = s.live(subRef)[0]!;
    const provenance = bookingProvenance(s.db, booking.id)!;
    expect(provenance.rule).toMatchObject({
      id: booking.ruleId,
      serviceCode: "WALK60",
      name: "Weekly walk (1h)",
    });
    expect(provenance.source).toEqual({ kind: "subscription", stripeId: "sub_1", status: "active" });
    expect(provenance.line).toEqual({
      stripeId: "si_1",
      priceStripeId: catalog.walk60.price,
      productStripeId: catalog.walk60.product,
      productName: "Weekly Walk (1h)",
      quantity: 2,
    });
    expect(booking.bookingKey).toBe(`subscription:sub_1:si_1:${local(booking.startAt, zone).date}#0`);
  });
});
