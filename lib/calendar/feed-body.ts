// Building a feed's text. A full build reads one stamp per booking and takes every unchanged
// event from the rendered-event cache (lib/calendar/event-cache.ts). A rebuild after a few
// bookings changed patches the previous build instead: it reads only the rows written since
// (the covering index on startAt, updatedAt finds them), renders those, and checks the result
// against the feed's version (count, sum of sequences) — any doubt falls back to a full build.
import { calendarParts, listsBooking, type Audience, type CancelledPolicy } from "@/lib/calendar/ics";
import { feedEvents, type RenderedRow } from "@/lib/calendar/event-cache";
import {
  type BookingFilter,
  type BookingsVersion,
  type CalendarBooking,
  calendarStamps,
  type FeedWindow,
  loadCalendarBookingsById,
  loadCalendarBookingsWrittenSince,
  stampOf,
} from "@/lib/calendar/query";
import type { Sqlite } from "@/lib/db/sqlite";

export interface FeedBodyInput {
  name: string;
  timeZone: string;
  publicUrl: string;
  filter: BookingFilter;
  window: FeedWindow;
  version: BookingsVersion;
  /** Who reads the feed (its scope): decides what each event says. */
  audience: Audience;
  /** Which cancelled bookings are listed (kept for a while, then left out). */
  cancelled: CancelledPolicy;
  /** What a rendered event depends on besides its booking row (must include the audience). */
  context: string;
}

interface Entry {
  id: number;
  startAt: number;
  key: string;
  sequence: number;
  cancelledAt: number | null;
  text: string;
}

interface Built {
  /** Everything the build depended on besides the booking rows. */
  basis: string;
  version: BookingsVersion;
  names: string;
  entries: Entry[];
}

/** The last build of each feed shape (database, filter, window day, context, name). */
const builds = ((globalThis as { feedBuilds?: Map<string, Built> }).feedBuilds ??= new Map());
const MAX_BUILDS = 64;

function compare(a: { startAt: number; key: string }, b: { startAt: number; key: string }): number {
  return a.startAt - b.startAt || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** First index whose entry sorts at or after `probe`. */
function lowerBound(entries: Entry[], probe: { startAt: number; key: string }): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compare(entries[mid] as Entry, probe) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A fingerprint of the client and staff names events show (they change no booking row). */
function namesVersion(db: Sqlite): string {
  const row = db
    .prepare(
      `SELECT (SELECT max(appliedAt) || ':' || count(*) FROM Client) AS clients,
              (SELECT group_concat(id || '=' || name, ',') FROM Staff) AS staff`,
    )
    .get() as { clients: string | null; staff: string | null };
  return `${row.clients ?? ""}|${row.staff ?? ""}`;
}

/** Forgets every previous build (a restart; tests and benchmarks). */
export function clearFeedBuilds(): void {
  builds.clear();
}

/** The feed's text, patched from its previous build when only some bookings changed. */
export function feedBody(db: Sqlite, input: FeedBodyInput, rendered: RenderedRow[]): string {
  const parts = calendarParts({
    name: input.name,
    timeZone: input.timeZone,
    publicUrl: input.publicUrl,
    audience: input.audience,
  });
  const basis = JSON.stringify([db.name, input.filter, input.window.day, input.context, input.name]);
  const names = namesVersion(db);
  const previous = builds.get(basis);
  const entries =
    (previous && previous.names === names && patch(db, input, previous, parts.render, rendered)) ||
    fullBuild(db, input, parts.render, rendered);
  builds.delete(basis);
  if (builds.size >= MAX_BUILDS) builds.clear();
  builds.set(basis, { basis, version: input.version, names, entries });
  let body = parts.head;
  // Entries keep every booking (the version check counts them); old cancellations are left out here.
  for (const entry of entries) if (listed(entry, input.cancelled)) body += entry.text;
  return body + parts.tail;
}

function listed(entry: Entry, policy: CancelledPolicy): boolean {
  return listsBooking(
    {
      status: entry.cancelledAt === null ? "scheduled" : "cancelled",
      updatedAt: new Date(entry.cancelledAt ?? 0),
    },
    policy,
  );
}

function toEntry(booking: CalendarBooking, text: string): Entry {
  return {
    id: booking.id,
    startAt: booking.startAt.getTime(),
    key: booking.bookingKey,
    sequence: booking.sequence,
    cancelledAt: booking.status === "cancelled" ? booking.updatedAt.getTime() : null,
    text,
  };
}

function fullBuild(
  db: Sqlite,
  input: FeedBodyInput,
  render: (booking: CalendarBooking) => string,
  rendered: RenderedRow[],
): Entry[] {
  const stamps = calendarStamps(db, input.filter, input.window);
  const events = feedEvents(db, input.context, stamps, (ids) => loadCalendarBookingsById(db, ids), render);
  rendered.push(...events.rendered);
  return stamps.map((stamp, index) => ({
    id: stamp.id,
    startAt: stamp.startAt,
    key: stamp.key,
    sequence: stamp.sequence,
    cancelledAt: stamp.cancelledAt,
    text: events.texts[index] ?? "",
  }));
}

/** The previous build with the rows written since applied; null when it cannot be trusted. */
function patch(
  db: Sqlite,
  input: FeedBodyInput,
  previous: Built,
  render: (booking: CalendarBooking) => string,
  rendered: RenderedRow[],
): Entry[] | null {
  const since = previous.version.maxUpdatedAt;
  if (since === null || input.version.maxUpdatedAt === null || input.version.maxUpdatedAt < since)
    return null;
  const written = loadCalendarBookingsWrittenSince(db, input.filter, input.window, since);
  // A large change is as cheap to build in full (and a full build re-checks every stamp).
  if (written.length > 500) return null;
  const entries = [...previous.entries];
  const byId = new Map(previous.entries.map((entry) => [entry.id, entry]));
  const stamps = written.map((booking) => ({ id: booking.id, ...stampOf(booking) }));
  const events = feedEvents(db, input.context, stamps, () => written, render);
  for (const [index, booking] of written.entries()) {
    const old = byId.get(booking.id);
    if (old) {
      const at = lowerBound(entries, old);
      if (entries[at]?.id !== booking.id) return null;
      entries.splice(at, 1);
    }
    const entry = toEntry(booking, events.texts[index] ?? "");
    entries.splice(lowerBound(entries, entry), 0, entry);
  }
  // Rows that left the window or were deleted are not among those written: the version
  // (count, sum of sequences) tells whether the patched list is the feed.
  let sequenceSum = 0;
  for (const entry of entries) sequenceSum += entry.sequence;
  if (entries.length !== input.version.count || sequenceSum !== input.version.sequenceSum) return null;
  rendered.push(...events.rendered);
  return entries;
}
