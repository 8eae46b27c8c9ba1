// "My day": a walker's visits of today and tomorrow in time order, each with what the phone needs
// to act on it (its ETag for one-round-trip edits), and the visits that need attention first:
// a start that has passed without a check-in, and two of the walker's own visits that overlap.
// Unassigned visits are not offered: a walker neither sees nor takes them (lib/auth/policy.ts,
// `seesBooking` / `assertMayAssign`), so "Take it" is the owner's job on the schedule.
import { DateTime } from "luxon";
import { cachedStatement, toDb, type Sqlite } from "@/lib/db/sqlite";
import { getBooking, type StoredBooking } from "@/lib/bookings/stored";
import { bookingEtag } from "@/lib/bookings/edits";

export type AttentionKind = "late" | "conflict";

export interface MyDayVisit {
  id: number;
  startAt: string;
  endAt: string;
  title: string;
  /** The service as people say it ("Dog walk 60 min"), the client's name left off. */
  service: string;
  clientStripeId: string | null;
  clientName: string | null;
  status: string;
  checkInAt: string | null;
  checkOutAt: string | null;
  notes: string | null;
  etag: string;
  attention: { kind: AttentionKind; message: string }[];
}

export interface MyDayList {
  /** Local date (yyyy-MM-dd). */
  date: string;
  visits: MyDayVisit[];
}

export interface MyDay {
  today: MyDayList;
  tomorrow: MyDayList;
}

const LIVE = new Set(["scheduled", "held"]);

/** A derived title is "<service> — <client>" (lib/bookings/derive.ts): the client is shown apart. */
function serviceOf(title: string, client: string | null): string {
  const suffix = client ? ` — ${client}` : null;
  return suffix && title.endsWith(suffix) && title.length > suffix.length
    ? title.slice(0, -suffix.length)
    : title;
}

function dayRange(date: DateTime): { from: Date; to: Date } {
  return { from: date.startOf("day").toJSDate(), to: date.startOf("day").plus({ days: 1 }).toJSDate() };
}

/** The visits needing attention at `now`, by visit id; pure. */
export function attentionOf(
  visits: Pick<StoredBooking, "id" | "startAt" | "endAt" | "status" | "checkInAt">[],
  now: Date,
  time: (at: Date) => string,
): Map<number, MyDayVisit["attention"]> {
  const out = new Map<number, MyDayVisit["attention"]>();
  const add = (id: number, item: MyDayVisit["attention"][number]) =>
    out.set(id, [...(out.get(id) ?? []), item]);
  for (const v of visits) {
    if (LIVE.has(v.status) && !v.checkInAt && v.startAt <= now) {
      add(v.id, { kind: "late", message: `Late: was due at ${time(v.startAt)}, not started` });
    }
  }
  const live = visits.filter((v) => v.status !== "cancelled");
  for (const [i, a] of live.entries()) {
    for (const b of live.slice(i + 1)) {
      if (a.startAt < b.endAt && b.startAt < a.endAt) {
        add(a.id, { kind: "conflict", message: `Overlaps your visit at ${time(b.startAt)}` });
        add(b.id, { kind: "conflict", message: `Overlaps your visit at ${time(a.startAt)}` });
      }
    }
  }
  return out;
}

function visitsOf(db: Sqlite, staffId: number, range: { from: Date; to: Date }): StoredBooking[] {
  // The (staffId, startAt) index: a walker's day costs the same however big the business is.
  const ids = cachedStatement(
    db,
    `SELECT id FROM Booking WHERE staffId = ? AND startAt >= ? AND startAt < ? AND status != 'cancelled'
     ORDER BY startAt, id`,
  ).all(staffId, toDb(range.from), toDb(range.to)) as { id: number }[];
  return ids.map((row) => getBooking(db, row.id)).filter((b): b is StoredBooking => b !== null);
}

function clientNamesOf(db: Sqlite, ids: string[]): Map<string, string | null> {
  if (ids.length === 0) return new Map();
  const rows = db
    .prepare(`SELECT stripeId, name FROM Client WHERE stripeId IN (${ids.map(() => "?").join(",")})`)
    .all(...ids) as { stripeId: string; name: string | null }[];
  return new Map(rows.map((r) => [r.stripeId, r.name]));
}

/** Today's and tomorrow's visits of walker `staffId` (local days of `zone`), in time order, attention first. */
export function myDay(db: Sqlite, input: { staffId: number; zone: string; now: Date }): MyDay {
  const { staffId, zone, now } = input;
  const today = DateTime.fromJSDate(now, { zone });
  const time = (at: Date) => DateTime.fromJSDate(at, { zone }).toFormat("HH:mm");
  const lists = [today, today.plus({ days: 1 })].map((day) => ({
    date: day.toISODate() ?? "",
    rows: visitsOf(db, staffId, dayRange(day)),
  }));
  const clientIds = [
    ...new Set(lists.flatMap((l) => l.rows.map((b) => b.clientStripeId).filter((c): c is string => !!c))),
  ];
  const names = clientNamesOf(db, clientIds);
  const shape = (rows: StoredBooking[], attention: Map<number, MyDayVisit["attention"]>): MyDayVisit[] => {
    const visits = rows.map((b) => {
      const clientName = b.clientStripeId ? (names.get(b.clientStripeId) ?? null) : null;
      return {
        id: b.id,
        startAt: b.startAt.toISOString(),
        endAt: b.endAt.toISOString(),
        title: b.title,
        service: serviceOf(b.title, clientName ?? b.clientStripeId),
        clientStripeId: b.clientStripeId,
        clientName,
        status: b.status,
        checkInAt: b.checkInAt?.toISOString() ?? null,
        checkOutAt: b.checkOutAt?.toISOString() ?? null,
        notes: b.notes,
        etag: bookingEtag(b),
        attention: attention.get(b.id) ?? [],
      };
    });
    // Attention first (stable: each group keeps time order).
    return [...visits.filter((v) => v.attention.length > 0), ...visits.filter((v) => !v.attention.length)];
  };
  const [first, second] = lists as [(typeof lists)[0], (typeof lists)[0]];
  return {
    today: { date: first.date, visits: shape(first.rows, attentionOf(first.rows, now, time)) },
    // Tomorrow nothing is late yet; overlaps are worth knowing the day before.
    tomorrow: {
      date: second.date,
      visits: shape(second.rows, attentionOf(second.rows, new Date(0), time)),
    },
  };
}
