// My day's read model (lib/schedule/my-day.ts): only the walker's own visits of today and tomorrow
// (local days of the business zone), in time order with those needing attention first — a start
// passed without a check-in, an overlap with another of their visits — each with its current ETag.
import { afterEach, describe, expect, it } from "vitest";
import fc from "fast-check";
import { freshDb, type TestDb } from "@/tests/support/db";
import { bookingEtag, createManualBooking, editBooking } from "@/lib/bookings/edits";
import { getBooking } from "@/lib/bookings/stored";
import { attentionOf, myDay } from "@/lib/schedule/my-day";

const MIN = 60_000;
const ZONE = "America/New_York";
// 15:00 in New York on Mon 7 Dec 2026 (20:00 UTC): today's local day ends at 05:00 UTC on the 8th.
const NOW = new Date("2026-12-07T20:00:00Z");

let t: TestDb | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

function staff(name: string): number {
  return Number(
    t!.db
      .prepare("INSERT INTO Staff (name, color, active, createdAt) VALUES (?, '#2563eb', 1, ?)")
      .run(name, NOW.getTime()).lastInsertRowid,
  );
}
const visit = (title: string, startIso: string, minutes: number, staffId: number | null) => {
  const startAt = new Date(startIso);
  return createManualBooking(
    t!.db,
    { title, startAt, endAt: new Date(startAt.getTime() + minutes * MIN), staffId },
    new Date(NOW.getTime() - 7 * 24 * 60 * MIN),
  ).id;
};

describe("myDay", () => {
  it("lists the walker's own visits of today and tomorrow, attention first, then in time order", () => {
    t = freshDb();
    const alex = staff("Alex");
    const sam = staff("Sam");
    const late = visit("late", "2026-12-07T19:30:00Z", 30, alex); // 14:30 local, not started
    const evening = visit("evening", "2026-12-08T01:00:00Z", 30, alex); // 20:00 local, still the 7th
    const a = visit("overlap a", "2026-12-07T21:00:00Z", 60, alex);
    const b = visit("overlap b", "2026-12-07T21:30:00Z", 30, alex);
    const soon = visit("soon", "2026-12-07T20:30:00Z", 30, alex);
    visit("sam's", "2026-12-07T20:30:00Z", 30, sam);
    visit("nobody's", "2026-12-07T20:30:00Z", 30, null);
    const cancelled = visit("cancelled", "2026-12-07T22:30:00Z", 30, alex);
    editBooking(t.db, { id: cancelled, patch: { status: "cancelled" }, actor: "o", now: NOW });
    const tomorrow = visit("tomorrow", "2026-12-08T14:00:00Z", 30, alex);
    visit("the day after", "2026-12-09T14:00:00Z", 30, alex);
    visit("yesterday", "2026-12-06T14:00:00Z", 30, alex);

    const day = myDay(t.db, { staffId: alex, zone: ZONE, now: NOW });
    expect(day.today.date).toBe("2026-12-07");
    expect(day.tomorrow.date).toBe("2026-12-08");
    expect(day.today.visits.map((v) => v.id)).toEqual([late, a, b, soon, evening]);
    expect(day.today.visits[0]!.attention).toEqual([
      { kind: "late", message: "Late: was due at 14:30, not started" },
    ]);
    expect(day.today.visits[1]!.attention).toEqual([
      { kind: "conflict", message: "Overlaps your visit at 16:30" },
    ]);
    expect(day.today.visits.slice(3).every((v) => v.attention.length === 0)).toBe(true);
    expect(day.tomorrow.visits.map((v) => v.id)).toEqual([tomorrow]);
    expect(day.today.visits[4]!.etag).toBe(bookingEtag(getBooking(t.db, evening)!));
  });

  it("is empty for a walker without visits", () => {
    t = freshDb();
    const day = myDay(t.db, { staffId: staff("Kim"), zone: ZONE, now: NOW });
    expect(day.today.visits).toEqual([]);
    expect(day.tomorrow.visits).toEqual([]);
  });
});

describe("attentionOf", () => {
  it("flags exactly the overlapping pairs and the passed, unstarted starts", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            start: fc.integer({ min: 0, max: 600 }),
            length: fc.integer({ min: 5, max: 120 }),
            checkedIn: fc.boolean(),
          }),
          {
            maxLength: 8,
          },
        ),
        (raw) => {
          const visits = raw.map((r, i) => ({
            id: i + 1,
            startAt: new Date(NOW.getTime() + (r.start - 300) * MIN),
            endAt: new Date(NOW.getTime() + (r.start - 300 + r.length) * MIN),
            status: "scheduled",
            checkInAt: r.checkedIn ? NOW : null,
          }));
          const out = attentionOf(visits, NOW, () => "t");
          for (const v of visits) {
            const kinds = (out.get(v.id) ?? []).map((a) => a.kind);
            expect(kinds.includes("late")).toBe(!v.checkInAt && v.startAt <= NOW);
            const overlaps = visits.filter(
              (o) => o.id !== v.id && o.startAt < v.endAt && v.startAt < o.endAt,
            );
            expect(kinds.filter((k) => k === "conflict")).toHaveLength(overlaps.length);
          }
        },
      ),
    );
  });
});
