// The pure derivation: wall-clock times in the business zone (gaps and repeats of DST
// included), schedule kinds, spans and quantity — straight from snapshots, no database.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DateTime } from "luxon";
import { deriveBookings } from "@/lib/bookings/derive";
import { localToUtc } from "@/lib/bookings/local-time";
import type { SubscriptionSnapshot } from "@/lib/bookings/types";
import type { Allocation, Rule } from "@/lib/rules/schema";
import type { Settings } from "@/lib/settings";

const settings = (timeZone: string): Settings => ({
  businessName: "B",
  timeZone,
  defaultStartTime: "09:00",
  defaultDurationMin: 60,
  horizonWeeks: 8,
  feedPastDays: 30,
  feedFutureDays: 180,
  cancelledKeepDays: 14,
  paymentFailedPolicy: "keep",
  demoData: false,
  demoWiped: false,
  startGraceMin: 30,
  phoneCountry: null,
});

const rule = (allocation: Partial<Allocation> & Pick<Allocation, "schedule">): Rule => ({
  id: 1,
  name: "R",
  serviceCode: "S",
  priority: 100,
  active: true,
  matcher: { serviceCodes: ["S"] },
  allocation: { quantity: "multiply", ...allocation },
});

function subscription(start: Date, quantity = 1, interval = "week"): SubscriptionSnapshot {
  return {
    kind: "subscription",
    stripeId: "sub_1",
    clientStripeId: "cus_1",
    clientName: "Jane",
    deleted: false,
    status: "active",
    startDate: start,
    currentPeriodStart: start,
    currentPeriodEnd: null,
    cancelAtPeriodEnd: false,
    cancelAt: null,
    endedAt: null,
    pauseBehavior: null,
    pauseResumesAt: null,
    lines: [
      {
        stripeId: "si_1",
        priceStripeId: "price_1",
        productStripeId: "prod_1",
        quantity,
        periodStart: start,
        periodEnd: null,
        price: {
          stripeId: "price_1",
          productStripeId: "prod_1",
          type: "recurring",
          recurringInterval: interval,
          recurringCount: 1,
          lookupKey: null,
          currency: "gbp",
          unitAmount: 100,
        },
        product: { stripeId: "prod_1", name: "Walk", serviceCode: "S", metadata: {} },
      },
    ],
  };
}

const wall = (d: Date, zone: string) => DateTime.fromJSDate(d, { zone }).toFormat("ccc yyyy-MM-dd HH:mm");

describe("localToUtc", () => {
  it.each([
    ["Europe/London", "2026-03-29", "01:30", "2026-03-29T01:30:00.000Z"], // gap: becomes 02:30 BST
    ["America/New_York", "2026-03-08", "02:30", "2026-03-08T07:30:00.000Z"], // gap: becomes 03:30 EDT
    ["Europe/London", "2026-10-25", "01:30", "2026-10-25T00:30:00.000Z"], // repeated: the first (BST)
    ["America/New_York", "2026-11-01", "01:30", "2026-11-01T05:30:00.000Z"], // repeated: the first (EDT)
    ["Europe/London", "2026-07-01", "09:00", "2026-07-01T08:00:00.000Z"],
  ])("%s %s %s → %s", (zone, date, time, expected) => {
    expect(localToUtc(date, time, zone).toISOString()).toBe(expected);
  });

  it("round-trips every existing local time", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("Europe/London", "America/New_York", "Australia/Sydney"),
        fc.integer({ min: 0, max: 3 * 365 }),
        fc.integer({ min: 0, max: 95 }),
        (zone, day, quarter) => {
          const date = DateTime.fromISO("2025-01-01", { zone: "utc" })
            .plus({ days: day })
            .toFormat("yyyy-MM-dd");
          const time = `${String(Math.floor(quarter / 4)).padStart(2, "0")}:${String((quarter % 4) * 15).padStart(2, "0")}`;
          const back = DateTime.fromJSDate(localToUtc(date, time, zone), { zone });
          const exists = DateTime.fromISO(`${date}T${time}`, { zone }).toFormat("HH:mm") === time;
          if (exists) expect(back.toFormat("yyyy-MM-dd HH:mm")).toBe(`${date} ${time}`);
          else
            expect(back.toMillis()).toBeGreaterThan(DateTime.fromISO(`${date}T00:00`, { zone }).toMillis());
        },
      ),
    );
  });
});

