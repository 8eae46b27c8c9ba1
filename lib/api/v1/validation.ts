// Domain checks of /api/v1 writes the schemas cannot state: service codes the rules know,
// booking lengths within the service's limit, dates within a sane window around today, and
// visit times (checked in/out offline by the phone's clock) that happened, in order.
import type { Sqlite } from "@/lib/db/sqlite";
import { listRules } from "@/lib/rules/repo";
import { invalid, type FieldError } from "@/lib/api/v1/problems";

const HOUR = 3600_000;
/** A booking of any service may last this long (a service whose own length is longer, that). */
export const DEFAULT_MAX_DURATION_MS = 24 * HOUR;
/** Bookings start and visits happen within this far of today. */
export const DATE_WINDOW_MS = 2 * 365 * 24 * HOUR;
/** A phone's clock may run this far ahead of the server's. */
export const CLOCK_SKEW_MS = 5 * 60_000;
/** The code of bookings made by hand without a service. */
export const MANUAL_SERVICE = "MANUAL";

const human = (ms: number) =>
  ms >= 48 * HOUR ? `${Math.round(ms / (24 * HOUR))} days` : `${Math.round(ms / HOUR)} hours`;

/** Each service code the rules know, with the longest booking it allows. */
export function serviceLimits(db: Sqlite): Map<string, number> {
  const limits = new Map<string, number>([[MANUAL_SERVICE, DEFAULT_MAX_DURATION_MS]]);
  for (const listing of listRules(db)) {
    const own = (listing.rule?.allocation.durationMin ?? 0) * 60_000;
    limits.set(
      listing.serviceCode,
      Math.max(DEFAULT_MAX_DURATION_MS, own, limits.get(listing.serviceCode) ?? 0),
    );
  }
  return limits;
}

function inWindow(errors: FieldError[], path: string, at: Date | undefined | null, now: Date): void {
  if (!at || Math.abs(at.getTime() - now.getTime()) <= DATE_WINDOW_MS) return;
  errors.push({ path, message: `must be within ${human(DATE_WINDOW_MS)} of today` });
}

/** A booking's times and service (the result after an edit); throws a 422 naming each field. */
export function assertBookingTimes(
  db: Sqlite,
  input: { serviceCode: string; startAt: Date; endAt: Date; changed: { startAt?: boolean; endAt?: boolean } },
  now: Date,
  serviceField?: string,
): void {
  const errors: FieldError[] = [];
  const limits = serviceLimits(db);
  const limit = limits.get(input.serviceCode);
  if (limit === undefined && serviceField) {
    const known = [...limits.keys()].sort().join(", ");
    errors.push({ path: serviceField, message: `must be a known service code (${known})` });
  }
  if (input.changed.startAt) inWindow(errors, "body.startAt", input.startAt, now);
  if (input.changed.endAt) inWindow(errors, "body.endAt", input.endAt, now);
  const length = input.endAt.getTime() - input.startAt.getTime();
  const max = limit ?? DEFAULT_MAX_DURATION_MS;
  if (length > 0 && length > max && (input.changed.startAt || input.changed.endAt)) {
    errors.push({
      path: input.changed.endAt ? "body.endAt" : "body.startAt",
      message: `must make the booking at most ${human(max)} long (${input.serviceCode})`,
    });
  }
  if (errors.length > 0) throw invalid(errors);
}

/** Check-in and check-out as the phone recorded them: not in the future (beyond clock skew), in order. */
export function assertVisitTimes(
  input: {
    checkInAt: Date | null;
    checkOutAt: Date | null;
    changed: { checkInAt?: boolean; checkOutAt?: boolean };
  },
  now: Date,
): void {
  const errors: FieldError[] = [];
  const latest = now.getTime() + CLOCK_SKEW_MS;
  for (const field of ["checkInAt", "checkOutAt"] as const) {
    const at = input[field];
    if (!input.changed[field] || !at) continue;
    if (at.getTime() > latest) {
      errors.push({
        path: `body.${field}`,
        message: "must not be in the future (allowing 5 minutes of clock skew)",
      });
    } else inWindow(errors, `body.${field}`, at, now);
  }
  const touched = input.changed.checkInAt || input.changed.checkOutAt;
  if (touched && input.checkInAt && input.checkOutAt && input.checkOutAt <= input.checkInAt) {
    errors.push({ path: "body.checkOutAt", message: "must be after `checkInAt`" });
  }
  if (errors.length > 0) throw invalid(errors);
}
