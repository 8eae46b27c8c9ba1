// Read models of the staff screens over real SQLite files (Prisma client): the schedule board
// (range, filters, conflicts), the bookings list (tabs, search, pages), client search, the
// forms' schemas, and business-zone dates around a DST change.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadBoard, markConflicts, boardQuerySchema } from "@/lib/schedule/board";
import { copyGroup, listBookingPage, listQuerySchema, PAGE_SIZE } from "@/lib/schedule/bookings-list";
import { clientQuerySchema, searchClients } from "@/lib/schedule/clients";
import { manualFormSchema, seriesFormSchema } from "@/lib/schedule/forms";
import { formatWhen, fromLocal, viewRange } from "@/lib/schedule/time";
import { fillBookings } from "@/bench/support/bookings";
import { prismaDbPerTest } from "@/tests/support/prisma-db";
import { type TestDb } from "@/tests/support/db";

const ZONE = "Europe/London";
const setup = prismaDbPerTest();

function insertBooking(
  t: TestDb,
  b: {
    key: string;
    start: string;
    minutes: number;
    staffId?: number | null;
    status?: string;
    client?: string;
    service?: string;
  },
) {
  const start = new Date(b.start).getTime();
  t.db
    .prepare(
      `INSERT INTO Booking (bookingKey, clientStripeId, serviceCode, title, startAt, endAt, staffId, status, sourceKind, sequence, createdAt, updatedAt)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'manual', 0, 0, 0)`,
    )
    .run(
      b.key,
      b.client ?? null,
      b.service ?? "WALK",
      `Visit ${b.key}`,
      start,
      start + b.minutes * 60_000,
      b.staffId ?? null,
      b.status ?? "scheduled",
    );
}

describe("markConflicts", () => {
  it("flags exactly the live bookings of one walker that overlap another of theirs", () => {
    const slot = fc.record({
      staffId: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
      start: fc.integer({ min: 0, max: 40 }),
      length: fc.integer({ min: 1, max: 8 }),
      cancelled: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(slot, { maxLength: 25 }), (slots) => {
        const iso = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, n * 15)).toISOString();
        const rows = slots.map((s, id) => ({
          id,
          staffId: s.staffId,
          status: s.cancelled ? "cancelled" : "scheduled",
          startAt: iso(s.start),
          endAt: iso(s.start + s.length),
        }));
        const got = markConflicts(rows);
        for (const a of rows) {
          const expected = rows.some(
            (b) =>
              b.id !== a.id &&
              a.staffId !== null &&
              a.staffId === b.staffId &&
              a.status !== "cancelled" &&
              b.status !== "cancelled" &&
              a.startAt < b.endAt &&
              b.startAt < a.endAt,
          );
          expect(got.has(a.id)).toBe(expected);
        }
      }),
    );
  });
});