describe("deriveBookings", () => {
  const now = new Date("2026-03-20T12:00:00Z");
  const start = new Date("2026-01-05T00:00:00Z");

  it("keeps a Sunday 01:30 slot through the spring-forward gap (shifted to 02:30) with a stable key", () => {
    const out = deriveBookings({
      source: subscription(start),
      rules: [rule({ schedule: { kind: "weekly", byWeekday: ["SU"] }, startTimes: ["01:30"] })],
      settings: settings("Europe/London"),
      now,
    });
    const gapDay = out.find((b) => b.bookingKey.endsWith("2026-03-29#0"));
    expect(gapDay && wall(gapDay.startAt, "Europe/London")).toBe("Sun 2026-03-29 02:30");
    expect(
      out.filter((b) => b !== gapDay).every((b) => wall(b.startAt, "Europe/London").endsWith("01:30")),
    ).toBe(true);
  });

  it("keeps the horizon whole days: a new start time never moves a visit across it (property)", () => {
    const zone = "Europe/London";
    const hhmm = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`);
    const daily = (startTime: string, at: Date) =>
      deriveBookings({
        source: subscription(start),
        rules: [rule({ schedule: { kind: "rrule", rule: "FREQ=DAILY" }, startTimes: [startTime] })],
        settings: settings(zone),
        now: at,
      }).map((b) => b.bookingKey.split(":").at(-1)!.slice(0, 10));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 * 24 * 14 - 1 }), hhmm, hhmm, (minutes, before, after) => {
        const at = new Date(now.getTime() + minutes * 60_000);
        const today = DateTime.fromJSDate(at, { zone }).toISODate()!;
        const later = (dates: string[]) => dates.filter((date) => date > today);
        const [a, b] = [daily(before, at), daily(after, at)];
        // Only today's visit depends on the time of day (it may have started already).
        expect(later(a)).toEqual(later(b));
        // The horizon runs to the end of the local day 8 weeks from today.
        expect(later(a).at(-1)).toBe(DateTime.fromISO(today).plus({ days: 56 }).toISODate());
      }),
      { numRuns: 200 },
    );
  });

  it("is pure: the same input gives the same bookings", () => {
    const input = {
      source: subscription(start, 2),
      rules: [rule({ schedule: { kind: "rrule", rule: "FREQ=WEEKLY;BYDAY=MO,TH" } })],
      settings: settings("America/New_York"),
      now,
    };
    expect(deriveBookings(input)).toEqual(deriveBookings(structuredClone(input)));
  });

  it("rrule: FREQ=WEEKLY;BYDAY=MO,TH gives Mondays and Thursdays at the default time", () => {
    const out = deriveBookings({
      source: subscription(start),
      rules: [rule({ schedule: { kind: "rrule", rule: "FREQ=WEEKLY;BYDAY=MO,TH" } })],
      settings: settings("America/New_York"),
      now,
    });
    expect(out).toHaveLength(16);
    expect(new Set(out.map((b) => wall(b.startAt, "America/New_York").slice(0, 3)))).toEqual(
      new Set(["Mon", "Thu"]),
    );
    expect(out.every((b) => wall(b.startAt, "America/New_York").endsWith("09:00"))).toBe(true);
  });

  it("perPeriod: n bookings per billing month, spread over the allowed weekdays", () => {
    const monthly = subscription(new Date("2026-03-01T00:00:00Z"), 1, "month");
    const out = deriveBookings({
      source: monthly,
      rules: [rule({ schedule: { kind: "perPeriod", count: 2, byWeekday: ["WE"] } })],
      settings: settings("Europe/London"),
      now,
    });
    // March's picks (4th, 18th) are past; April: 1st and 15th of five Wednesdays; May: 6th (20th is past the horizon).
    expect(out.map((b) => wall(b.startAt, "Europe/London"))).toEqual([
      "Wed 2026-04-01 09:00",
      "Wed 2026-04-15 09:00",
      "Wed 2026-05-06 09:00",
    ]);
  });

  it("span { count }: only the first n occurrences from the start, past ones not re-created", () => {
    const out = deriveBookings({
      source: subscription(new Date("2026-03-09T00:00:00Z")),
      rules: [rule({ schedule: { kind: "weekly", byWeekday: ["MO"] }, span: { count: 4 } })],
      settings: settings("Europe/London"),
      now,
    });
    expect(out.map((b) => wall(b.startAt, "Europe/London"))).toEqual([
      "Mon 2026-03-23 09:00",
      "Mon 2026-03-30 09:00",
    ]);
  });

  it("extra weekdays for quantity stay put when the base occurrence slips into the past", () => {
    const alloc = rule({ schedule: { kind: "weekly", byWeekday: ["MO"] }, extraWeekdays: ["TH"] });
    const keys = (at: Date) =>
      deriveBookings({
        source: subscription(start, 2),
        rules: [alloc],
        settings: settings("Europe/London"),
        now: at,
      }).map((b) => b.bookingKey);
    const monday = keys(new Date("2026-03-23T06:00:00Z"));
    const tuesday = keys(new Date("2026-03-24T06:00:00Z"));
    expect(monday).toContain("subscription:sub_1:si_1:2026-03-26#0");
    expect(tuesday).toContain("subscription:sub_1:si_1:2026-03-26#0");
    // Every booking still ahead on Tuesday keeps its key (only Monday the 23rd has passed).
    expect(tuesday).toEqual(expect.arrayContaining(monday.filter((k) => !k.includes("2026-03-23"))));
  });

  it("parallel quantity: copies share the slot and differ by #n", () => {
    const out = deriveBookings({
      source: subscription(start, 3),
      rules: [rule({ schedule: { kind: "weekly", byWeekday: ["FR"] } })],
      settings: settings("Europe/London"),
      now,
    });
    expect(out.slice(0, 3).map((b) => b.bookingKey.slice(-2))).toEqual(["#0", "#1", "#2"]);
    expect(new Set(out.slice(0, 3).map((b) => b.startAt.getTime())).size).toBe(1);
  });
});
