import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bookingUid, buildCalendar } from "@/lib/calendar/ics";
import type { CalendarBooking } from "@/lib/calendar/query";
import type { BookingStatus } from "@/lib/bookings/types";
import { localTime, parseIcs } from "@/tests/calendar-fixtures";

const publicUrl = "http://127.0.0.1:3000";

function booking(
  overrides: Partial<CalendarBooking> & { bookingKey: string; startAt: Date },
): CalendarBooking {
  return {
    id: 1,
    clientStripeId: "cus_1",
    clientName: "Jane Doe",
    clientEmail: "jane@example.com",
    serviceCode: "WALK60",
    title: "Weekly Walk (1h)",
    endAt: new Date(overrides.startAt.getTime() + 3_600_000),
    staffId: 1,
    staffName: "Sam",
    status: "scheduled",
    statusReason: null,
    sourceKind: "subscription",
    sourceId: "sub_1",
    sequence: 0,
    updatedAt: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)),
    ...overrides,
  };
}

function build(timeZone: string, bookings: CalendarBooking[], now = new Date()) {
  return buildCalendar({ name: "Paws & Co", timeZone, bookings, publicUrl, now });
}

describe("buildCalendar: wall-clock time across DST", () => {
  const cases: Array<[string, string[]]> = [
    // Europe/London: BST starts 2026-03-29, ends 2026-10-25.
    ["Europe/London", ["2026-03-27T09:00", "2026-03-30T09:00", "2026-10-23T09:00", "2026-10-26T09:00"]],
    // America/New_York: EDT starts 2026-03-08, ends 2026-11-01.
    ["America/New_York", ["2026-03-06T09:00", "2026-03-09T09:00", "2026-10-30T09:00", "2026-11-02T09:00"]],
  ];

  it.each(cases)("%s: 09:00 local stays 09:00 on both sides of each change", (zone, locals) => {
    const bookings = locals.map((local, i) =>
      booking({ id: i + 1, bookingKey: `k${i}`, startAt: localTime(zone, local) }),
    );
    const parsed = parseIcs(build(zone, bookings));

    expect(parsed.timezoneIds).toEqual([zone]);
    expect(parsed.events.map((event) => event.localStart)).toEqual(locals.map((local) => `${local}:00`));
    for (const [i, event] of parsed.events.entries()) {
      expect(event.tzid).toBe(zone);
      expect(event.zone).toBe(zone);
      expect(event.start.toISOString()).toBe(bookings[i]?.startAt.toISOString());
      expect(event.end.getTime() - event.start.getTime()).toBe(3_600_000);
    }
    // The UTC hour does move, so the test would catch times written in UTC or a fixed offset.
    expect(new Set(parsed.events.map((event) => event.start.getUTCHours())).size).toBe(2);
  });

  it("writes UTC (Z) times and no VTIMEZONE for UTC and for unknown zones", () => {
    const start = new Date(Date.UTC(2026, 5, 1, 9));
    for (const zone of ["UTC", "Etc/UTC", "Mars/Olympus_Mons"]) {
      const text = build(zone, [booking({ bookingKey: "k", startAt: start })]);
      const parsed = parseIcs(text);
      expect(text).not.toContain("BEGIN:VTIMEZONE");
      expect(text).toContain("DTSTART:20260601T090000Z");
      expect(parsed.events[0]?.start.toISOString()).toBe(start.toISOString());
    }
  });
});