describe("loadBoard", () => {
  it("returns the week's bookings by walker, filtered, with conflicts and client names", async () => {
    const { t, db } = setup();
    t.db
      .prepare(
        "INSERT INTO Staff (id, name, color, active, createdAt) VALUES (1, 'Alex', '#111111', 1, 0), (2, 'Sam', '#222222', 1, 0)",
      )
      .run();
    t.db
      .prepare(
        "INSERT INTO Client (stripeId, name, email, phone, raw, contentHash, stripeCreated, sourceAt, appliedAt) VALUES ('cus_1', 'Ada Lovelace', 'ada@example.com', '+44 7700 900123', '{}', 'h', 0, 0, 0)",
      )
      .run();
    insertBooking(t, { key: "a", start: "2026-03-02T09:00:00Z", minutes: 60, staffId: 1, client: "cus_1" });
    insertBooking(t, { key: "b", start: "2026-03-02T09:30:00Z", minutes: 30, staffId: 1 });
    insertBooking(t, {
      key: "c",
      start: "2026-03-03T09:00:00Z",
      minutes: 30,
      staffId: null,
      service: "GROOM",
    });
    insertBooking(t, {
      key: "d",
      start: "2026-03-04T09:00:00Z",
      minutes: 30,
      staffId: 2,
      status: "cancelled",
    });
    insertBooking(t, { key: "next-week", start: "2026-03-09T09:00:00Z", minutes: 30, staffId: 2 });
    const board = await loadBoard(
      db,
      boardQuerySchema.parse({ date: "2026-03-04", view: "week" }),
      ZONE,
      "2026-03-04",
    );
    expect(board.days[0]).toBe("2026-03-02");
    expect(board.bookings.map((b) => b.title)).toEqual(["Visit a", "Visit b", "Visit c", "Visit d"]);
    expect(board.bookings.filter((b) => b.conflict).map((b) => b.title)).toEqual(["Visit a", "Visit b"]);
    expect(board.bookings[0]!.clientName).toBe("Ada Lovelace");
    expect(board.services).toEqual(["GROOM", "WALK"]);

    const unassigned = await loadBoard(
      db,
      boardQuerySchema.parse({ date: "2026-03-04", staff: "none" }),
      ZONE,
      "2026-03-04",
    );
    expect(unassigned.bookings.map((b) => b.title)).toEqual(["Visit c"]);
    const cancelled = await loadBoard(
      db,
      boardQuerySchema.parse({ date: "2026-03-04", status: "cancelled" }),
      ZONE,
      "2026-03-04",
    );
    expect(cancelled.bookings.map((b) => b.title)).toEqual(["Visit d"]);
    const day = await loadBoard(
      db,
      boardQuerySchema.parse({ date: "2026-03-03", view: "day", service: "GROOM,WALK" }),
      ZONE,
      "2026-03-04",
    );
    expect(day.bookings.map((b) => b.title)).toEqual(["Visit c"]);
  });

  it("refuses a malformed query", () => {
    expect(boardQuerySchema.safeParse({ staff: "abc" }).success).toBe(false);
    expect(boardQuerySchema.safeParse({ status: "lost" }).success).toBe(false);
    expect(boardQuerySchema.safeParse({ date: "2026-13-01" }).success).toBe(false);
  });
});

describe("listBookingPage and searchClients", () => {
  it("pages through upcoming bookings 50 at a time, searches by client and keeps tabs apart", async () => {
    const { t, db } = setup();
    const now = new Date("2026-06-01T12:00:00Z");
    fillBookings(t.db, {
      bookings: 400,
      clients: 20,
      staff: 3,
      from: new Date("2026-05-01T00:00:00Z"),
      to: new Date("2026-07-01T00:00:00Z"),
      cancelledShare: 0.1,
      now,
    });
    const counts = t.db
      .prepare(
        `SELECT sum(status IN ('scheduled', 'held') AND endAt > @now) AS upcoming, sum(status = 'cancelled') AS cancelled FROM Booking`,
      )
      .get({ now: now.getTime() }) as { upcoming: number; cancelled: number };
    const first = await listBookingPage(db, listQuerySchema.parse({}), now);
    expect(first.total).toBe(counts.upcoming);
    expect(first.rows).toHaveLength(PAGE_SIZE);
    expect(first.rows.every((r) => r.status !== "cancelled" && new Date(r.endAt) > now)).toBe(true);
    const starts = first.rows.map((r) => r.startAt);
    expect([...starts].sort()).toEqual(starts);
    const last = await listBookingPage(db, listQuerySchema.parse({ page: String(first.pages) }), now);
    expect(last.rows.length).toBe(first.total - (first.pages - 1) * PAGE_SIZE);
    const cancelled = await listBookingPage(db, listQuerySchema.parse({ tab: "cancelled" }), now);
    expect(cancelled.total).toBe(counts.cancelled);

    const client = t.db.prepare("SELECT stripeId, name, email FROM Client LIMIT 1").get() as {
      stripeId: string;
      name: string;
      email: string;
    };
    const byName = await listBookingPage(db, listQuerySchema.parse({ tab: "all", q: client.name }), now);
    expect(byName.total).toBeGreaterThan(0);
    expect(
      byName.rows.every((r) => r.clientStripeId === client.stripeId || r.title.includes(client.name)),
    ).toBe(true);
    const found = await searchClients(db, clientQuerySchema.parse({ q: client.email.slice(0, 6) }));
    expect(found.rows.map((c) => c.stripeId)).toContain(client.stripeId);
    expect((await searchClients(db, clientQuerySchema.parse({ q: "zz-nobody" }))).total).toBe(0);
  });
});

