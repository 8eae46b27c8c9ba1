// Shared by the calendar and feed tests: raw inserts standing in for the reconciler, and a
// reader that parses generated iCalendar text with ical.js (an independent implementation).
import ICAL from "ical.js";
import { DateTime } from "luxon";
import type { Sqlite } from "@/lib/db/sqlite";

export function insertStaff(db: Sqlite, name: string, email: string | null = null): number {
  const { lastInsertRowid } = db
    .prepare("INSERT INTO Staff (name, email, createdAt) VALUES (?, ?, ?)")
    .run(name, email, 0);
  return Number(lastInsertRowid);
}

export function insertClient(
  db: Sqlite,
  stripeId: string,
  name: string | null,
  email: string | null = null,
): void {
  db.prepare(
    `INSERT INTO Client (stripeId, name, email, raw, contentHash, stripeCreated, sourceAt, appliedAt)
     VALUES (?, ?, ?, '{}', 'h', 0, 0, 0)`,
  ).run(stripeId, name, email);
}

export interface BookingSeed {
  key: string;
  start: Date;
  minutes?: number;
  title?: string;
  serviceCode?: string;
  staffId?: number | null;
  clientStripeId?: string | null;
  status?: string;
  statusReason?: string | null;
  sequence?: number;
  updatedAt?: Date;
}

export function insertBooking(db: Sqlite, seed: BookingSeed): number {
  const start = seed.start.getTime();
  const updatedAt = (seed.updatedAt ?? new Date(Date.UTC(2026, 0, 1))).getTime();
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO Booking (bookingKey, clientStripeId, serviceCode, title, startAt, endAt, staffId, status,
         statusReason, sourceKind, sourceId, sourceLineId, sequence, createdAt, updatedAt)
       VALUES (@key, @clientStripeId, @serviceCode, @title, @startAt, @endAt, @staffId, @status,
         @statusReason, 'subscription', 'sub_1', 'si_1', @sequence, @updatedAt, @updatedAt)`,
    )
    .run({
      key: seed.key,
      clientStripeId: seed.clientStripeId ?? null,
      serviceCode: seed.serviceCode ?? "WALK60",
      title: seed.title ?? "Weekly Walk (1h)",
      startAt: start,
      endAt: start + (seed.minutes ?? 60) * 60_000,
      staffId: seed.staffId ?? null,
      status: seed.status ?? "scheduled",
      statusReason: seed.statusReason ?? null,
      sequence: seed.sequence ?? 0,
      updatedAt,
    });
  return Number(lastInsertRowid);
}

/** What the reconciler does on every change: apply it, bump SEQUENCE, stamp updatedAt. */
export function reconcileChange(
  db: Sqlite,
  bookingKey: string,
  change: { startAt?: Date; status?: string },
  at: Date,
): void {
  const result = db
    .prepare(
      `UPDATE Booking SET startAt = coalesce(@startAt, startAt), endAt = coalesce(@startAt + (endAt - startAt), endAt),
         status = coalesce(@status, status), sequence = sequence + 1, updatedAt = @at WHERE bookingKey = @key`,
    )
    .run({
      key: bookingKey,
      startAt: change.startAt?.getTime() ?? null,
      status: change.status ?? null,
      at: at.getTime(),
    });
  if (result.changes !== 1) throw new Error(`no booking ${bookingKey}`);
}

export function setFeedSettings(
  db: Sqlite,
  settings: {
    timeZone?: string;
    feedPastDays?: number;
    feedFutureDays?: number;
    businessName?: string;
    cancelledKeepDays?: number;
  },
): void {
  db.prepare("INSERT OR IGNORE INTO Setting (id) VALUES (1)").run();
  for (const [column, value] of Object.entries(settings)) {
    db.prepare(`UPDATE Setting SET ${column} = ? WHERE id = 1`).run(value);
  }
}

/** The instant of a local wall-clock time in a zone. */
export function localTime(zone: string, iso: string): Date {
  const time = DateTime.fromISO(iso, { zone });
  if (!time.isValid) throw new Error(`bad local time ${iso}`);
  return time.toJSDate();
}

export interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  status: string | null;
  sequence: number;
  url: string | null;
  tzid: string | null;
  /** The zone ical.js resolved DTSTART to ("floating" when the VTIMEZONE was missing). */
  zone: string;
  /** Wall-clock start as written, e.g. `2026-03-30T09:00:00`. */
  localStart: string;
  start: Date;
  end: Date;
  dtstamp: string;
}

export interface ParsedCalendar {
  name: string | null;
  rfc7986Name: string | null;
  prodId: string | null;
  method: string | null;
  ttl: string | null;
  timezoneIds: string[];
  events: ParsedEvent[];
}

// ical.js knows the RFC 5545 properties only; NAME (RFC 7986) and X-WR-CALNAME are TEXT too
// (Thunderbird unescapes them), so their escapes are read back as such.
for (const name of ["name", "x-wr-calname"]) {
  (ICAL.design.icalendar.property as Record<string, { defaultType: string }>)[name] = { defaultType: "text" };
}

/** Parses with ical.js after registering the feed's own VTIMEZONEs, as a calendar app would. */
export function parseIcs(text: string): ParsedCalendar {
  // Forget zones registered by earlier parses: each feed must carry its own VTIMEZONE.
  ICAL.TimezoneService.reset();
  const root = new ICAL.Component(ICAL.parse(text));
  const zones = root.getAllSubcomponents("vtimezone");
  for (const zone of zones) ICAL.TimezoneService.register(zone);
  const text0 = (component: ICAL.Component, name: string) => {
    const value = component.getFirstPropertyValue(name);
    return value === null || value === undefined ? null : String(value);
  };
  const events = root.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    const dtstart = component.getFirstProperty("dtstart");
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      status: text0(component, "status"),
      sequence: event.sequence,
      url: text0(component, "url"),
      tzid: dtstart?.getParameter("tzid")?.toString() ?? null,
      zone: event.startDate.zone?.tzid ?? "none",
      localStart: event.startDate.toString(),
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
      dtstamp: text0(component, "dtstamp") ?? "",
    };
  });
  return {
    name: text0(root, "x-wr-calname"),
    rfc7986Name: text0(root, "name"),
    prodId: text0(root, "prodid"),
    method: text0(root, "method"),
    ttl: text0(root, "x-published-ttl"),
    timezoneIds: zones.map((zone) => String(zone.getFirstPropertyValue("tzid"))),
    events,
  };
}
