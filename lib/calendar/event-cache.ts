// Rendered VEVENTs, kept in memory and in the RenderedEvent table, by booking id and a stamp of
// everything the event is made of (lib/calendar/query.ts calendarStamps). ical-generator costs
// ~50 µs an event, so a 20,000-event feed would take a second to render; with this cache a
// change renders only the bookings whose stamp moved, and the first poll after a restart reads
// the rendered text back instead of rendering every event again.
import type { Sqlite } from "@/lib/db/sqlite";
import { log } from "@/lib/log";
import type { CalendarBooking, EventStamp } from "@/lib/calendar/query";
import { ICS_FORMAT } from "@/lib/calendar/ics";

/** How every current context begins (lib/calendar/feed.ts renderContext: a JSON array). */
const FORMAT_PREFIX = JSON.stringify([ICS_FORMAT]).slice(0, -1) + ",";

interface Entry {
  stamp: string;
  text: string;
}

/** Rendered events per render context (time zone, link base, format: whatever changes the text). */
const memory = ((globalThis as { renderedEvents?: Map<string, Map<number, Entry>> }).renderedEvents ??=
  new Map());
const MEMORY_LIMIT = 400_000;
/** Set when a context is read from the table: the next write also drops events of deleted bookings. */
const prune = ((globalThis as { renderedPrune?: { due: boolean } }).renderedPrune ??= { due: true });

export interface RenderedRow {
  context: string;
  bookingId: number;
  stamp: string;
  text: string;
}

export interface FeedEvents {
  /** The events' text, in the order of the stamps. */
  texts: string[];
  /** Events rendered now: to be written to the table after the read (see persistRendered). */
  rendered: RenderedRow[];
}

function entriesFor(db: Sqlite, context: string): Map<number, Entry> {
  let entries = memory.get(context);
  if (entries) return entries;
  entries = new Map();
  const rows = db
    .prepare("SELECT bookingId, stamp, text FROM RenderedEvent WHERE context = ?")
    .raw()
    .all(context) as [number, string, string][];
  for (const [bookingId, stamp, text] of rows) entries.set(bookingId, { stamp, text });
  prune.due = true;
  if (size() + entries.size > MEMORY_LIMIT) memory.clear();
  memory.set(context, entries);
  return entries;
}

function size(): number {
  let n = 0;
  for (const entries of memory.values()) n += entries.size;
  return n;
}

/**
 * The text of each stamped booking: from memory or the table when its stamp is unchanged, else
 * rendered (`load` gives the rows of the missing ids, `render` one event).
 */
export function feedEvents(
  db: Sqlite,
  context: string,
  stamps: readonly EventStamp[],
  load: (ids: number[]) => CalendarBooking[],
  render: (booking: CalendarBooking) => string,
): FeedEvents {
  const entries = entriesFor(db, context);
  const texts: string[] = new Array<string>(stamps.length);
  const missing = new Map<number, number>();
  stamps.forEach(({ id, stamp }, index) => {
    const hit = entries.get(id);
    if (hit && hit.stamp === stamp) texts[index] = hit.text;
    else missing.set(id, index);
  });
  const rendered: RenderedRow[] = [];
  if (missing.size) {
    for (const booking of load([...missing.keys()])) {
      const index = missing.get(booking.id);
      const stamp = index === undefined ? undefined : stamps[index]?.stamp;
      if (index === undefined || stamp === undefined) continue;
      const text = render(booking);
      texts[index] = text;
      entries.set(booking.id, { stamp, text });
      rendered.push({ context, bookingId: booking.id, stamp, text });
    }
    if (rendered.length !== missing.size) throw new Error("a booking of the feed vanished while it was read");
  }
  return { texts, rendered };
}

/**
 * Writes freshly rendered events to the table, in its own short transaction after the feed's
 * read. Best effort: a busy database only means the next cold start renders them again.
 */
export function persistRendered(db: Sqlite, rows: readonly RenderedRow[]): void {
  if (rows.length === 0) return;
  try {
    const upsert = db.prepare(
      `INSERT INTO RenderedEvent (context, bookingId, stamp, text) VALUES (?, ?, ?, ?)
       ON CONFLICT(context, bookingId) DO UPDATE SET stamp = excluded.stamp, text = excluded.text`,
    );
    db.transaction(() => {
      // Events of deleted bookings, and events rendered in an older format (never read again:
      // the format is part of every context): dropped once per process start, not on every change.
      if (prune.due) {
        db.prepare("DELETE FROM RenderedEvent WHERE bookingId NOT IN (SELECT id FROM Booking)").run();
        db.prepare("DELETE FROM RenderedEvent WHERE substr(context, 1, ?) <> ?").run(
          FORMAT_PREFIX.length,
          FORMAT_PREFIX,
        );
      }
      for (const row of rows) upsert.run(row.context, row.bookingId, row.stamp, row.text);
    }).immediate();
    prune.due = false;
  } catch (error) {
    log.warn({ err: error, events: rows.length }, "rendered events not persisted");
  }
}

/** Forgets rendered events in memory (a restart), and in the table too when `db` is given. */
export function clearRenderedEvents(db?: Sqlite): void {
  memory.clear();
  db?.prepare("DELETE FROM RenderedEvent").run();
}