describe("forms and business-zone dates", () => {
  it("names the field at fault", () => {
    const manual = manualFormSchema.safeParse({
      title: "",
      serviceCode: "WALK",
      date: "2026-01-05",
      startTime: "9am",
      durationMin: "3",
    });
    expect(manual.success).toBe(false);
    const paths = manual.error!.issues.map((i) => i.path[0]);
    expect(paths).toEqual(expect.arrayContaining(["title", "startTime", "durationMin"]));
    const series = seriesFormSchema.safeParse({ fromDate: "2026-01-05", startTime: "" });
    expect(series.error?.issues[0]?.path).toEqual(["startTime"]);
  });

  it("reads local times across the spring DST change and names days as people say them", () => {
    const start = fromLocal("2026-03-29", "09:00", ZONE);
    expect(start.toISOString()).toBe("2026-03-29T08:00:00.000Z");
    expect(fromLocal("2026-03-28", "09:00", ZONE).toISOString()).toBe("2026-03-28T09:00:00.000Z");
    const week = viewRange("2026-03-29", "week", ZONE);
    expect(week.days).toEqual([
      "2026-03-23",
      "2026-03-24",
      "2026-03-25",
      "2026-03-26",
      "2026-03-27",
      "2026-03-28",
      "2026-03-29",
    ]);
    expect(week.to.getTime() - week.from.getTime()).toBe(7 * 86_400_000 - 3_600_000);
    expect(formatWhen(start, new Date(start.getTime() + 3_600_000), ZONE)).toBe("Sun 29 Mar, 09:00–10:00");
  });
});

describe("bookings list: Upcoming and a line's several visits a day (issue 24)", () => {
  const now = new Date("2026-06-01T12:00:00Z");

  it("leaves visits already marked done or missed out of Upcoming and lists them under Past", async () => {
    const { t, db } = setup();
    insertBooking(t, { key: "soon", start: "2026-06-01T15:00:00Z", minutes: 60 });
    insertBooking(t, { key: "done-early", start: "2026-06-01T11:30:00Z", minutes: 60, status: "completed" });
    insertBooking(t, { key: "missed", start: "2026-06-01T11:45:00Z", minutes: 60, status: "no_show" });
    insertBooking(t, { key: "held", start: "2026-06-02T09:00:00Z", minutes: 60, status: "held" });
    insertBooking(t, { key: "later-done", start: "2026-06-03T09:00:00Z", minutes: 60, status: "completed" });
    const titles = async (tab: string) =>
      (await listBookingPage(db, listQuerySchema.parse({ tab }), now)).rows.map((r) => r.title).sort();
    expect(await titles("upcoming")).toEqual(["Visit held", "Visit soon"]);
    expect(await titles("past")).toEqual(["Visit done-early", "Visit later-done", "Visit missed"]);
  });

  it("numbers the visits one line books on one day: 1 of 2, 2 of 2; others have no number", async () => {
    const { t, db } = setup();
    const key = "subscription:sub_1:si_1:2026-06-02";
    insertBooking(t, { key: `${key}#0`, start: "2026-06-02T09:00:00Z", minutes: 60 });
    insertBooking(t, { key: `${key}#1`, start: "2026-06-02T09:00:00Z", minutes: 60 });
    // A cancelled copy does not count; another day's visit of the line is its own group.
    insertBooking(t, { key: `${key}#2`, start: "2026-06-02T09:00:00Z", minutes: 60, status: "cancelled" });
    insertBooking(t, {
      key: "subscription:sub_1:si_1:2026-06-03#0",
      start: "2026-06-03T09:00:00Z",
      minutes: 60,
    });
    // A key that only shares the text before the date is not a sibling.
    insertBooking(t, {
      key: "subscription:sub_1:si_10:2026-06-02#0",
      start: "2026-06-02T10:00:00Z",
      minutes: 60,
    });
    const page = await listBookingPage(db, listQuerySchema.parse({ tab: "all" }), now);
    const copy = Object.fromEntries(page.rows.map((r) => [r.title, r.copy]));
    expect(copy).toEqual({
      [`Visit ${key}#0`]: { n: 1, of: 2 },
      [`Visit ${key}#1`]: { n: 2, of: 2 },
      [`Visit ${key}#2`]: null,
      "Visit subscription:sub_1:si_1:2026-06-03#0": null,
      "Visit subscription:sub_1:si_10:2026-06-02#0": null,
    });
    expect(copyGroup("manual:abc")).toBeNull();
    expect(copyGroup(`${key}#12`)).toBe(`${key}#`);
  });
});
