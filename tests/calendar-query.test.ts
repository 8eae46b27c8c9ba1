import { afterEach, describe, expect, it } from "vitest";
import {
  bookingsVersion,
  calendarQueries,
  dayRangeWindow,
  feedWindow,
  loadCalendarBookings,
  type BookingFilter,
} from "@/lib/calendar/query";
import {
  insertBooking,
  insertClient,
  insertStaff,
  localTime,
  reconcileChange,
} from "@/tests/calendar-fixtures";
import { freshDb, type TestDb } from "@/tests/support/db";

let t: TestDb | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

const window = { from: new Date(Date.UTC(2026, 0, 1)), to: new Date(Date.UTC(2026, 1, 1)) };

function seed() {
  t = freshDb();
  const db = t.db;
  const sam = insertStaff(db, "Sam");
  const kim = insertStaff(db, "Kim");
  insertClient(db, "cus_a", "Ann");
  insertClient(db, "cus_b", null, "bob@example.com");
  const rows: Array<[string, number, string | null, number]> = [
    ["a1", sam, "cus_a", Date.UTC(2026, 0, 5, 9)],
    ["a2", kim, "cus_a", Date.UTC(2026, 0, 6, 9)],
    ["b1", sam, "cus_b", Date.UTC(2026, 0, 7, 9)],
    ["n1", kim, null, Date.UTC(2026, 0, 8, 9)],
    ["early", sam, "cus_a", Date.UTC(2025, 11, 31, 23, 59)],
    ["late", sam, "cus_a", Date.UTC(2026, 1, 1)],
  ];
  for (const [key, staffId, clientStripeId, start] of rows)
    insertBooking(db, { key, staffId, clientStripeId, start: new Date(start) });
  return { db, sam, kim };
}

const keys = (filter: BookingFilter) => loadCalendarBookings(t!.db, filter, window).map((b) => b.bookingKey);

describe("loadCalendarBookings", () => {
  it("returns the filter's bookings in [from, to), ordered by start, with client and staff names joined", () => {
    const { db, sam, kim } = seed();
    expect(keys({})).toEqual(["a1", "a2", "b1", "n1"]);
    expect(keys({ staffId: sam })).toEqual(["a1", "b1"]);
    expect(keys({ clientStripeId: "cus_a" })).toEqual(["a1", "a2"]);
    expect(keys({ staffId: kim, clientStripeId: "cus_a" })).toEqual(["a2"]);
    const [a1, , b1, n1] = loadCalendarBookings(db, {}, window);
    expect(a1).toMatchObject({
      clientName: "Ann",
      staffName: "Sam",
      startAt: new Date(Date.UTC(2026, 0, 5, 9)),
    });
    expect(b1).toMatchObject({ clientName: null, clientEmail: "bob@example.com" });
    expect(n1).toMatchObject({ clientName: null, staffName: "Kim" });
  });

  it.each<[string, BookingFilter, string]>([
    ["business", {}, "Booking_startAt_updatedAt_sequence_idx"],
    ["staff", { staffId: 1 }, "Booking_staffId_startAt_idx"],
    ["client", { clientStripeId: "cus_a" }, "Booking_clientStripeId_startAt_idx"],
  ])(
    "%s filter: the row query and the version query both use an index, never a table scan",
    (_name, filter, index) => {
      const { db } = seed();
      const query = calendarQueries(filter, window);
      const plan = (sql: string) =>
        (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(query.params) as Array<{ detail: string }>)
          .map((row) => row.detail)
          .join("\n");
      const [rows, version] = [plan(query.rows), plan(query.version)];
      for (const text of [rows, version]) {
        expect(text).toContain(index);
        expect(text).not.toMatch(/SCAN (b|Booking)\b(?! USING)/);
      }
      // Names come from the same statement (one indexed lookup per row), not one query per booking.
      expect(rows).toMatch(/SEARCH c USING INDEX Client_stripeId_key/);
      expect(rows).toMatch(/SEARCH s USING INTEGER PRIMARY KEY/);
    },
  );
});

describe("bookingsVersion", () => {
  it("changes when a booking is moved, cancelled, added or leaves the window, and not otherwise", () => {
    const { db } = seed();
    const at = (day: number) => new Date(Date.UTC(2026, 2, day));
    const v0 = bookingsVersion(db, {}, window);
    expect(v0).toEqual({ maxUpdatedAt: Date.UTC(2026, 0, 1), count: 4, sequenceSum: 0 });
    expect(bookingsVersion(db, {}, window)).toEqual(v0);

    reconcileChange(db, "a1", { startAt: new Date(Date.UTC(2026, 0, 9, 9)) }, at(1));
    const v1 = bookingsVersion(db, {}, window);
    expect(v1).toEqual({ maxUpdatedAt: at(1).getTime(), count: 4, sequenceSum: 1 });

    reconcileChange(db, "b1", { status: "cancelled" }, at(2));
    const v2 = bookingsVersion(db, {}, window);
    expect(v2.sequenceSum).toBe(2);

    reconcileChange(db, "n1", { startAt: new Date(Date.UTC(2026, 5, 1)) }, at(3));
    expect(bookingsVersion(db, {}, window).count).toBe(3);
    // A filter that does not see the change keeps its version.
    expect(bookingsVersion(db, { clientStripeId: "cus_a" }, window)).toEqual({
      maxUpdatedAt: at(1).getTime(),
      count: 2,
      sequenceSum: 1,
    });
  });

  it("is null/zero for an empty filter result", () => {
    const { db } = seed();
    expect(bookingsVersion(db, { clientStripeId: "cus_none" }, window)).toEqual({
      maxUpdatedAt: null,
      count: 0,
      sequenceSum: 0,
    });
  });
});

describe("windows", () => {
  it("feedWindow spans whole local days and is the same all day long", () => {
    const settings = { timeZone: "America/New_York", feedPastDays: 2, feedFutureDays: 3 };
    const morning = feedWindow(localTime("America/New_York", "2026-03-08T00:30"), settings);
    const night = feedWindow(localTime("America/New_York", "2026-03-08T23:59"), settings);
    expect(night).toEqual(morning);
    expect(morning).toEqual({
      from: localTime("America/New_York", "2026-03-06T00:00"),
      to: localTime("America/New_York", "2026-03-12T00:00"),
      day: "2026-03-08",
      dayStart: localTime("America/New_York", "2026-03-08T00:00"),
    });
  });

  it("dayRangeWindow covers the local days inclusively and rejects impossible days", () => {
    expect(dayRangeWindow("2026-10-25", "2026-10-25", "Europe/London")).toEqual({
      from: new Date("2026-10-24T23:00:00Z"),
      to: new Date("2026-10-26T00:00:00Z"),
    });
    expect(() => dayRangeWindow("2026-02-30", "2026-03-01", "Europe/London")).toThrow(RangeError);
  });
});
