// The changes feed: what changed in the caller's scope since a cursor (docs/API.md, "Changes
// feed and stream"). ChangeLog holds one row per item at its latest `seq`; ChangeScope records
// when an item entered or left a walker's scope. A page covers the sequence range (after, bound]:
// every item whose row, or (for a walker) whose departure from the scope, lies in it, as it is now.
//
// Why replaying from any cursor ends at the server's state: after a page ending at `bound`,
// each item the phone holds is as it was at some seq ≥ bound, or it has changed after bound
// (its row is later, so a later page brings it) and it has not left the scope in between (a
// departure is itself an entry of the range). An item not in scope now gets
// `remove` (`delete` when it no longer exists) when it was in scope at `after` or entered it
// since — the phone may hold it —, and nothing otherwise. Items never in the walker's scope are
// never named. The first page (no cursor) holds only upserts: an empty phone has nothing to drop.
import type { z } from "zod";
import type { Sqlite } from "@/lib/db/sqlite";
import { apiBookingsById } from "@/lib/api/v1/bookings";
import { decodeCursor, encodeCursor } from "@/lib/api/v1/cursor";
import type { changeSchema, changesPageSchema } from "@/lib/api/v1/changes-schemas";

export type Change = z.infer<typeof changeSchema>;
export type ChangesPage = z.infer<typeof changesPageSchema>;
type Entity = "booking" | "client";

interface Entry {
  seq: number;
  entity: Entity;
  entityId: number;
  ref: string | null;
}

interface ClientRow {
  id: number;
  stripeId: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  deleted: number;
}

/** The range of the page: entries in seq order, at most `limit` items, cut where a list was truncated. */
function pageEntries(db: Sqlite, after: number, limit: number, staff: number | null) {
  const fetch = limit + 1;
  const heads = (
    staff === null
      ? db
          .prepare("SELECT seq, entity, entityId, ref FROM ChangeLog WHERE seq > ? ORDER BY seq LIMIT ?")
          .all(after, fetch)
      : db
          .prepare(
            `SELECT h.seq, h.entity, h.entityId, h.ref FROM ChangeLog h WHERE h.seq > @after AND EXISTS
               (SELECT 1 FROM ChangeScope s WHERE s.staffId = @staff AND s.entity = h.entity AND s.entityId = h.entityId)
             ORDER BY h.seq LIMIT @fetch`,
          )
          .all({ after, staff, fetch })
  ) as Entry[];
  // Departures from the walker's scope: an item that left may have moved on since (its row is
  // later than this page) while the phone still holds it. A booking's arrival moves its row (the
  // reassignment is an edit), a client's does not (its bookings changed, not the client), so
  // client arrivals are entries too. A first sync needs neither: the phone holds nothing.
  const moves = (
    staff === null || after === 0
      ? []
      : db
          .prepare(
            `SELECT seq, entity, entityId, NULL AS ref FROM ChangeScope WHERE staffId = ? AND seq > ? AND (inScope = 0 OR entity = 'client')
             ORDER BY seq LIMIT ?`,
          )
          .all(staff, after, fetch)
  ) as Entry[];
  const truncated = [heads, moves].filter((list) => list.length === fetch);
  const cap = Math.min(...truncated.map((list) => list.at(-1)!.seq));
  // Entries sharing a seq (one trigger's scope rows) go in the same page: the cursor is a seq.
  const groups = new Map<number, Entry[]>();
  for (const entry of [...heads, ...moves].sort((a, b) => a.seq - b.seq)) {
    if (entry.seq > cap) break;
    groups.set(entry.seq, [...(groups.get(entry.seq) ?? []), entry]);
  }
  const items = new Map<string, Entry>();
  let bound = after;
  let stopped = false;
  for (const [seq, group] of groups) {
    const fresh = new Set(group.map((e) => `${e.entity}:${e.entityId}`).filter((key) => !items.has(key)));
    if (items.size > 0 && items.size + fresh.size > limit) {
      stopped = true;
      break;
    }
    for (const entry of group) {
      const key = `${entry.entity}:${entry.entityId}`;
      const known = items.get(key);
      items.set(key, { ...entry, ref: entry.ref ?? known?.ref ?? null });
    }
    bound = seq;
  }
  return { items: [...items.values()], bound, hasMore: stopped || truncated.length > 0 };
}

/** Was the item in the walker's scope at `after`, or did it enter it since? */
function mayHold(db: Sqlite, staff: number, entry: Entry, after: number): boolean {
  const args = { staff, entity: entry.entity, id: entry.entityId, after };
  const atCursor = db
    .prepare(
      `SELECT inScope FROM ChangeScope WHERE staffId = @staff AND entity = @entity AND entityId = @id AND seq <= @after
       ORDER BY seq DESC LIMIT 1`,
    )
    .get(args) as { inScope: number } | undefined;
  if (atCursor?.inScope === 1) return true;
  return (
    db
      .prepare(
        `SELECT 1 FROM ChangeScope WHERE staffId = @staff AND entity = @entity AND entityId = @id AND seq > @after
           AND inScope = 1 LIMIT 1`,
      )
      .get(args) !== undefined
  );
}

