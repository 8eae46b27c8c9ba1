// Booking changes in words (lib/text/booking-changes.ts): the sentences people read in the
// history, the conflict dialog and toasts — and never an identifier of ours (camelCase fields,
// snake_case reasons, causes like `rederive`), whatever a history row holds.
import { afterEach, describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  agoInWords,
  eventInWords,
  KNOWN_REASONS,
  reasonInWords,
  type ChangeEvent,
  type ChangeWordsContext,
} from "@/lib/text/booking-changes";
import { openScenario, subRef, type Scenario } from "@/tests/support/booking-scenario";
import { insertStaff } from "@/tests/support/mirror-rows";
import { editBooking } from "@/lib/bookings/edits";
import { bookingHistory } from "@/lib/bookings/history";
import { rebuildAllBookings } from "@/lib/bookings/reconcile";
import { updateSettings } from "@/lib/settings";

const zone = "Europe/London";
const ctx: ChangeWordsContext = {
  zone,
  staffNames: new Map([
    [1, "Sam Patel"],
    [2, "Alex Kim"],
  ]),
  people: new Map([
    ["sam@example.com", "Sam Patel"],
    ["owner@example.com", "Olivia Owner"],
  ]),
  ruleNames: new Map([[7, "Weekly walk"]]),
  viewer: "owner@example.com",
};

const at = "2026-12-07T10:00:00.000Z";
const event = (changes: ChangeEvent["changes"], more: Partial<ChangeEvent> = {}): ChangeEvent => ({
  at,
  kind: "edited",
  actor: "sam@example.com",
  cause: "edit",
  reason: null,
  changes,
  ...more,
});

