// Staff edits are sticky: re-deriving from Stripe never undoes them, the source ending still
// cancels later visits (history says why), every change bumps SEQUENCE and lands in history
// and the changes log. Defaults fill unassigned occurrences, never over a hand assignment.
import { afterEach, describe, expect, it } from "vitest";
import { insertStaff } from "@/tests/support/mirror-rows";
import { local, matrix, openScenario, subRef, type Scenario } from "@/tests/support/booking-scenario";
import { rebuildAllBookings } from "@/lib/bookings/reconcile";
import {
  BookingEditError,
  bookingEtag,
  bulkAssign,
  createManualBooking,
  editBooking,
} from "@/lib/bookings/edits";
import { bookingHistory } from "@/lib/bookings/history";
import { editSeriesFrom } from "@/lib/bookings/series";
import { setStaffDefault } from "@/lib/bookings/staff-defaults";
import { getBooking } from "@/lib/bookings/stored";
import { localToUtc } from "@/lib/bookings/local-time";

let s: Scenario | undefined;
afterEach(() => s?.cleanup());

const DAY = 86_400_000;
const maxSeq = (sc: Scenario) =>
  (sc.db.prepare("SELECT max(seq) AS m FROM ChangeLog").get() as { m: number }).m;

describe.each(matrix)("sticky staff edits, $label", ({ zone, now }) => {
  it("a visit staff cancelled stays cancelled through re-derivation and a rebuild", () => {
    s = openScenario(zone, now);
    s.apply(s.sub());
    const target = s.live(subRef)[2]!;
    const before = maxSeq(s);
    const cancelled = editBooking(s.db, {
      id: target.id,
      patch: { status: "cancelled", reason: "client on holiday" },
      actor: "owner@example.com",
      now,
    });
    expect(cancelled).toMatchObject({ status: "cancelled", statusReason: "client on holiday", sequence: 1 });
    expect(maxSeq(s)).toBeGreaterThan(before);
    s.apply(s.sub({ metadata: { touched: "yes" } } as never));
    rebuildAllBookings(s.db, now);
    expect(getBooking(s.db, target.id)).toMatchObject({ status: "cancelled", overrideStatus: "cancelled" });
    expect(s.live(subRef)).toHaveLength(7);
    const history = bookingHistory(s.db, target.id);
    expect(history.map((e) => e.kind)).toEqual(["created", "edited"]);
    expect(history[1]).toMatchObject({ actor: "owner@example.com", reason: "client on holiday" });
    expect(history[1]!.changes.status).toEqual(["scheduled", "cancelled"]);
  });

  it("undoing a staff cancel hands the visit back to Stripe's view", () => {
    s = openScenario(zone, now);
    s.apply(s.sub());
    const target = s.live(subRef)[1]!;
    editBooking(s.db, { id: target.id, patch: { status: "cancelled" }, actor: "a", now });
    const back = editBooking(s.db, { id: target.id, patch: { status: "scheduled" }, actor: "a", now });
    expect(back).toMatchObject({ status: "scheduled", overrideStatus: null, statusReason: null });
    s.apply(s.sub({ status: "canceled", endedAt: now, canceledAt: now }));
    expect(() =>
      editBooking(s!.db, { id: target.id, patch: { status: "scheduled" }, actor: "a", now }),
    ).toThrow(BookingEditError);
  });

  it("when Stripe ends the subscription, edited later visits are cancelled and history says why", () => {
    s = openScenario(zone, now);
    const sam = insertStaff(s.db, "Sam");
    s.apply(s.sub());
    const [first, second] = s.live(subRef);
    const moved = localToUtc(local(second!.startAt, zone).date, "14:00", zone);
    editBooking(s.db, { id: first!.id, patch: { staffId: sam }, actor: "a", now });
    editBooking(s.db, { id: second!.id, patch: { startAt: moved }, actor: "a", now });
    s.apply(s.sub({ status: "canceled", endedAt: now, canceledAt: now }));
    for (const id of [first!.id, second!.id]) {
      const row = getBooking(s.db, id)!;
      expect(row).toMatchObject({ status: "cancelled", statusReason: "subscription_canceled" });
      const last = bookingHistory(s.db, id).at(-1)!;
      expect(last).toMatchObject({ kind: "derived", reason: "subscription_canceled" });
      expect(last.changes.status).toEqual(["scheduled", "cancelled"]);
    }
    expect(getBooking(s.db, first!.id)!.staffId).toBe(sam);
  });

  it("reassigns in bulk, all or none, and a default never overrides a hand assignment", () => {
    s = openScenario(zone, now);
    const sam = insertStaff(s.db, "Sam");
    const kim = insertStaff(s.db, "Kim");
    s.apply(s.sub());
    const live = s.live(subRef);
    expect(() => bulkAssign(s!.db, { ids: [live[0]!.id, 999_999], staffId: sam, actor: "a", now })).toThrow(
      BookingEditError,
    );
    expect(getBooking(s.db, live[0]!.id)!.staffId).toBeNull();
    const assigned = bulkAssign(s.db, { ids: [live[0]!.id, live[1]!.id], staffId: sam, actor: "a", now });
    expect(assigned.map((b) => [b.staffId, b.sequence])).toEqual([
      [sam, 1],
      [sam, 1],
    ]);
    setStaffDefault(s.db, { scope: "client", key: "cus_1", staffId: kim, actor: "a", now });
    const after = s.live(subRef);
    expect(after.slice(0, 2).map((b) => b.staffId)).toEqual([sam, sam]);
    expect(after.slice(2).every((b) => b.staffId === kim)).toBe(true);
    // A subscription default beats the client default; hand assignments still win.
    setStaffDefault(s.db, { scope: "subscription", key: "sub_1", staffId: sam, actor: "a", now });
    expect(s.live(subRef).every((b) => b.staffId === sam)).toBe(true);
    setStaffDefault(s.db, { scope: "subscription", key: "sub_1", staffId: null, actor: "a", now });
    // New occurrences (a later horizon) get the client default.
    const later = new Date(now.getTime() + 21 * DAY);
    s.reconcile(subRef, later);
    const fresh = s.live(subRef).filter((b) => b.startAt > new Date(now.getTime() + 56 * DAY));
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.every((b) => b.staffId === kim)).toBe(true);
    expect(getBooking(s.db, live[0]!.id)!.staffId).toBe(sam);
  });

  it("this and following: from the third visit on, Tuesdays at 10:00; earlier ones stay", () => {
    s = openScenario(zone, now);
    s.apply(s.sub());
    const live = s.live(subRef);
    const from = live[2]!.startAt;
    const { summary } = editSeriesFrom(s.db, {
      sourceId: "sub_1",
      sourceLineId: "si_1",
      from,
      weekday: 2,
      startTime: "10:00",
      actor: "owner@example.com",
      now,
    });
    expect(summary.updated).toBe(6);
    const after = s.live(subRef);
    expect(after.slice(0, 2).map((b) => local(b.startAt, zone))).toEqual(
      live.slice(0, 2).map((b) => local(b.startAt, zone)),
    );
    for (const b of after.slice(2)) {
      expect(local(b.startAt, zone)).toMatchObject({ weekday: "Tue", time: "10:00" });
      expect(b.endAt.getTime() - b.startAt.getTime()).toBe(3600_000);
      expect(b.sequence).toBe(1);
    }
    s.apply(s.sub());
    rebuildAllBookings(s.db, now);
    expect(
      s
        .live(subRef)
        .slice(2)
        .every((b) => local(b.startAt, zone).time === "10:00"),
    ).toBe(true);
    const later = new Date(now.getTime() + 28 * DAY);
    s.reconcile(subRef, later);
    const newest = s.live(subRef).at(-1)!;
    expect(local(newest.startAt, zone)).toMatchObject({ weekday: "Tue", time: "10:00" });
    const history = bookingHistory(s.db, after[3]!.id);
    expect(history.find((e) => e.cause === "series-edit")).toMatchObject({
      kind: "edited",
      actor: "owner@example.com",
      cause: "series-edit",
    });
  });

  it("honours If-Match, records check-in/out and notes, and edits manual bookings directly", () => {
    s = openScenario(zone, now);
    s.apply(s.sub());
    const target = s.live(subRef)[0]!;
    const etag = bookingEtag(target);
    const done = editBooking(s.db, {
      id: target.id,
      patch: {
        status: "completed",
        notes: "good dog",
        checkInAt: target.startAt,
        checkOutAt: target.endAt,
      },
      actor: "a",
      // Recorded once the visit is over: a visit is completed only from shortly before its start.
      now: target.endAt,
      ifMatch: etag,
    });
    expect(done).toMatchObject({ status: "completed", notes: "good dog", sequence: 1 });
    const stale = () =>
      editBooking(s!.db, { id: target.id, patch: { notes: "x" }, actor: "a", now, ifMatch: etag });
    expect(stale).toThrow(expect.objectContaining({ code: "precondition_failed" }));
    const same = editBooking(s.db, { id: target.id, patch: { notes: "good dog" }, actor: "a", now });
    expect(same.sequence).toBe(1);
    const at = new Date(now.getTime() + 2 * DAY);
    const manual = createManualBooking(
      s.db,
      { title: "Vet", startAt: at, endAt: new Date(at.getTime() + 1800_000) },
      now,
      "a",
    );
    const moved = editBooking(s.db, {
      id: manual.id,
      patch: { startAt: new Date(at.getTime() + 3600_000) },
      actor: "a",
      now,
    });
    expect(moved.endAt.getTime() - moved.startAt.getTime()).toBe(1800_000);
    expect(moved).toMatchObject({ overrideStartAt: null, sequence: 1 });
    expect(bookingHistory(s.db, manual.id).map((e) => e.kind)).toEqual(["created", "edited"]);
  });
});