/** The Stripe id of a client whose row is gone, as its log row kept it. */
function goneClientRef(db: Sqlite, entityId: number): string {
  const row = db
    .prepare("SELECT ref FROM ChangeLog WHERE entity = 'client' AND entityId = ?")
    .get(entityId) as { ref: string | null } | undefined;
  return row?.ref ?? String(entityId);
}

function loadClients(db: Sqlite, ids: number[]): Map<number, ClientRow> {
  if (ids.length === 0) return new Map();
  const rows = db
    .prepare(
      "SELECT id, stripeId, name, email, phone, deleted FROM Client WHERE id IN (SELECT value FROM json_each(?))",
    )
    .all(JSON.stringify(ids)) as ClientRow[];
  return new Map(rows.map((row) => [row.id, row]));
}

/** Of these clients (Stripe ids), the ones the walker has bookings with now. */
function walkerClients(db: Sqlite, staff: number, stripeIds: string[]): Set<string> {
  if (stripeIds.length === 0) return new Set();
  const rows = db
    .prepare(
      `SELECT DISTINCT clientStripeId AS id FROM Booking WHERE staffId = ?
         AND clientStripeId IN (SELECT value FROM json_each(?))`,
    )
    .all(staff, JSON.stringify(stripeIds)) as { id: string }[];
  return new Set(rows.map((row) => row.id));
}

function decide(db: Sqlite, entries: Entry[], after: number, staff: number | null): Change[] {
  const bookings = apiBookingsById(
    db,
    entries.filter((e) => e.entity === "booking").map((e) => e.entityId),
  );
  const clients = loadClients(
    db,
    entries.filter((e) => e.entity === "client").map((e) => e.entityId),
  );
  const mine =
    staff === null
      ? null
      : walkerClients(
          db,
          staff,
          [...clients.values()].map((c) => c.stripeId),
        );
  const changes: Change[] = [];
  for (const entry of entries) {
    const base = { seq: entry.seq, entity: entry.entity };
    if (entry.entity === "booking") {
      const booking = bookings.get(entry.entityId);
      const id = String(entry.entityId);
      if (booking && (staff === null || booking.staffId === staff)) {
        changes.push({ ...base, id, op: "upsert", booking });
      } else if (after > 0 && (staff === null || mayHold(db, staff, entry, after))) {
        changes.push({ ...base, id, op: booking ? "remove" : "delete" });
      }
      continue;
    }
    const client = clients.get(entry.entityId);
    const id = client?.stripeId ?? entry.ref ?? goneClientRef(db, entry.entityId);
    const live = client !== undefined && client.deleted === 0;
    if (live && (mine === null || mine.has(client.stripeId))) {
      const { stripeId, name, email, phone } = client;
      changes.push({ ...base, id, op: "upsert", client: { id: stripeId, name, email, phone } });
    } else if (after > 0 && (staff === null || mayHold(db, staff, entry, after))) {
      changes.push({ ...base, id, op: live ? "remove" : "delete" });
    }
  }
  return changes;
}

/** One page of the caller's changes after the cursor; read in one snapshot (a read transaction). */
export function listChanges(
  db: Sqlite,
  query: { cursor?: string; limit: number },
  staffScope: number | null,
): ChangesPage {
  const filters = { scope: staffScope };
  const after = decodeCursor(query.cursor, filters);
  return db.transaction(() => {
    const { items, bound, hasMore } = pageEntries(db, after, query.limit, staffScope);
    // Caught up: every entry of this caller up to the newest seq was read, so the next poll
    // can start there and skip what other walkers changed meanwhile.
    const newest = (db.prepare("SELECT seq FROM ChangeCounter WHERE id = 1").get() as { seq: number }).seq;
    const end = hasMore ? bound : Math.max(bound, newest);
    const cursor = encodeCursor(end, filters);
    return {
      data: decide(db, items, after, staffScope),
      nextCursor: hasMore ? cursor : null,
      pollCursor: cursor,
      hasMore,
    };
  })();
}

/**
 * A cursor at the newest change now, for a screen that already shows the current state and
 * only wants what changes from here (the stream from it carries no backlog).
 */
export function headCursor(db: Sqlite, staffScope: number | null): string {
  const newest = (db.prepare("SELECT seq FROM ChangeCounter WHERE id = 1").get() as { seq: number }).seq;
  return encodeCursor(newest, { scope: staffScope });
}
