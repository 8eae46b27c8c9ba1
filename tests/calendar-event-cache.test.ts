// Rendered events kept across restarts (RenderedEvent): the first poll after a start reads them
// back instead of rendering, and any change to what an event shows renders it again.
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { clearBodyCache } from "@/lib/calendar/body-cache";
import { clearRenderedEvents } from "@/lib/calendar/event-cache";
import { exportIcs, serveFeed, type FeedResponse } from "@/lib/calendar/feed";
import { clearEventCache } from "@/lib/calendar/ics";
import type { Sqlite } from "@/lib/db/sqlite";
import { createFeed } from "@/lib/feeds/tokens";
import {
  insertBooking,
  insertClient,
  insertStaff,
  localTime,
  setFeedSettings,
} from "@/tests/calendar-fixtures";
import { freshDb, type TestDb } from "@/tests/support/db";

let t: TestDb | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

const zone = "Europe/London";
const now = new Date("2026-03-15T12:00:00Z");
const publicUrl = "http://127.0.0.1:3000";

function seed() {
  t = freshDb();
  const db = t.db;
  setFeedSettings(db, { timeZone: zone, feedPastDays: 30, feedFutureDays: 180, businessName: "Paws & Co" });
  const sam = insertStaff(db, "Sam");
  insertClient(db, "cus_a", "Ann Smith");
  for (let day = 16; day <= 25; day++)
    insertBooking(db, {
      key: `a-${day}`,
      start: localTime(zone, `2026-03-${day}T09:00`),
      staffId: sam,
      clientStripeId: "cus_a",
    });
  const { token } = createFeed(db, { scope: "business" }, now);
  return { db, token };
}

/** A restart: nothing in the process's memory, the database as it was. */
function restart(): void {
  clearBodyCache();
  clearEventCache();
  clearRenderedEvents();
}

function body(db: Sqlite, token: string): string {
  const response: FeedResponse = serveFeed(db, token, { now, publicUrl });
  if (response.status !== 200) throw new Error(`expected 200, got ${response.status}`);
  return response.body;
}

const stored = (db: Sqlite) =>
  db.prepare("SELECT bookingId, text FROM RenderedEvent").all() as { bookingId: number; text: string }[];

describe("rendered events across restarts", () => {
  it("are stored once rendered and read back after a restart instead of rendered again", () => {
    const { db, token } = seed();
    restart();
    const first = body(db, token);
    const rows = stored(db);
    expect(rows).toHaveLength(10);
    // Mark one stored event: only a feed that reads the table can show the mark.
    const marked = rows[0]?.bookingId;
    db.prepare(
      "UPDATE RenderedEvent SET text = replace(text, 'SUMMARY:', 'SUMMARY:MARK ') WHERE bookingId = ?",
    ).run(marked);
    restart();
    const afterRestart = body(db, token);
    expect(afterRestart).toContain("SUMMARY:MARK ");
    expect(afterRestart.replace("MARK ", "")).toBe(first);
  });

  it("renders an event again when its booking, its client's name or its staff member's name changed", () => {
    const { db, token } = seed();
    restart();
    const first = body(db, token);
    db.prepare("UPDATE RenderedEvent SET text = replace(text, 'SUMMARY:', 'SUMMARY:MARK ')").run();
    db.prepare("UPDATE Client SET name = 'Ann Jones' WHERE stripeId = 'cus_a'").run();
    // The booking rows did not change, so the ETag did not either: a restart empties the body cache.
    restart();
    const renamed = body(db, token);
    expect(renamed).not.toContain("MARK");
    expect(renamed).toBe(first.replaceAll("Ann Smith", "Ann Jones"));
    db.prepare("UPDATE Staff SET name = 'Samira'").run();
    restart();
    expect(body(db, token).replace(/\r\n /g, "")).toContain("Staff: Samira");
  });

  it("builds the same text as an export of the same bookings, cold, warm and after a change", () => {
    const { db, token } = seed();
    const exported = () =>
      exportIcs(db, { from: "2026-02-13", to: "2026-09-11", publicUrl }, now).body.replace(
        /^(X-WR-CALNAME|NAME):.*\r\n/gm,
        "",
      );
    const served = () => body(db, token).replace(/^(X-WR-CALNAME|NAME):.*\r\n/gm, "");
    restart();
    expect(served()).toBe(exported());
    db.prepare(
      "UPDATE Booking SET status = 'cancelled', sequence = sequence + 1, updatedAt = updatedAt + 1 WHERE bookingKey = 'a-20'",
    ).run();
    expect(served()).toBe(exported());
    restart();
    expect(served()).toBe(exported());
  });

  it("a rebuild patched from the previous build equals a build from scratch, after any changes (property)", () => {
    const change = fc.oneof(
      fc.record({
        kind: fc.constant("edit" as const),
        day: fc.integer({ min: 16, max: 25 }),
        status: fc.constantFrom("scheduled", "held", "cancelled"),
      }),
      fc.record({
        kind: fc.constant("move" as const),
        day: fc.integer({ min: 16, max: 25 }),
        to: fc.constantFrom("2026-03-18T07:00", "2026-01-01T09:00", "2026-04-02T10:00"),
      }),
      fc.record({
        kind: fc.constant("add" as const),
        at: fc.constantFrom("2026-03-16T09:00", "2026-03-30T08:00", "2026-12-01T08:00"),
      }),
      fc.record({ kind: fc.constant("delete" as const), day: fc.integer({ min: 16, max: 25 }) }),
      fc.record({
        kind: fc.constant("rename" as const),
        name: fc.constantFrom("Ann Smith", "Ann Jones", "A. S."),
      }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }),
        (rounds) => {
          t?.cleanup();
          const { db, token } = seed();
          restart();
          body(db, token);
          let clock = Date.UTC(2026, 1, 1);
          let added = 0;
          for (const round of rounds) {
            for (const c of round) {
              clock += 1000;
              if (c.kind === "edit")
                db.prepare(
                  "UPDATE Booking SET status = ?, sequence = sequence + 1, updatedAt = ? WHERE bookingKey = ?",
                ).run(c.status, clock, `a-${c.day}`);
              if (c.kind === "move")
                db.prepare(
                  "UPDATE Booking SET startAt = ?, endAt = ?, sequence = sequence + 1, updatedAt = ? WHERE bookingKey = ?",
                ).run(
                  localTime(zone, c.to).getTime(),
                  localTime(zone, c.to).getTime() + 3_600_000,
                  clock,
                  `a-${c.day}`,
                );
              if (c.kind === "add")
                insertBooking(db, {
                  key: `new-${(added += 1)}`,
                  start: localTime(zone, c.at),
                  clientStripeId: "cus_a",
                  updatedAt: new Date(clock),
                });
              if (c.kind === "delete")
                db.prepare("DELETE FROM Booking WHERE bookingKey = ?").run(`a-${c.day}`);
              if (c.kind === "rename")
                db.prepare("UPDATE Client SET name = ?, appliedAt = ? WHERE stripeId = 'cus_a'").run(
                  c.name,
                  clock,
                );
            }
            // A booking added in the window in every round: the feed's ETag moves, so it is rebuilt
            // (not served from the body cache, which a rename alone does not invalidate).
            clock += 1000;
            insertBooking(db, {
              key: `round-${clock}`,
              start: localTime(zone, "2026-03-21T12:00"),
              clientStripeId: "cus_a",
              updatedAt: new Date(clock),
            });
            const patched = body(db, token);
            restart();
            expect(patched).toBe(body(db, token));
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
