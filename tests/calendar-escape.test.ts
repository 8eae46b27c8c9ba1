// ICS injection: every text that reaches a feed or an export (business name, customer name, a
// feed's label, service name, staff name, status reason) may hold CR, LF, other control
// characters and RFC 5545's special characters. Read back by ical.js (Thunderbird's parser, an
// independent implementation): exactly the events expected, and every text as typed minus its
// control characters. Served fresh, from the rendered-event cache in memory and from its table.
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { clearBodyCache } from "@/lib/calendar/body-cache";
import { clearRenderedEvents } from "@/lib/calendar/event-cache";
import { exportIcs, serveFeed } from "@/lib/calendar/feed";
import { clearFeedBuilds } from "@/lib/calendar/feed-body";
import { buildCalendar, clearEventCache } from "@/lib/calendar/ics";
import { escapeIcsText, icsText, textProperty } from "@/lib/calendar/text";
import type { Sqlite } from "@/lib/db/sqlite";
import { createFeed } from "@/lib/feeds/tokens";
import {
  insertBooking,
  insertClient,
  insertStaff,
  parseIcs,
  setFeedSettings,
} from "@/tests/calendar-fixtures";
import { freshDb, type TestDb } from "@/tests/support/db";

let t: TestDb | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

const now = new Date("2026-03-15T12:00:00Z");
const publicUrl = "http://127.0.0.1:3000";

/** What a calendar app must read back: line breaks as LF, no other control characters. */
function expected(text: string): string {
  return text
    .replace(/\r\n|\r/g, "\n")
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, "")
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

const piece = fc.oneof(
  fc.constantFrom(
    "\r\n",
    "\r",
    "\n",
    "\t",
    "\u0000",
    "\u0007",
    "\u001b",
    "\u007f",
    "\u0085",
    "\\",
    "\\n",
    ";",
    ",",
    ":",
    '"',
    " ",
    "BEGIN:VEVENT",
    "END:VEVENT",
    "END:VCALENDAR",
    "SUMMARY:evil",
    "é",
    "😀",
  ),
  fc.string({ unit: "grapheme-ascii", maxLength: 6 }),
);
/** Texts of 1–40 pieces that are not blank once cleaned (the app shows a fallback for blank ones). */
const text = fc
  .array(piece, { minLength: 1, maxLength: 40 })
  .map((parts) => parts.join(""))
  .filter((value) => expected(value).trim() !== "");

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? "";
}

function serveText(db: Sqlite, token: string): string {
  const response = serveFeed(db, token, { now, publicUrl });
  if (response.status !== 200) throw new Error(`feed answered ${response.status}`);
  return response.body;
}

/** BEGIN:VEVENT lines as written, counted without any parser. */
const rawEventCount = (ics: string) => ics.split("\r\n").filter((line) => line === "BEGIN:VEVENT").length;