describe("buildCalendar: properties", () => {
  const start = new Date(Date.UTC(2026, 4, 4, 8));

  it("maps statuses: cancelled → CANCELLED, held → TENTATIVE, the rest → CONFIRMED", () => {
    const statuses: BookingStatus[] = ["scheduled", "held", "cancelled", "completed", "no_show"];
    const bookings = statuses.map((status, i) =>
      booking({ id: i, bookingKey: status, status, startAt: new Date(start.getTime() + i * 3_600_000) }),
    );
    const events = parseIcs(build("Europe/London", bookings)).events;
    expect(events.map((event) => event.status)).toEqual([
      "CONFIRMED",
      "TENTATIVE",
      "CANCELLED",
      "CONFIRMED",
      "CONFIRMED",
    ]);
    expect(events[2]?.summary).toBe("Cancelled: Weekly Walk (1h) — Jane Doe");
    expect(events[1]?.summary).toBe("Weekly Walk (1h) — Jane Doe");
    const cancelledBlock = build("Europe/London", bookings).split("BEGIN:VEVENT")[3] ?? "";
    expect(cancelledBlock).toContain("STATUS:CANCELLED");
    expect(cancelledBlock).toContain("TRANSP:TRANSPARENT");
  });

  it("writes calendar headers, summary, description, link, SEQUENCE and UTC stamps", () => {
    const text = build("Europe/London", [
      booking({
        id: 42,
        bookingKey: "subscription:sub_1:si_1:2026-05-04",
        startAt: start,
        sequence: 7,
        statusReason: "payment_failed",
        status: "held",
      }),
    ]);
    const parsed = parseIcs(text);
    const event = parsed.events[0];
    expect(parsed).toMatchObject({
      name: "Paws & Co",
      prodId: "-//Stripe Bookings//EN",
      method: "PUBLISH",
      ttl: "PT15M",
    });
    expect(text).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT15M\r\n");
    expect(event?.summary).toBe("Weekly Walk (1h) — Jane Doe");
    expect(event?.description.split("\n")).toEqual([
      "Service: Weekly Walk (1h) [WALK60]",
      "Client: Jane Doe",
      "Staff: Sam",
      "Status: On hold (payment_failed)",
      "Source: subscription sub_1",
    ]);
    expect(event?.url).toBe(`${publicUrl}/bookings/42`);
    expect(event?.sequence).toBe(7);
    expect(event?.uid).toBe("subscription:sub_1:si_1:2026-05-04@stripe-bookings");
    // DTSTAMP and LAST-MODIFIED are the booking's updatedAt, in UTC as RFC 5545 requires.
    expect(text).toContain("DTSTAMP:20260102T030405Z\r\n");
    expect(text).toContain("LAST-MODIFIED:20260102T030405Z\r\n");
    expect(text).not.toMatch(/^LOCATION/m);
  });

  it("is valid line syntax: CRLF everywhere, lines of at most 75 octets, a final CRLF", () => {
    const long = "Ünïcødé — ".repeat(30);
    const text = build("Europe/London", [
      booking({ bookingKey: "k", startAt: start, title: long, clientName: long }),
    ]);
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(parseIcs(text).events[0]?.summary).toBe(`${long} — ${long}`);
  });

  it("drops control characters but keeps the text around them", () => {
    const text = build("Europe/London", [
      booking({ bookingKey: "k", startAt: start, clientName: "Ja\u0000ne\u0007 Doe" }),
    ]);
    expect(parseIcs(text).events[0]?.summary).toBe("Weekly Walk (1h) — Jane Doe");
  });

  it("is byte-identical for the same bookings whatever their order and whatever the clock", () => {
    const bookings = [0, 1, 2].map((i) =>
      booking({ id: i, bookingKey: `k${i}`, startAt: new Date(start.getTime() + i * 86_400_000) }),
    );
    const first = build("Europe/London", bookings, new Date(Date.UTC(2026, 0, 1)));
    const again = build("Europe/London", [...bookings].reverse(), new Date(Date.UTC(2027, 6, 9)));
    expect(again).toBe(first);
    expect(parseIcs(first).events.map((event) => event.uid)).toEqual([
      "k0@stripe-bookings",
      "k1@stripe-bookings",
      "k2@stripe-bookings",
    ]);
  });

  it("round-trips any summary text through ical.js (escaping and folding)", () => {
    const text = fc
      .string({ unit: "grapheme", maxLength: 120 })
      .filter((value) => !/[\u0000-\u001f\u007f]/.test(value));
    fc.assert(
      fc.property(text, text, (title, name) => {
        const out = build("America/New_York", [
          booking({
            bookingKey: "k",
            startAt: start,
            title: title || "x",
            clientName: name || null,
            clientEmail: null,
          }),
        ]);
        const event = parseIcs(out).events[0];
        expect(event?.summary).toBe(name ? `${title || "x"} — ${name}` : title || "x");
      }),
      { numRuns: 150 },
    );
  });
});

describe("bookingUid", () => {
  it("keeps distinct booking keys distinct and uses only characters that need no escaping", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 40 }),
        fc.string({ unit: "binary", maxLength: 40 }),
        (a, b) => {
          const [ua, ub] = [bookingUid(a), bookingUid(b)];
          expect(ua).toMatch(/^[A-Za-z0-9._~:%-]*@stripe-bookings$/);
          if (a !== b && Buffer.from(a).toString() === a && Buffer.from(b).toString() === b)
            expect(ua).not.toBe(ub);
          if (a === b) expect(ua).toBe(ub);
        },
      ),
    );
  });

  it("leaves ordinary reconciler keys readable", () => {
    expect(bookingUid("invoice:in_1:il_2:0")).toBe("invoice:in_1:il_2:0@stripe-bookings");
    expect(bookingUid("a;b,c d")).toBe("a%3Bb%2Cc%20d@stripe-bookings");
  });
});
