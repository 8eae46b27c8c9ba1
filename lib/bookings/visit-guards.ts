// The rules a visit's outcome follows, whoever records it (screens, /api/v1, CLI): a visit is
// started, completed or marked no-show only from shortly before it starts (the `startGraceMin`
// setting), check-in and check-out are moments that happened, in order, and changing what was
// recorded is a correction: the recorder may undo it for a short while, after that only the owner,
// saying why. Pure: the caller passes the booking before and after the edit, the clock and settings.
import { DateTime } from "luxon";

/** A walker may undo what they recorded (a mistaken tap) for this long; later it is a correction. */
export const UNDO_WINDOW_MS = 15 * 60_000;
/** A phone's clock may run this far ahead of the server's (as /api/v1 allows offline check-ins). */
export const VISIT_CLOCK_SKEW_MS = 5 * 60_000;

const DONE = new Set(["completed", "no_show"]);

export type EditorRole = "owner" | "staff";

export interface VisitState {
  /** The visit's start after the edit (`after`) or before it (`before`). */
  startAt: Date;
  status: string;
  checkInAt: Date | null;
  checkOutAt: Date | null;
}

export type RecordedField = "checkInAt" | "checkOutAt" | "status";

export interface GuardInput {
  before: VisitState;
  after: VisitState;
  role: EditorRole;
  /** The reason the editor gave, if any. */
  reason: string | null;
  now: Date;
  graceMin: number;
  zone: string;
  /** When a field last got its current value (its newest history row); null when unknown. */
  recordedAt: (field: RecordedField) => Date | null;
}

export interface GuardViolation {
  code: "invalid" | "forbidden";
  /** The input field at fault (`status`, `checkInAt`, `checkOutAt`, `reason`). */
  field: string;
  message: string;
}

/** "14:30", or "Tue 8 Dec, 14:30" when not on `now`'s local day. */
function when(at: Date, now: Date, zone: string): string {
  const t = DateTime.fromJSDate(at, { zone }).setLocale("en-GB");
  const sameDay = t.hasSame(DateTime.fromJSDate(now, { zone }), "day");
  return sameDay ? t.toFormat("HH:mm") : t.toFormat("ccc d LLL, HH:mm");
}

const same = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

const LABEL: Record<RecordedField, string> = {
  checkInAt: "the check-in",
  checkOutAt: "the check-out",
  status: "the outcome",
};

/** The first rule the edit breaks, or null. Only what the edit changes is judged. */
export function visitGuard(input: GuardInput): GuardViolation | null {
  const { before, after, now, zone } = input;
  const earliest = new Date(after.startAt.getTime() - input.graceMin * 60_000);
  const from = `it starts at ${when(after.startAt, now, zone)} and can be recorded from ${when(earliest, now, zone)}`;
  const latest = now.getTime() + VISIT_CLOCK_SKEW_MS;

  if (DONE.has(after.status) && after.status !== before.status && now < earliest) {
    const what = after.status === "completed" ? "completed" : "a no-show";
    return { code: "invalid", field: "status", message: `This visit cannot be marked ${what} yet: ${from}.` };
  }
  for (const field of ["checkInAt", "checkOutAt"] as const) {
    const at = after[field];
    if (!at || same(at, before[field])) continue;
    const word = field === "checkInAt" ? "started" : "finished";
    if (now < earliest) {
      return { code: "invalid", field, message: `This visit cannot be ${word} yet: ${from}.` };
    }
    if (at.getTime() > latest) {
      return {
        code: "invalid",
        field,
        message: `${field === "checkInAt" ? "Check-in" : "Check-out"} at ${when(at, now, zone)} is in the future; record the time it happened.`,
      };
    }
    if (at < earliest) {
      return {
        code: "invalid",
        field,
        message: `${field === "checkInAt" ? "Check-in" : "Check-out"} at ${when(at, now, zone)} is too early: ${from}.`,
      };
    }
  }
  const touched = !same(after.checkInAt, before.checkInAt) || !same(after.checkOutAt, before.checkOutAt);
  if (touched && after.checkInAt && after.checkOutAt && after.checkOutAt <= after.checkInAt) {
    return {
      code: "invalid",
      field: "checkOutAt",
      message: `Check-out must be after check-in (${when(after.checkInAt, now, zone)}).`,
    };
  }

  // Corrections: a recorded value changed or cleared, or a recorded outcome undone.
  const corrected: RecordedField[] = [];
  if (before.checkInAt && !same(after.checkInAt, before.checkInAt)) corrected.push("checkInAt");
  if (before.checkOutAt && !same(after.checkOutAt, before.checkOutAt)) corrected.push("checkOutAt");
  if (DONE.has(before.status) && after.status !== before.status) corrected.push("status");
  for (const field of corrected) {
    const recorded = input.recordedAt(field);
    if (recorded && now.getTime() - recorded.getTime() <= UNDO_WINDOW_MS) continue;
    const ago = recorded ? ` (recorded ${when(recorded, now, zone)})` : "";
    if (input.role !== "owner") {
      return {
        code: "forbidden",
        field,
        message: `Only the owner can change ${LABEL[field]}${ago} more than 15 minutes after it was recorded; ask the owner.`,
      };
    }
    if (!input.reason) {
      return {
        code: "invalid",
        field: "reason",
        message: `Changing ${LABEL[field]}${ago} more than 15 minutes after it was recorded is a correction: say why.`,
      };
    }
  }
  return null;
}
