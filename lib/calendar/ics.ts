// Bookings → iCalendar text. The output depends on the bookings and the options only (never
// on the clock), so unchanged data gives byte-identical text and a stable ETag.
import ical, {
  ICalEvent,
  ICalCalendarMethod,
  ICalEventStatus,
  ICalEventTransparency,
  type ICalCalendar,
} from "ical-generator";
import { DateTime } from "luxon";
import { tzlib_get_ical_block } from "timezones-ical-library";
import { foldLines } from "@/lib/calendar/fold";
import { icsText, textProperty } from "@/lib/calendar/text";
import type { CalendarBooking } from "@/lib/calendar/query";
import type { BookingStatus } from "@/lib/bookings/types";

export const PRODUCT_ID = "-//Stripe Bookings//EN";
export const UID_DOMAIN = "stripe-bookings";
/**
 * The shape of the rendered text: part of every feed's ETag and of the rendered-event cache's
 * context, so a change here (bump it) never serves or reuses text rendered the old way.
 */
export const ICS_FORMAT = "ics-3";
/** How often subscribers should refetch, in seconds (REFRESH-INTERVAL / X-PUBLISHED-TTL). */
export const REFRESH_SECONDS = 15 * 60;

export interface BuildCalendarInput {
  /** X-WR-CALNAME / NAME. */
  name: string;
  /** IANA zone the events are written in; unknown zones fall back to UTC. */
  timeZone: string;
  bookings: readonly CalendarBooking[];
  /** Base URL for each event's link back to the app; null leaves the links out. */
  publicUrl: string | null;
  /** Accepted for callers' convenience but never written: the output must not depend on the clock. */
  now?: Date;
  /** Who reads the calendar (the feed's scope); decides what each event says. Default "business". */
  audience?: Audience;
  /** Which cancelled bookings are listed. Default: all of them. */
  cancelled?: CancelledPolicy;
}

/**
 * Business and staff calendars are working tools: client, staff, status reason, Stripe source,
 * a link to the staff screen. A client's calendar shows their visits only: time, service, the
 * walker's first name once assigned, and a plain-language status.
 */
export type Audience = "business" | "staff" | "client";

/**
 * Cancelled events stay in a feed long enough for subscribed calendars to remove them
 * (`since`: cancelled at or after that instant — the booking's last change), then drop out.
 * Exports leave them out unless asked.
 */
export type CancelledPolicy = { keep: "all" } | { keep: "none" } | { keep: "since"; since: Date };

/** Whether a calendar with this policy lists the booking. */
export function listsBooking(
  booking: Pick<CalendarBooking, "status" | "updatedAt">,
  policy: CancelledPolicy,
): boolean {
  if (booking.status !== "cancelled" || policy.keep === "all") return true;
  return policy.keep === "since" && booking.updatedAt.getTime() >= policy.since.getTime();
}

interface ZoneBlock {
  tzid: string;
  vtimezone: string;
}

const zoneCache = new Map<string, ZoneBlock | null>();

// The library writes Etc/UTC for "UTC"; UTC itself is written as plain `Z` times, which every
// client understands without a VTIMEZONE.
function zoneBlock(timeZone: string): ZoneBlock | null {
  if (!zoneCache.has(timeZone)) {
    const block = tzlib_get_ical_block(timeZone);
    const [vtimezone, tzidLine] = Array.isArray(block) ? block : [];
    const tzid = tzidLine?.replace(/^TZID=/, "");
    const usable = vtimezone && tzid && !/^(Etc\/)?(UTC|GMT|UCT|Zulu|Universal)$/.test(tzid);
    zoneCache.set(timeZone, usable ? { tzid, vtimezone } : null);
  }
  return zoneCache.get(timeZone) ?? null;
}

/** The VTIMEZONE block (CRLF lines) the library knows for a zone, or null for UTC and unknown zones. */
export function vtimezoneFor(timeZone: string): string | null {
  return zoneBlock(timeZone)?.vtimezone ?? null;
}

/** A UID that is the same for the same booking key and different for different keys. */
export function bookingUid(bookingKey: string): string {
  // Percent-encoding keeps the mapping one-to-one while leaving only characters that need
  // no escaping in a TEXT value (ical-generator writes UID unescaped).
  const safe = Array.from(new TextEncoder().encode(bookingKey), (byte) => {
    const char = String.fromCharCode(byte);
    return /[A-Za-z0-9._~:-]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }).join("");
  return `${safe}@${UID_DOMAIN}`;
}

const statusMap: Record<BookingStatus, ICalEventStatus> = {
  scheduled: ICalEventStatus.CONFIRMED,
  completed: ICalEventStatus.CONFIRMED,
  no_show: ICalEventStatus.CONFIRMED,
  held: ICalEventStatus.TENTATIVE,
  cancelled: ICalEventStatus.CANCELLED,
};