/** Our identifiers: camelCase words, snake_case words, and the causes we write. */
const IDENTIFIERS =
  /\b[a-z]+[A-Z][A-Za-z]*\b|\b[A-Za-z]+_[A-Za-z_]+\b|rederive|derived|staff-default|series-edit|\bnull\b|undefined|\[object/;
const allText = (e: ChangeEvent, c: ChangeWordsContext = ctx) => {
  const w = eventInWords(e, c);
  return [w.summary, w.active, w.reason ?? "", ...w.details].join("\n");
};

describe("one change in words", () => {
  it.each([
    [{ staffId: [null, 1] }, "Walker changed from nobody to Sam Patel by Sam Patel"],
    [
      { startAt: ["2026-12-08T09:00:00.000Z", "2026-12-08T12:00:00.000Z"] },
      "Moved from 09:00 to 12:00 by Sam Patel",
    ],
    [
      { startAt: ["2026-12-08T09:00:00.000Z", "2026-12-09T15:00:00.000Z"] },
      "Moved from Tue 8 Dec, 09:00 to Wed 9 Dec, 15:00 by Sam Patel",
    ],
    [{ status: ["scheduled", "completed"] }, "Marked completed by Sam Patel"],
    [{ status: ["scheduled", "no_show"] }, "Marked a no-show by Sam Patel"],
    [{ checkInAt: [null, "2026-12-08T09:02:00.000Z"] }, "Checked in at Tue 8 Dec, 09:02 by Sam Patel"],
    [{ notes: [null, "Gate code 1234"] }, "Note added: “Gate code 1234” by Sam Patel"],
  ])("%j", (changes, expected) => {
    expect(eventInWords(event(changes), ctx).summary).toBe(expected);
  });

  it("says a cancel by hand was yours, without the reason code", () => {
    const words = eventInWords(
      event(
        { status: ["scheduled", "cancelled"], statusReason: [null, "cancelled_by_staff"] },
        { actor: "owner@example.com" },
      ),
      ctx,
    );
    expect(words.summary).toBe("Cancelled by you");
    expect(words.active).toBe("You cancelled it");
  });

  it("tells who moved it, from what to what (the conflict dialog's line)", () => {
    const words = eventInWords(
      event({
        startAt: ["2026-12-08T09:00:00.000Z", "2026-12-08T12:00:00.000Z"],
        endAt: ["2026-12-08T10:00:00.000Z", "2026-12-08T13:00:00.000Z"],
        overrideStartAt: [null, "2026-12-08T12:00:00.000Z"],
      }),
      ctx,
    );
    expect(words.active).toBe("Sam Patel moved it from 09:00 to 12:00");
    expect(words.details).toEqual([]);
    expect(agoInWords(at, new Date(Date.parse(at) + 2 * 60_000))).toBe("2 minutes ago");
  });

  it("names the owner's rule change as theirs, never 'from Stripe' or 'rederive'", () => {
    const words = eventInWords(
      event(
        { startAt: ["2026-12-08T09:00:00.000Z", "2026-12-08T10:00:00.000Z"] },
        { kind: "derived", actor: "owner@example.com", cause: "rule:7" },
      ),
      ctx,
    );
    expect(words.summary).toBe("Moved from 09:00 to 10:00 by your change to the rule Weekly walk");
    expect(
      eventInWords(event({}, { kind: "derived", actor: "system", cause: "rederive" }), ctx).summary,
    ).toBe("Updated after a change to the rules or settings");
  });

  it("shows a Stripe cancel's reason in words", () => {
    const words = eventInWords(
      event(
        { status: ["scheduled", "cancelled"], statusReason: [null, "subscription_canceled"] },
        { kind: "derived", actor: "stripe", cause: "stripe:evt_1", reason: "subscription_canceled" },
      ),
      ctx,
    );
    expect(words.summary).toBe("Cancelled (the subscription was cancelled) from Stripe");
    expect(words.reason).toBeNull();
  });

  it("hides bookkeeping fields (derived walker, overrides) instead of naming them", () => {
    const words = eventInWords(event({ derivedStaffId: [null, 1], overrideStaffId: [1, null] }), ctx);
    expect(words.summary).toBe("Updated by Sam Patel");
  });

  it("never shows a service code", () => {
    expect(allText(event({ serviceCode: ["WALK60", "WALK30"] }))).not.toMatch(/WALK/);
  });

  it("keeps a reason a person typed, and puts no code where there are no words", () => {
    expect(reasonInWords("client away")).toBe("client away");
    expect(reasonInWords("something_new_from_stripe")).toBeNull();
    expect(reasonInWords("subscription_whatever")).toBe("the subscription is no longer active");
  });
});

const FIELDS = [
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
  "bookingKey",
  "sourceKind",
  "sourceId",
  "sourceLineId",
  "clientStripeId",
  "serviceCode",
  "title",
  "ruleId",
  "derivedStartAt",
  "derivedEndAt",
  "derivedStaffId",
  "sequence",
  "someFutureField",
] as const;
const STATUSES = ["scheduled", "held", "cancelled", "completed", "no_show", "paused_by_stripe"];
const CAUSES = [
  null,
  "edit",
  "manual",
  "stripe:evt_123",
  "sync",
  "sync:events",
  "rederive",
  "rule:7",
  "rule:99",
  "horizon",
  "staff-default",
  "series-edit",
  "something_new",
];
const ACTORS = [
  "owner@example.com",
  "sam@example.com",
  "new.person@example.com",
  "token:Sam's phone",
  "cli",
  "stripe",
  "system",
];
const REASONS = [
  null,
  "client away",
  ...KNOWN_REASONS,
  "subscription_incomplete_expired",
  "invoice_open_weird",
];

const value = fc.oneof(
  fc.constant(null),
  fc.integer({ min: 1, max: 3 }),
  fc
    .date({ min: new Date("2026-01-01"), max: new Date("2027-12-31"), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc.constantFrom(...STATUSES, ...KNOWN_REASONS, "Evening walk"),
);

describe("no identifier reaches people (property)", () => {
  it("over every field, status, reason, actor and cause a history row can hold", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...FIELDS), fc.tuple(value, value), { maxKeys: 6 }),
        fc.constantFrom("created", "derived", "edited"),
        fc.constantFrom(...ACTORS),
        fc.constantFrom(...CAUSES),
        fc.constantFrom(...REASONS),
        (raw, kind, actor, cause, reason) => {
          // Titles and notes are people's own text, shown as typed.
          const changes = Object.fromEntries(
            Object.entries(raw).map(([field, pair]) =>
              field === "title" || field === "notes"
                ? [field, pair.map((v) => (typeof v === "string" ? "Evening walk" : v))]
                : [field, pair],
            ),
          );
          const text = allText({ at, kind, actor, cause, reason, changes });
          expect(text).not.toMatch(IDENTIFIERS);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it.each(KNOWN_REASONS)("reason %s has words", (code) => {
    const text = allText(
      event(
        { status: ["scheduled", "cancelled"], statusReason: [null, code] },
        { reason: code, kind: "derived", actor: "stripe" },
      ),
    );
    expect(text).not.toMatch(IDENTIFIERS);
    expect(reasonInWords(code)).toBeTruthy();
  });
});

let s: Scenario | undefined;
afterEach(() => s?.cleanup());

describe("the history real edits and re-derivations write", () => {
  it("reads without identifiers", () => {
    const now = new Date("2026-10-15T18:00:00Z");
    s = openScenario(zone, now);
    const sam = insertStaff(s.db, "Sam Patel");
    s.apply(s.sub());
    const [first, second] = s.live(subRef);
    const edit = (id: number, patch: Parameters<typeof editBooking>[1]["patch"]) =>
      editBooking(s!.db, { id, patch, actor: "owner@example.com", now });
    edit(first!.id, { staffId: sam });
    edit(first!.id, { startAt: new Date(first!.startAt.getTime() + 3 * 3600_000) });
    edit(first!.id, { notes: "Gate code 1234" });
    edit(second!.id, { status: "cancelled" });
    edit(second!.id, { status: "scheduled" });
    updateSettings(s.db, { defaultStartTime: "10:00" });
    rebuildAllBookings(s.db, now);
    s.apply(s.sub({ status: "canceled", endedAt: now }));
    const words = { ...ctx, staffNames: new Map([[sam, "Sam Patel"]]) };
    const texts = [first!, second!].flatMap((b) => bookingHistory(s!.db, b.id).map((e) => allText(e, words)));
    expect(texts.length).toBeGreaterThanOrEqual(6);
    for (const text of texts) expect(text).not.toMatch(IDENTIFIERS);
    expect(texts.join("\n")).toContain("Walker changed from nobody to Sam Patel by you");
    expect(texts.join("\n")).toContain("Cancelled by you");
  });
});
