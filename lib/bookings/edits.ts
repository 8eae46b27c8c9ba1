// Staff edits: overrides on derived bookings (they survive re-derivation, because the
// reconciler computes effective = override ?? derived) and bookings made by hand.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { toDb, type Sqlite } from "@/lib/db/sqlite";
import { getBooking, type StoredBooking } from "@/lib/bookings/stored";

const instant = z.union([z.date(), z.iso.datetime({ offset: true }).transform((value) => new Date(value))]);

export const overrideSchema = z.strictObject({
  /** null clears the override (back to the derived value). */
  startAt: instant.nullable().optional(),
  endAt: instant.nullable().optional(),
  staffId: z.number().int().positive().nullable().optional(),
});
export type BookingOverride = z.input<typeof overrideSchema>;

export const manualBookingSchema = z.strictObject({
  title: z.string().trim().min(1, "title is required").max(200),
  serviceCode: z.string().trim().min(1).max(64).default("MANUAL"),
  startAt: instant,
  endAt: instant,
  clientStripeId: z.string().min(1).nullable().optional(),
  staffId: z.number().int().positive().nullable().optional(),
  notes: z.string().max(2000).nullable().optional(),
});
export type ManualBookingInput = z.input<typeof manualBookingSchema>;

export class BookingEditError extends Error {
  constructor(
    public readonly code: "not_found" | "invalid",
    message: string,
  ) {
    super(message);
    this.name = "BookingEditError";
  }
}

function assertStaff(db: Sqlite, staffId: number | null | undefined): void {
  if (staffId == null) return;
  if (!db.prepare("SELECT 1 FROM Staff WHERE id = ?").get(staffId)) {
    throw new BookingEditError("invalid", `staffId ${staffId} is not a staff member`);
  }
}

/**
 * Sets (or with null clears) staff overrides on a booking; the effective start/end/staff become
 * override ?? derived, and re-derivation keeps them. Bumps `sequence` when the booking changes.
 */
export function setBookingOverride(
  db: Sqlite,
  bookingId: number,
  patch: BookingOverride,
  now: Date,
): StoredBooking {
  const change = overrideSchema.parse(patch);
  return db
    .transaction(() => {
      const booking = getBooking(db, bookingId);
      if (!booking) throw new BookingEditError("not_found", `Booking ${bookingId} does not exist`);
      assertStaff(db, change.staffId);
      const derivedStart = booking.derivedStartAt ?? booking.startAt;
      const derivedEnd = booking.derivedEndAt ?? booking.endAt;
      const overrideStartAt = change.startAt === undefined ? booking.overrideStartAt : change.startAt;
      let overrideEndAt = change.endAt === undefined ? booking.overrideEndAt : change.endAt;
      // Moving only the start keeps the booking's length.
      if (change.startAt && change.endAt === undefined && !booking.overrideEndAt) {
        overrideEndAt = new Date(
          change.startAt.getTime() + (booking.endAt.getTime() - booking.startAt.getTime()),
        );
      }
      const overrideStaffId = change.staffId === undefined ? booking.overrideStaffId : change.staffId;
      const startAt = overrideStartAt ?? derivedStart;
      const endAt = overrideEndAt ?? derivedEnd;
      if (endAt <= startAt) throw new BookingEditError("invalid", "endAt must be after startAt");
      const staffId = overrideStaffId ?? booking.derivedStaffId;
      const visible =
        startAt.getTime() !== booking.startAt.getTime() ||
        endAt.getTime() !== booking.endAt.getTime() ||
        staffId !== booking.staffId;
      db.prepare(
        `UPDATE Booking SET overrideStartAt=?, overrideEndAt=?, overrideStaffId=?, startAt=?, endAt=?, staffId=?,
         sequence = sequence + ?, updatedAt=? WHERE id=?`,
      ).run(
        toDb(overrideStartAt),
        toDb(overrideEndAt),
        overrideStaffId,
        toDb(startAt),
        toDb(endAt),
        staffId,
        visible ? 1 : 0,
        toDb(now),
        bookingId,
      );
      return getBooking(db, bookingId) as StoredBooking;
    })
    .immediate();
}

/** Creates a booking by hand (sourceKind "manual"): re-derivation never touches it. */
export function createManualBooking(db: Sqlite, input: ManualBookingInput, now: Date): StoredBooking {
  const value = manualBookingSchema.parse(input);
  if (value.endAt <= value.startAt) throw new BookingEditError("invalid", "endAt must be after startAt");
  assertStaff(db, value.staffId);
  const result = db
    .prepare(
      `INSERT INTO Booking (bookingKey, clientStripeId, serviceCode, title, startAt, endAt, staffId, status, sourceKind,
         derivedStartAt, derivedEndAt, derivedStaffId, notes, sequence, createdAt, updatedAt)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'scheduled', 'manual', ?, ?, ?, ?, 0, ?, ?)`,
    )
    .run(
      `manual:${randomUUID()}`,
      value.clientStripeId ?? null,
      value.serviceCode,
      value.title,
      toDb(value.startAt),
      toDb(value.endAt),
      value.staffId ?? null,
      toDb(value.startAt),
      toDb(value.endAt),
      value.staffId ?? null,
      value.notes ?? null,
      toDb(now),
      toDb(now),
    );
  return getBooking(db, Number(result.lastInsertRowid)) as StoredBooking;
}
