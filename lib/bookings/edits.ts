// Staff edits of one booking and bookings made by hand. Edits of derived bookings are stored as
// overrides (times, walker, status) that the reconciler keeps (effective = override ?? derived),
// so re-deriving from Stripe never undoes them; the source ending still cancels later visits.
// Every change bumps SEQUENCE (calendar apps pick it up) and writes a history row.
import { createHash, randomUUID } from "node:crypto";
import { z } from "zod";
import { toDb, type Sqlite } from "@/lib/db/sqlite";
import { getBooking, type StoredBooking } from "@/lib/bookings/stored";
import { diffFields, historyWriter, type ChangeOrigin } from "@/lib/bookings/history";
import { bookingChangeLogger } from "@/lib/bookings/change-log";
import { reconcileSources } from "@/lib/bookings/reconcile";
import { sourceKinds, type SourceKind } from "@/lib/bookings/types";
import { loadSettings } from "@/lib/settings";
import { visitGuard, type EditorRole, type RecordedField } from "@/lib/bookings/visit-guards";

const instant = z.union([z.date(), z.iso.datetime({ offset: true }).transform((value) => new Date(value))]);

/** Statuses staff may set. `scheduled` undoes a staff cancel / completion (Stripe decides again). */
export const editableStatuses = ["scheduled", "cancelled", "completed", "no_show"] as const;

export const bookingPatchSchema = z.strictObject({
  status: z.enum(editableStatuses).optional(),
  /** Why (shown in history and, for a cancel, as the status reason). */
  reason: z.string().trim().min(1).max(200).optional(),
  /** null: back to the derived / default walker. */
  staffId: z.number().int().positive().nullable().optional(),
  /** null: back to the derived time. Moving only the start keeps the length. */
  startAt: instant.nullable().optional(),
  endAt: instant.nullable().optional(),
  notes: z.string().max(2000).nullable().optional(),
  checkInAt: instant.nullable().optional(),
  checkOutAt: instant.nullable().optional(),
});
export type BookingPatch = z.input<typeof bookingPatchSchema>;

/** The older override shape (CLI and tests): null clears. */
export const overrideSchema = bookingPatchSchema.pick({ startAt: true, endAt: true, staffId: true });
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

export type BookingEditErrorCode = "not_found" | "invalid" | "conflict" | "precondition_failed" | "forbidden";

/** Who makes an edit: corrections after the fact are the owner's (the CLI acts as the owner). */
export interface Editor {
  role: EditorRole;
}
export const OWNER_EDITOR: Editor = { role: "owner" };

export class BookingEditError extends Error {
  constructor(
    public readonly code: BookingEditErrorCode,
    message: string,
    /** The input field at fault, for `invalid`. */
    public readonly field?: string,
    /** The booking as it is now, for `precondition_failed` and `conflict`. */
    public readonly current?: StoredBooking,
  ) {
    super(message);
    this.name = "BookingEditError";
  }
}

/** Opaque version of a booking's stored state (the API's ETag): any write changes it. */
export function bookingEtag(booking: StoredBooking): string {
  const hash = createHash("sha256").update(JSON.stringify(booking)).digest("base64url");
  return `"${booking.id}-${booking.sequence}-${hash.slice(0, 16)}"`;
}

function assertStaff(db: Sqlite, staffId: number | null | undefined): void {
  if (staffId == null) return;
  if (!db.prepare("SELECT 1 FROM Staff WHERE id = ?").get(staffId)) {
    throw new BookingEditError("invalid", `staffId ${staffId} is not a staff member`, "staffId");
  }
}

function load(db: Sqlite, id: number): StoredBooking {
  const booking = getBooking(db, id);
  if (!booking) throw new BookingEditError("not_found", `Booking ${id} does not exist`);
  return booking;
}

const pick = <T>(change: T | undefined, current: T): T => (change === undefined ? current : change);
const isDerived = (booking: StoredBooking) =>
  (sourceKinds as readonly string[]).includes(booking.sourceKind) && booking.sourceId !== null;

type Columns = Pick<
  StoredBooking,
  | "startAt"
  | "endAt"
  | "staffId"
  | "status"
  | "statusReason"
  | "overrideStartAt"
  | "overrideEndAt"
  | "overrideStaffId"
  | "overrideStatus"
  | "notes"
  | "checkInAt"
  | "checkOutAt"
>;
const tracked: (keyof Columns)[] = [
  "startAt",
  "endAt",
  "staffId",
  "status",
  "statusReason",
  "overrideStartAt",
  "overrideEndAt",
  "overrideStaffId",
  "overrideStatus",
  "notes",
  "checkInAt",
  "checkOutAt",
];