const statusWords: Record<BookingStatus, string> = {
  scheduled: "Scheduled",
  completed: "Completed",
  no_show: "No-show",
  held: "On hold",
  cancelled: "Cancelled",
};

/** What a client reads for each status (reasons stay on the staff side). */
const clientStatusWords: Record<BookingStatus, string> = {
  scheduled: "Booked",
  completed: "Done",
  no_show: "Missed",
  held: "On hold until the payment goes through",
  cancelled: "Cancelled",
};

function clientLabel(booking: CalendarBooking): string | null {
  return booking.clientName || booking.clientEmail || null;
}

/**
 * The service name: a derived booking's title already ends with " — <client>" (see
 * lib/bookings/derive.ts); that suffix is dropped so the client is named once.
 */
export function serviceName(booking: CalendarBooking): string {
  for (const who of [booking.clientName, booking.clientEmail, booking.clientStripeId]) {
    if (who && booking.title.endsWith(` — ${who}`) && booking.title.length > who.length + 3) {
      return booking.title.slice(0, -(who.length + 3));
    }
  }
  return booking.title;
}

function firstName(name: string | null): string | null {
  return name?.trim().split(/\s+/)[0] || null;
}

/**
 * Business/staff: "Weekly Walk (1h) — Jane Doe". Client: "Weekly Walk (1h) with Sam" (the
 * walker once assigned). Prefixed "Cancelled: " when cancelled.
 */
export function eventSummary(booking: CalendarBooking, audience: Audience = "business"): string {
  const service = serviceName(booking);
  let summary: string;
  if (audience === "client") {
    const walker = firstName(booking.staffName);
    summary = walker ? `${service} with ${walker}` : service;
  } else {
    const client = clientLabel(booking);
    summary = client ? `${service} — ${client}` : service;
  }
  // Outlook and some phone apps show STATUS:CANCELLED events like any other.
  return icsText(booking.status === "cancelled" ? `Cancelled: ${summary}` : summary);
}

/** Business/staff: service, client, staff, status (with reason) and source. Client: service, walker, status. */
export function eventDescription(booking: CalendarBooking, audience: Audience = "business"): string {
  if (audience === "client") {
    const walker = firstName(booking.staffName);
    const lines = [
      `Service: ${serviceName(booking)}`,
      ...(walker ? [`Walker: ${walker}`] : []),
      `Status: ${clientStatusWords[booking.status]}`,
    ];
    return icsText(lines.join("\n"));
  }
  const status = booking.statusReason
    ? `${statusWords[booking.status]} (${booking.statusReason})`
    : statusWords[booking.status];
  const source = booking.sourceId ? `${booking.sourceKind} ${booking.sourceId}` : booking.sourceKind;
  const lines = [
    `Service: ${serviceName(booking)} [${booking.serviceCode}]`,
    `Client: ${clientLabel(booking) ?? "—"}`,
    `Staff: ${booking.staffName ?? "Unassigned"}`,
    `Status: ${status}`,
    `Source: ${source}`,
  ];
  return icsText(lines.join("\n"));
}

function byStartThenKey(a: CalendarBooking, b: CalendarBooking): number {
  return (
    a.startAt.getTime() - b.startAt.getTime() ||
    (a.bookingKey < b.bookingKey ? -1 : a.bookingKey > b.bookingKey ? 1 : 0)
  );
}

/**
 * Rendered VEVENTs by everything they are made of. A feed changes a few bookings at a time, so
 * a rebuild renders only those; ical-generator's per-event cost dominates a 20,000-event feed.
 */
const eventCache = ((globalThis as { icsEvents?: Map<string, string> }).icsEvents ??= new Map());
const EVENT_CACHE_LIMIT = 200_000;

function renderEvent(
  booking: CalendarBooking,
  calendar: ICalCalendar,
  zone: ZoneBlock | null,
  baseUrl: string | null,
  audience: Audience,
): string {
  const key = JSON.stringify([booking, zone?.tzid ?? null, baseUrl, audience]);
  const hit = eventCache.get(key);
  if (hit !== undefined) return hit;
  const at = (date: Date) => (zone ? DateTime.fromJSDate(date, { zone: zone.tzid }) : date);
  const event = new ICalEvent(
    {
      id: bookingUid(booking.bookingKey),
      sequence: booking.sequence,
      stamp: booking.updatedAt,
      lastModified: booking.updatedAt,
      start: at(booking.startAt),
      end: at(booking.endAt),
      timezone: zone?.tzid ?? null,
      // Written below by textProperty, like every text of a feed (the library would leave its
      // SUMMARY line empty and no DESCRIPTION).
      summary: "",
      // The staff screen is no use (and no business) to a client.
      url: baseUrl && audience !== "client" ? `${baseUrl}/bookings/${booking.id}` : null,
      status: statusMap[booking.status],
      // A cancelled visit must not block the time in free/busy views.
      transparency:
        booking.status === "cancelled" ? ICalEventTransparency.TRANSPARENT : ICalEventTransparency.OPAQUE,
    },
    calendar,
  );
  const text = withTextProperties(foldLines(event.toString()), [
    textProperty("SUMMARY", eventSummary(booking, audience)),
    textProperty("DESCRIPTION", eventDescription(booking, audience)),
  ]);
  if (eventCache.size >= EVENT_CACHE_LIMIT) eventCache.clear();
  eventCache.set(key, text);
  return text;
}

