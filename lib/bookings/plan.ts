// The difference between the bookings the rules want and the bookings stored: pure, so the
// reconciler applies it and the rule preview only shows it.
import type { DesiredBooking } from "@/lib/bookings/types";
import type { StoredBooking } from "@/lib/bookings/stored";

/** The columns derivation owns on a booking row: what the rules want, plus the derived times kept beside overrides. */
export interface BookingFields extends Omit<DesiredBooking, "sourceKind" | "status"> {
  sourceKind: string;
  status: string;
  derivedStartAt: Date;
  derivedEndAt: Date;
  derivedStaffId: number | null;
}

export interface BookingUpdate {
  before: StoredBooking;
  after: BookingFields;
  /** Names of the fields that differ. */
  changed: (keyof BookingFields)[];
}

export interface BookingCancel {
  before: StoredBooking;
  reason: string;
}

export interface Plan {
  inserts: BookingFields[];
  updates: BookingUpdate[];
  cancels: BookingCancel[];
  unchanged: number;
}

/** Bookings no reconcile may change: they happened, or staff closed them. */
const closedStatuses = new Set(["completed", "no_show"]);

function fieldsOf(desired: DesiredBooking, stored: StoredBooking | undefined): BookingFields {
  return {
    bookingKey: desired.bookingKey,
    sourceKind: desired.sourceKind,
    sourceId: desired.sourceId,
    sourceLineId: desired.sourceLineId,
    clientStripeId: desired.clientStripeId,
    serviceCode: desired.serviceCode,
    title: desired.title,
    startAt: stored?.overrideStartAt ?? desired.startAt,
    endAt: stored?.overrideEndAt ?? desired.endAt,
    staffId: stored?.overrideStaffId ?? desired.staffId,
    // A status staff set by hand (cancelled, completed, no-show) outlives every re-derivation.
    status: stored?.overrideStatus ?? desired.status,
    statusReason: stored?.overrideStatus ? stored.statusReason : desired.statusReason,
    ruleId: desired.ruleId,
    derivedStartAt: desired.startAt,
    derivedEndAt: desired.endAt,
    derivedStaffId: desired.staffId,
  };
}

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  return a === b;
}

function changedFields(stored: StoredBooking, next: BookingFields): (keyof BookingFields)[] {
  const keys = Object.keys(next) as (keyof BookingFields)[];
  return keys.filter((key) => !same(stored[key], next[key]));
}

/**
 * What to write so the stored bookings of one source match the desired ones. Never touches a
 * booking that started before `now` or is completed/no-show; unwanted future bookings are cancelled, never deleted.
 */
export function planChanges(
  desired: DesiredBooking[],
  stored: StoredBooking[],
  now: Date,
  cancelReason: string,
): Plan {
  const plan: Plan = { inserts: [], updates: [], cancels: [], unchanged: 0 };
  const byKey = new Map(stored.map((booking) => [booking.bookingKey, booking]));
  const wantedKeys = new Set<string>();
  for (const wish of desired) {
    if (wish.startAt < now) continue;
    wantedKeys.add(wish.bookingKey);
    const current = byKey.get(wish.bookingKey);
    if (!current) {
      plan.inserts.push(fieldsOf(wish, undefined));
      continue;
    }
    if (closedStatuses.has(current.status) || current.startAt < now) {
      plan.unchanged += 1;
      continue;
    }
    const next = fieldsOf(wish, current);
    const changed = changedFields(current, next);
    if (changed.length === 0) plan.unchanged += 1;
    else plan.updates.push({ before: current, after: next, changed });
  }
  for (const booking of stored) {
    if (wantedKeys.has(booking.bookingKey) || booking.sourceKind === "manual") continue;
    if (booking.status === "cancelled" || closedStatuses.has(booking.status) || booking.startAt < now)
      continue;
    plan.cancels.push({ before: booking, reason: cancelReason });
  }
  return plan;
}