function times(booking: StoredBooking, patch: z.output<typeof bookingPatchSchema>) {
  const derivedStart = booking.derivedStartAt ?? booking.startAt;
  const derivedEnd = booking.derivedEndAt ?? booking.endAt;
  const overrideStartAt = pick(patch.startAt, booking.overrideStartAt);
  let overrideEndAt = pick(patch.endAt, booking.overrideEndAt);
  if (patch.startAt && patch.endAt === undefined) {
    overrideEndAt = new Date(patch.startAt.getTime() + (booking.endAt.getTime() - booking.startAt.getTime()));
  }
  if (patch.startAt === null && patch.endAt === undefined) overrideEndAt = null;
  return {
    overrideStartAt,
    overrideEndAt,
    startAt: overrideStartAt ?? derivedStart,
    endAt: overrideEndAt ?? derivedEnd,
  };
}

function statusColumns(
  booking: StoredBooking,
  patch: z.output<typeof bookingPatchSchema>,
): Pick<Columns, "status" | "statusReason" | "overrideStatus"> {
  const { status, reason } = patch;
  if (status === undefined || status === booking.status) {
    return {
      status: booking.status,
      statusReason: booking.statusReason,
      overrideStatus: booking.overrideStatus,
    };
  }
  if (status === "scheduled") {
    if (booking.status === "cancelled" && !booking.overrideStatus && isDerived(booking)) {
      throw new BookingEditError(
        "conflict",
        `Stripe cancelled this booking (${booking.statusReason ?? "no longer wanted"}); it cannot be rescheduled by hand.`,
        "status",
        booking,
      );
    }
    // Stripe decides again (reconciled right after the write).
    return { status: "scheduled", statusReason: null, overrideStatus: null };
  }
  return {
    status,
    statusReason: status === "cancelled" ? (reason ?? "cancelled_by_staff") : (reason ?? null),
    overrideStatus: status,
  };
}

/** When `field` last got its current value: the newest history row that changed it. */
function recordedAt(db: Sqlite, id: number, field: RecordedField): Date | null {
  const rows = db
    .prepare("SELECT at, changesJson FROM BookingEvent WHERE bookingId = ? ORDER BY id DESC")
    .all(id) as { at: number; changesJson: string }[];
  const row = rows.find((r) => field in (JSON.parse(r.changesJson) as Record<string, unknown>));
  return row ? new Date(row.at) : null;
}

/**
 * Applies a staff edit in one transaction: sticky overrides, SEQUENCE + 1 and a history row when
 * anything changed; nothing written when nothing changes. `ifMatch` (an ETag) must be current.
 */
