// A booking's history: every change, derived from Stripe (which event, sync or rule change) or
// edited by a person. Rows are written by the same transaction as the change they describe.
import { z } from "zod";
import { cachedStatement, fromDb, toDb, type Sqlite } from "@/lib/db/sqlite";

export const bookingEventKinds = ["created", "derived", "edited"] as const;
export type BookingEventKind = (typeof bookingEventKinds)[number];

/** Who or what changed bookings, carried from the caller down to the history rows. */
export interface ChangeOrigin {
  /** A user's email, `token:<name>`, `cli`, `stripe` or `system`. */
  actor: string;
  /** `stripe:<event id>`, `sync`, `rules`, `horizon`, `staff-default`, `series-edit`, … */
  cause?: string | null;
}

/** Derived changes with no caller-given origin (rule changes, horizon extension, rebuilds). */
export const SYSTEM_ORIGIN: ChangeOrigin = { actor: "system", cause: "rederive" };

export type FieldChanges = Record<string, [unknown, unknown]>;

export interface BookingEvent {
  id: number;
  bookingId: number;
  at: Date;
  kind: BookingEventKind;
  actor: string;
  cause: string | null;
  reason: string | null;
  changes: FieldChanges;
}

const jsonValue = (value: unknown): unknown => (value instanceof Date ? value.toISOString() : value);

/** `{ field: [before, after] }` for the listed fields that differ (dates compared by instant). */
export function diffFields<T extends object>(
  before: T,
  after: Partial<T>,
  fields: (keyof T)[],
): FieldChanges {
  const changes: FieldChanges = {};
  for (const field of fields) {
    if (!(field in after)) continue;
    const a = jsonValue(before[field]);
    const b = jsonValue(after[field]);
    if (a !== b) changes[String(field)] = [a ?? null, b ?? null];
  }
  return changes;
}

/** Prepared statement for many rows in one transaction (reconcile writes one per change). */
export function historyWriter(db: Sqlite) {
  const insert = cachedStatement(
    db,
    `INSERT INTO BookingEvent (bookingId, at, kind, actor, cause, reason, changesJson)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  return (
    bookingId: number,
    entry: {
      kind: BookingEventKind;
      origin: ChangeOrigin;
      at: Date;
      reason?: string | null;
      changes?: FieldChanges;
    },
  ): void => {
    insert.run(
      bookingId,
      toDb(entry.at),
      entry.kind,
      entry.origin.actor,
      entry.origin.cause ?? null,
      entry.reason ?? null,
      JSON.stringify(entry.changes ?? {}),
    );
  };
}

const rowSchema = z.object({
  id: z.number(),
  bookingId: z.number(),
  at: z.number(),
  kind: z.enum(bookingEventKinds),
  actor: z.string(),
  cause: z.string().nullable(),
  reason: z.string().nullable(),
  changesJson: z.string(),
});

/** Every change of one booking, oldest first. */
export function bookingHistory(db: Sqlite, bookingId: number): BookingEvent[] {
  const rows = db
    .prepare(
      `SELECT id, bookingId, at, kind, actor, cause, reason, changesJson FROM BookingEvent
       WHERE bookingId = ? ORDER BY id`,
    )
    .all(bookingId);
  return rows.map((raw) => {
    const row = rowSchema.parse(raw);
    return {
      id: row.id,
      bookingId: row.bookingId,
      at: fromDb(row.at) ?? new Date(0),
      kind: row.kind,
      actor: row.actor,
      cause: row.cause,
      reason: row.reason,
      changes: JSON.parse(row.changesJson) as FieldChanges,
    };
  });
}
