// The guards on a visit's outcome (lib/bookings/visit-guards.ts through editBooking): nothing is
// started, completed or marked no-show before its start minus the grace; check-in/out are moments
// that happened, in order; corrections after the undo window are the owner's, with a reason.
import { afterEach, describe, expect, it } from "vitest";
import fc from "fast-check";
import { freshDb, type TestDb } from "@/tests/support/db";
import { createManualBooking, editBooking, type BookingPatch, type Editor } from "@/lib/bookings/edits";
import { getBooking } from "@/lib/bookings/stored";
import { loadSettings, updateSettings } from "@/lib/settings";
import { UNDO_WINDOW_MS, visitGuard, type VisitState } from "@/lib/bookings/visit-guards";

const MIN = 60_000;
const BASE = Date.parse("2026-12-07T09:00:00Z");
const WALKER: Editor = { role: "staff" };
const OWNER: Editor = { role: "owner" };

let t: TestDb | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

function visit(startAt: Date) {
  t ??= freshDb();
  return createManualBooking(
    t.db,
    { title: "Walk", startAt, endAt: new Date(startAt.getTime() + 60 * MIN) },
    new Date(BASE - 7 * 24 * 60 * MIN),
  ).id;
}
const edit = (id: number, patch: BookingPatch, now: Date, editor: Editor = WALKER) =>
  editBooking(t!.db, { id, patch, actor: "sam@example.com", now, editor });
const failure = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error as { code: string; field?: string; message: string };
  }
  return null;
};

describe("visitGuard (pure)", () => {
  const state = (startAt: Date, patch: Partial<VisitState> = {}): VisitState => ({
    startAt,
    status: "scheduled",
    checkInAt: null,
    checkOutAt: null,
    ...patch,
  });

  it("allows completing, no-show and check-in exactly from start − grace, for any start, grace and clock", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -3 * 24 * 60, max: 21 * 24 * 60 }),
        fc.integer({ min: 0, max: 120 }),
        fc.constantFrom("completed", "no_show", "checkIn"),
        (offsetMin, graceMin, action) => {
          const now = new Date(BASE);
          const startAt = new Date(BASE + offsetMin * MIN);
          const before = state(startAt);
          const after =
            action === "checkIn" ? state(startAt, { checkInAt: now }) : state(startAt, { status: action });
          const verdict = visitGuard({
            before,
            after,
            role: "owner",
            reason: null,
            now,
            graceMin,
            zone: "Europe/London",
            recordedAt: () => null,
          });
          const allowed = now.getTime() >= startAt.getTime() - graceMin * MIN;
          expect(verdict === null).toBe(allowed);
          if (verdict) expect(verdict).toMatchObject({ code: "invalid" });
        },
      ),
    );
  });

  it("lets the recorder undo within the window; later only the owner, with a reason", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 120 }),
        fc.constantFrom<"owner" | "staff">("owner", "staff"),
        fc.boolean(),
        (agoMin, role, withReason) => {
          const now = new Date(BASE + 3 * 60 * MIN);
          const startAt = new Date(BASE);
          const before = state(startAt, { status: "completed", checkInAt: startAt, checkOutAt: now });
          const after = state(startAt, { checkInAt: startAt });
          const verdict = visitGuard({
            before,
            after,
            role,
            reason: withReason ? "wrong visit" : null,
            now,
            graceMin: 30,
            zone: "Europe/London",
            recordedAt: () => new Date(now.getTime() - agoMin * MIN),
          });
          const inWindow = agoMin * MIN <= UNDO_WINDOW_MS;
          if (inWindow || (role === "owner" && withReason)) expect(verdict).toBeNull();
          else if (role === "staff") expect(verdict).toMatchObject({ code: "forbidden" });
          else expect(verdict).toMatchObject({ code: "invalid", field: "reason" });
        },
      ),
    );
  });
});

describe("editBooking with the guards", () => {
  it("refuses completing a visit three weeks ahead, naming the local time it may be done from", () => {
    const id = visit(new Date(BASE + 21 * 24 * 60 * MIN));
    for (const editor of [WALKER, OWNER]) {
      const error = failure(() => edit(id, { status: "completed" }, new Date(BASE), editor));
      expect(error).toMatchObject({ code: "invalid", field: "status" });
      // 09:00 UTC is 09:00 in London in December; the grace is 30 minutes by default.
      expect(error!.message).toBe(
        "This visit cannot be marked completed yet: it starts at Mon 28 Dec, 09:00 and can be recorded from Mon 28 Dec, 08:30.",
      );
    }
    expect(getBooking(t!.db, id)).toMatchObject({ status: "scheduled", sequence: 0 });
  });

  it("follows the startGraceMin setting", () => {
    const id = visit(new Date(BASE + 60 * MIN));
    expect(failure(() => edit(id, { checkInAt: new Date(BASE) }, new Date(BASE)))?.field).toBe("checkInAt");
    updateSettings(t!.db, { startGraceMin: 60 });
    expect(loadSettings(t!.db).startGraceMin).toBe(60);
    expect(edit(id, { checkInAt: new Date(BASE) }, new Date(BASE)).checkInAt).toEqual(new Date(BASE));
  });

  it("records check-in and check-out as moments, check-out after check-in, none in the future", () => {
    const id = visit(new Date(BASE));
    const now = new Date(BASE + 30 * MIN);
    expect(failure(() => edit(id, { checkInAt: new Date(BASE + 40 * MIN) }, now))?.message).toMatch(
      /is in the future/,
    );
    edit(id, { checkInAt: new Date(BASE + 2 * MIN) }, now);
    expect(
      failure(() => edit(id, { checkOutAt: new Date(BASE + 2 * MIN), status: "completed" }, now)),
    ).toMatchObject({ field: "checkOutAt", message: "Check-out must be after check-in (09:02)." });
    const done = edit(id, { checkOutAt: now, status: "completed", notes: "Good boy" }, now);
    expect(done).toMatchObject({ status: "completed", checkOutAt: now, notes: "Good boy" });
  });

  it("lets a walker undo within 15 minutes; later it is the owner's correction with a reason", () => {
    const id = visit(new Date(BASE));
    const at = (min: number) => new Date(BASE + min * MIN);
    edit(id, { checkInAt: at(1) }, at(1));
    edit(id, { checkInAt: null }, at(10)); // the mistaken tap, undone
    edit(id, { checkInAt: at(12) }, at(12));
    edit(id, { status: "completed", checkOutAt: at(60) }, at(60));
    edit(id, { status: "scheduled", checkOutAt: null }, at(70)); // undone within the window
    edit(id, { status: "completed", checkOutAt: at(72) }, at(72));

    const late = at(72 + 16);
    const walker = failure(() => edit(id, { status: "scheduled", checkOutAt: null }, late));
    expect(walker).toMatchObject({ code: "forbidden" });
    expect(walker!.message).toMatch(/^Only the owner can change/);
    expect(failure(() => edit(id, { checkInAt: at(5) }, late))).toMatchObject({ code: "forbidden" });
    expect(failure(() => edit(id, { checkInAt: at(5) }, late, OWNER))).toMatchObject({
      code: "invalid",
      field: "reason",
    });
    const fixed = edit(id, { checkInAt: at(5), reason: "walker's phone was offline" }, late, OWNER);
    expect(fixed).toMatchObject({ status: "completed", checkInAt: at(5), checkOutAt: at(72) });
    // Notes of a recorded visit are no correction.
    expect(edit(id, { notes: "Ate well" }, late).notes).toBe("Ate well");
  });
});