export function editBooking(
  db: Sqlite,
  input: {
    id: number;
    patch: BookingPatch;
    actor: string;
    now: Date;
    ifMatch?: string | null;
    /** Omitted: the owner (the CLI, the reconciler's own callers). */
    editor?: Editor;
  },
): StoredBooking {
  const patch = bookingPatchSchema.parse(input.patch);
  const { id, now } = input;
  return db
    .transaction(() => {
      const booking = load(db, id);
      if (input.ifMatch && input.ifMatch !== bookingEtag(booking) && input.ifMatch !== "*") {
        throw new BookingEditError(
          "precondition_failed",
          "The booking changed since you read it.",
          undefined,
          booking,
        );
      }
      assertStaff(db, patch.staffId);
      const derived = isDerived(booking);
      const t = times(booking, patch);
      if (t.endAt <= t.startAt) throw new BookingEditError("invalid", "endAt must be after startAt", "endAt");
      const overrideStaffId = pick(patch.staffId, booking.overrideStaffId);
      const next: Columns = {
        ...t,
        overrideStaffId,
        staffId: derived ? (overrideStaffId ?? booking.derivedStaffId) : pick(patch.staffId, booking.staffId),
        ...statusColumns(booking, patch),
        notes: pick(patch.notes, booking.notes),
        checkInAt: pick(patch.checkInAt, booking.checkInAt),
        checkOutAt: pick(patch.checkOutAt, booking.checkOutAt),
      };
      const settings = loadSettings(db);
      const violation = visitGuard({
        before: booking,
        after: next,
        role: (input.editor ?? OWNER_EDITOR).role,
        reason: patch.reason ?? null,
        now,
        graceMin: settings.startGraceMin,
        zone: settings.timeZone,
        recordedAt: (field) => recordedAt(db, id, field),
      });
      if (violation) throw new BookingEditError(violation.code, violation.message, violation.field, booking);
      if (!derived) {
        // Hand-made bookings have no derivation to fall back to: their values are their own.
        Object.assign(next, { overrideStartAt: null, overrideEndAt: null, overrideStaffId: null });
      }
      const changes = diffFields(booking, next, tracked);
      if (Object.keys(changes).length === 0) return booking;
      db.prepare(
        `UPDATE Booking SET startAt=@startAt, endAt=@endAt, staffId=@staffId, status=@status, statusReason=@statusReason,
           overrideStartAt=@overrideStartAt, overrideEndAt=@overrideEndAt, overrideStaffId=@overrideStaffId,
           overrideStatus=@overrideStatus, notes=@notes, checkInAt=@checkInAt, checkOutAt=@checkOutAt,
           derivedStartAt = CASE WHEN sourceKind = 'manual' THEN @startAt ELSE derivedStartAt END,
           derivedEndAt = CASE WHEN sourceKind = 'manual' THEN @endAt ELSE derivedEndAt END,
           derivedStaffId = CASE WHEN sourceKind = 'manual' THEN @staffId ELSE derivedStaffId END,
           sequence = sequence + 1, updatedAt=@now WHERE id=@id`,
      ).run({
        ...next,
        startAt: toDb(next.startAt),
        endAt: toDb(next.endAt),
        overrideStartAt: toDb(next.overrideStartAt),
        overrideEndAt: toDb(next.overrideEndAt),
        checkInAt: toDb(next.checkInAt),
        checkOutAt: toDb(next.checkOutAt),
        now: toDb(now),
        id,
      });
      const origin: ChangeOrigin = { actor: input.actor, cause: "edit" };
      historyWriter(db)(id, { kind: "edited", origin, at: now, reason: patch.reason ?? null, changes });
      bookingChangeLogger(db)(id, now);
      if (derived && patch.status === "scheduled" && booking.sourceId) {
        // Undoing a staff status hands the booking back to derivation: Stripe's current view wins.
        reconcileSources(db, [{ kind: booking.sourceKind as SourceKind, stripeId: booking.sourceId }], {
          now,
          origin,
        });
      }
      return load(db, id);
    })
    .immediate();
}

/** Sets (or with null clears) time/walker overrides; kept for the CLI and older callers. */
export function setBookingOverride(
  db: Sqlite,
  bookingId: number,
  patch: BookingOverride,
  now: Date,
  actor = "cli",
): StoredBooking {
  return editBooking(db, { id: bookingId, patch: overrideSchema.parse(patch), actor, now });
}

/** A bulk edit made from versions that are no longer current: which bookings changed since. */
export class StaleBookingsError extends BookingEditError {
  constructor(public readonly stale: StoredBooking[]) {
    super("precondition_failed", `${stale.length} of these visits changed since you chose them.`);
    this.name = "StaleBookingsError";
  }
}

/**
 * Assigns (or with null un-assigns) several bookings in one transaction: all or none. With
 * `versions` (id → the SEQUENCE the caller saw), any booking changed since fails them all.
 */
export function bulkAssign(
  db: Sqlite,
  input: {
    ids: number[];
    staffId: number | null;
    actor: string;
    now: Date;
    versions?: Record<string, number>;
  },
): StoredBooking[] {
  return db
    .transaction(() => {
      const ids = [...new Set(input.ids)];
      const versions = input.versions ?? {};
      const stale = ids
        .map((id) => load(db, id))
        .filter((b) => versions[b.id] !== undefined && versions[b.id] !== b.sequence);
      if (stale.length > 0) throw new StaleBookingsError(stale);
      return ids.map((id) =>
        editBooking(db, { id, patch: { staffId: input.staffId }, actor: input.actor, now: input.now }),
      );
    })
    .immediate();
}

/** Creates a booking by hand (sourceKind "manual"): re-derivation never touches it. */
export function createManualBooking(
  db: Sqlite,
  input: ManualBookingInput,
  now: Date,
  actor = "cli",
): StoredBooking {
  const value = manualBookingSchema.parse(input);
  if (value.endAt <= value.startAt)
    throw new BookingEditError("invalid", "endAt must be after startAt", "endAt");
  return db
    .transaction(() => {
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
      const id = Number(result.lastInsertRowid);
      historyWriter(db)(id, { kind: "created", origin: { actor, cause: "manual" }, at: now });
      bookingChangeLogger(db)(id, now);
      return load(db, id);
    })
    .immediate();
}