describe("feeds and exports escape every text (fuzz)", () => {
  it("parse to exactly the expected events, each text round-tripping minus control characters", () => {
    fc.assert(
      fc.property(
        fc.record({ business: text, customer: text, label: text, service: text, staff: text, reason: text }),
        (input) => {
          t?.cleanup();
          t = freshDb();
          const db = t.db;
          clearBodyCache();
          clearFeedBuilds();
          clearRenderedEvents();
          clearEventCache();
          setFeedSettings(db, { timeZone: "Europe/London", businessName: input.business });
          const staffId = insertStaff(db, input.staff);
          insertClient(db, "cus_x", input.customer);
          insertClient(db, "cus_other", "Other");
          const book = (key: string, day: number, clientStripeId: string, status = "scheduled") =>
            insertBooking(db, {
              key,
              start: new Date(Date.UTC(2026, 2, 16 + day, 9)),
              title: input.service,
              clientStripeId,
              staffId,
              status,
              statusReason: status === "held" ? input.reason : null,
            });
          book("x-1", 0, "cus_x");
          book("x-2", 1, "cus_x", "held");
          book("o-1", 2, "cus_other");

          const business = createFeed(db, { scope: "business" }, now).token;
          const staff = createFeed(db, { scope: "staff", staffId }, now).token;
          const client = createFeed(db, { scope: "client", clientStripeId: "cus_x" }, now).token;
          const labelled = createFeed(db, { scope: "client", clientStripeId: "cus_x", label: "x" }, now);
          // Whatever path wrote it (screen, API, an older version): the label as stored.
          db.prepare("UPDATE CalendarFeed SET label = ? WHERE id = ?").run(input.label, labelled.feed.id);

          const service = expected(input.service);
          const customer = expected(input.customer);
          const businessSummary = (who: string) => `${service} — ${who}`;
          const businessDescription = (who: string, status: string) =>
            expected(
              [
                `Service: ${input.service} [WALK60]`,
                `Client: ${who}`,
                `Staff: ${input.staff}`,
                `Status: ${status}`,
                "Source: subscription sub_1",
              ].join("\n"),
            );

          const cases = [
            { token: business, name: expected(input.business), events: 3, audience: "business" },
            { token: staff, name: `${expected(input.business)} — ${expected(input.staff)}`, events: 3 },
            { token: client, name: `${expected(input.business)} — ${customer}`, events: 2, client: true },
            { token: labelled.token, name: expected(input.label), events: 2, client: true },
          ];
          for (const { token, name, events, client: isClient } of cases) {
            const fresh = serveText(db, token);
            // The same text from the cache in memory, and after a restart from the table.
            clearBodyCache();
            clearFeedBuilds();
            expect(serveText(db, token)).toBe(fresh);
            clearBodyCache();
            clearFeedBuilds();
            clearRenderedEvents();
            clearEventCache();
            expect(serveText(db, token)).toBe(fresh);

            expect(rawEventCount(fresh)).toBe(events);
            const parsed = parseIcs(fresh);
            expect(parsed.name).toBe(name);
            expect(parsed.rfc7986Name).toBe(name);
            expect(parsed.events).toHaveLength(events);
            const mine = parsed.events.filter((event) => event.uid.startsWith("x-"));
            expect(mine).toHaveLength(2);
            for (const event of mine) {
              const held = event.uid.startsWith("x-2");
              if (isClient) {
                const walker = expected(firstName(input.staff));
                expect(event.summary).toBe(expected(`${input.service} with ${firstName(input.staff)}`));
                expect(event.description.split("\n").slice(-2)[0]).toBe(`Walker: ${walker}`);
              } else {
                expect(event.summary).toBe(businessSummary(customer));
                expect(event.description).toBe(
                  businessDescription(input.customer, held ? `On hold (${input.reason})` : "Scheduled"),
                );
              }
            }
          }

          const exported = exportIcs(db, { from: "2026-03-16", to: "2026-03-18" }, now).body;
          expect(rawEventCount(exported)).toBe(3);
          const parsedExport = parseIcs(exported);
          expect(parsedExport.name).toBe(`${expected(input.business)} bookings 2026-03-16 to 2026-03-18`);
          expect(parsedExport.events.map((event) => event.summary).sort()).toEqual(
            [businessSummary(customer), businessSummary(customer), businessSummary("Other")].sort(),
          );
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("the calendar name", () => {
  it("a CR/LF in a client-feed name or label adds no event and keeps the feed readable", () => {
    t = freshDb();
    const db = t.db;
    setFeedSettings(db, { businessName: "Paws & Co" });
    insertClient(db, "cus_evil", "Eve\r\nEND:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Free walks\r\nEND:VEVENT");
    insertBooking(db, { key: "e-1", start: new Date("2026-03-16T09:00:00Z"), clientStripeId: "cus_evil" });
    const { token } = createFeed(db, { scope: "client", clientStripeId: "cus_evil" }, now);
    const body = serveText(db, token);
    expect(rawEventCount(body)).toBe(1);
    const parsed = parseIcs(body);
    expect(parsed.events).toHaveLength(1);
    expect(parsed.name).toBe("Paws & Co — Eve\nEND:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:Free walks\nEND:VEVENT");
    expect(body.replace(/\r\n /g, "")).toContain(
      "X-WR-CALNAME:Paws & Co — Eve\\nEND:VCALENDAR\\nBEGIN:VEVENT\\nSUMMARY:Free walks\\nEND:VEVENT\r\n",
    );
  });

  it("escapes RFC 5545's special characters in the name like in any TEXT value", () => {
    const body = buildCalendar({ name: "A, B; C\\D", timeZone: "UTC", bookings: [], publicUrl: null });
    expect(body).toContain("NAME:A\\, B\\; C\\\\D\r\n");
    expect(body).toContain("X-WR-CALNAME:A\\, B\\; C\\\\D\r\n");
    expect(parseIcs(body).name).toBe("A, B; C\\D");
  });
});

describe("the rendered-event cache", () => {
  it("never serves an event rendered by an older format, and drops such rows", () => {
    t = freshDb();
    const db = t.db;
    setFeedSettings(db, { businessName: "Paws & Co", timeZone: "UTC" });
    insertClient(db, "cus_a", "Ann");
    const id = insertBooking(db, {
      key: "a-1",
      start: new Date("2026-03-16T09:00:00Z"),
      clientStripeId: "cus_a",
    });
    const { token } = createFeed(db, { scope: "client", clientStripeId: "cus_a" }, now);
    // As an older version could have stored it (same booking, a context of format ics-2).
    const old = JSON.stringify(["ics-2", "UTC", publicUrl, "client"]);
    db.prepare("INSERT INTO RenderedEvent (context, bookingId, stamp, text) VALUES (?, ?, ?, ?)").run(
      old,
      id,
      "any",
      "BEGIN:VEVENT\r\nSUMMARY:OLD\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:INJECTED\r\nEND:VEVENT\r\n",
    );
    clearBodyCache();
    clearFeedBuilds();
    clearRenderedEvents();
    const body = serveText(db, token);
    expect(body).not.toContain("INJECTED");
    expect(rawEventCount(body)).toBe(1);
    const contexts = db.prepare("SELECT DISTINCT context FROM RenderedEvent").all() as { context: string }[];
    expect(contexts.map((row) => JSON.parse(row.context)[0])).toEqual(["ics-3"]);
  });
});

describe("lib/calendar/text", () => {
  it("keeps HTAB, turns every line break into an escaped LF and drops other controls", () => {
    expect(icsText("a\tb\r\nc\rd\ne\u0000f\u0085g\u007f")).toBe("a\tb\nc\nd\nefg");
    expect(escapeIcsText("x\r\ny;z,\\")).toBe("x\\ny\\;z\\,\\\\");
    // SQLite would store a lone surrogate as three U+FFFD; the feed writes one.
    expect(icsText("a\ud800b\udc00c\ud83d\ude00")).toBe("a\ufffdb\ufffdc😀");
  });

  it("writes one folded content line whatever the value", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (value) => {
        const line = textProperty("SUMMARY", value);
        expect(line.endsWith("\r\n")).toBe(true);
        const physical = line.slice(0, -2).split("\r\n");
        expect(physical.slice(1).every((part) => part.startsWith(" "))).toBe(true);
        expect(line.slice(0, -2).replace(/\r\n /g, "")).not.toMatch(/[\u0000-\u0008\u000A-\u001F\u007F]/);
        for (const part of physical) expect(Buffer.byteLength(part, "utf8")).toBeLessThanOrEqual(75);
      }),
    );
  });

  it("refuses a property name that is not one", () => {
    expect(() => textProperty("X-A:B", "v")).toThrow(/property name/);
  });
});