/** Puts `lines` where the library wrote the empty SUMMARY (exactly once per event). */
function withTextProperties(event: string, lines: string[]): string {
  const at = event.indexOf(EMPTY_SUMMARY);
  if (at < 0 || event.indexOf(EMPTY_SUMMARY, at + 1) >= 0) throw new Error("unexpected event layout");
  return event.slice(0, at + 2) + lines.join("") + event.slice(at + EMPTY_SUMMARY.length);
}
const EMPTY_SUMMARY = "\r\nSUMMARY:\r\n";

export interface CalendarParts {
  /** Everything before the first VEVENT (the envelope and the zone's VTIMEZONE). */
  head: string;
  /** What follows the last VEVENT. */
  tail: string;
  /** One booking's VEVENT (folded CRLF lines), cached by everything it is made of. */
  render(booking: CalendarBooking): string;
}

/** The envelope of a calendar and a renderer of its events; head + events + tail is the whole text. */
export function calendarParts(input: Omit<BuildCalendarInput, "bookings">): CalendarParts {
  const zone = zoneBlock(input.timeZone);
  const baseUrl = input.publicUrl?.replace(/\/+$/, "") ?? null;
  // name: null keeps the calendar itself zone-less, so DTSTAMP and LAST-MODIFIED stay in UTC as
  // RFC 5545 requires; events carry the TZID and the envelope gets the zone's one VTIMEZONE.
  const calendar = ical({
    // NAME / X-WR-CALNAME are written below: the library writes the name unescaped.
    // ical-generator prepends the leading "-" itself.
    prodId: PRODUCT_ID.slice(1),
    method: ICalCalendarMethod.PUBLISH,
    ttl: REFRESH_SECONDS,
  });
  const envelope = calendar.toString();
  const end = envelope.lastIndexOf("END:VCALENDAR");
  const method = "METHOD:PUBLISH\r\n";
  const afterMethod = envelope.indexOf(method) + method.length;
  if (afterMethod < method.length) throw new Error("unexpected calendar layout");
  const names = textProperty("NAME", input.name) + textProperty("X-WR-CALNAME", input.name);
  const head =
    envelope.slice(0, afterMethod) +
    names +
    envelope.slice(afterMethod, end) +
    (zone ? `${zone.vtimezone.replace(/\r?\n/g, "\r\n").trim()}\r\n` : "");
  return {
    head,
    // RFC 5545 ends every content line, the last included, with CRLF.
    tail: "END:VCALENDAR\r\n",
    render: (booking) => renderEvent(booking, calendar, zone, baseUrl, input.audience ?? "business"),
  };
}

/** One VEVENT per booking, times in the business zone with its VTIMEZONE; same input → byte-identical text. */
export function buildCalendar(input: BuildCalendarInput): string {
  const parts = calendarParts(input);
  const cancelled = input.cancelled ?? { keep: "all" };
  const events = [...input.bookings]
    .sort(byStartThenKey)
    .filter((booking) => listsBooking(booking, cancelled))
    .map(parts.render);
  return parts.head + events.join("") + parts.tail;
}

/** Forgets every rendered event (benchmarks measure a cold build with it). */
export function clearEventCache(): void {
  eventCache.clear();
}

/** The slug of a name: ASCII letters and digits joined by dashes, lower case. */
function slug(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "") // accents: "Ü" → "U", not "U-"
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .toLowerCase();
}

/**
 * An export's file name: `<business>-<who>-<from>-to-<to>.ics`. Only the business name is
 * shortened (to 30 characters); the dates and the staff/client filter are always whole.
 */
export function exportFileName(parts: {
  businessName: string;
  who?: string | null;
  from: string;
  to: string;
}): string {
  const business = slug(parts.businessName).slice(0, 30).replace(/-+$/, "") || "calendar";
  const who = parts.who ? slug(parts.who).slice(0, 40).replace(/-+$/, "") : "";
  return `${[business, who, parts.from, "to", parts.to].filter(Boolean).join("-")}.ics`;
}
