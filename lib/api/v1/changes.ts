// The changes feed: bookings and clients changed since a cursor, in the order they changed
// (ChangeLog.seq, written by triggers in the writer's transaction, so commit order = seq order).
// Each entity appears at its latest change only; deletions stay as tombstones. For a
// staff-scoped caller, a booking of another walker (e.g. just reassigned away) is a delete.
import type { Sqlite } from "@/lib/db/sqlite";
import type { z } from "zod";
import { apiBookingsById } from "@/lib/api/v1/bookings";
import { decodeCursor, encodeCursor } from "@/lib/api/v1/cursor";
import type { changeSchema } from "@/lib/api/v1/schemas";

type Change = z.infer<typeof changeSchema>;

interface LogRow {
  seq: number;
  entity: "booking" | "client";
  entityId: number;
  op: "upsert" | "delete";
}

export function listChanges(
  db: Sqlite,
  query: { cursor?: string; limit: number },
  staffScope: number | null,
): { data: Change[]; nextCursor: string | null; pollCursor: string } {
  const filters = { scope: staffScope };
  const after = decodeCursor(query.cursor, filters);
  const rows = db
    .prepare("SELECT seq, entity, entityId, op FROM ChangeLog WHERE seq > ? ORDER BY seq LIMIT ?")
    .all(after, query.limit + 1) as LogRow[];
  const page = rows.slice(0, query.limit);
  const bookings = apiBookingsById(
    db,
    page.filter((r) => r.entity === "booking" && r.op === "upsert").map((r) => r.entityId),
  );
  const clientIds = page.filter((r) => r.entity === "client").map((r) => r.entityId);
  const clients = new Map(
    (
      (clientIds.length
        ? db
            .prepare(
              "SELECT id, stripeId, name, email, phone, deleted FROM Client WHERE id IN (SELECT value FROM json_each(?))",
            )
            .all(JSON.stringify(clientIds))
        : []) as {
        id: number;
        stripeId: string;
        name: string | null;
        email: string | null;
        phone: string | null;
      }[]
    ).map((c) => [c.id, c]),
  );
  const visibleClients =
    staffScope === null
      ? null
      : new Set(
          (
            db
              .prepare(
                "SELECT DISTINCT clientStripeId AS id FROM Booking WHERE staffId = ? AND clientStripeId IS NOT NULL",
              )
              .all(staffScope) as { id: string }[]
          ).map((r) => r.id),
        );
  const data = page.map((row): Change => {
    if (row.entity === "booking") {
      const booking = row.op === "upsert" ? bookings.get(row.entityId) : undefined;
      const visible = booking && (staffScope === null || booking.staffId === staffScope);
      return visible
        ? { seq: row.seq, entity: "booking", id: String(row.entityId), op: "upsert", booking }
        : { seq: row.seq, entity: "booking", id: String(row.entityId), op: "delete" };
    }
    const client = clients.get(row.entityId);
    const id = client?.stripeId ?? String(row.entityId);
    const visible =
      client && row.op === "upsert" && (visibleClients === null || visibleClients.has(client.stripeId));
    return visible
      ? {
          seq: row.seq,
          entity: "client",
          id,
          op: "upsert",
          client: { id: client.stripeId, name: client.name, email: client.email, phone: client.phone },
        }
      : { seq: row.seq, entity: "client", id, op: "delete" };
  });
  const lastSeq = page.at(-1)?.seq ?? after;
  return {
    data,
    nextCursor: rows.length > query.limit ? encodeCursor(lastSeq, filters) : null,
    pollCursor: encodeCursor(lastSeq, filters),
  };
}
