// Model-based property test of the changes feed: three phones (owner, walker A, walker B) keep
// copies built only from the feed while random interleavings of writes run against a real
// SQLite file through the lib functions every writer uses (API/screen edits, manual bookings,
// webhook-driven derivation, staff defaults, a settings change and rebuild, client renames and
// deletions, booking deletions), with single pages, full polls and stream reconnects between
// them. After every step, each phone — caught up from wherever it stands — equals the server's
// view of its scope, and a walker's phone has never been told about an item outside its scope.
import { afterEach, describe, expect, it } from "vitest";
import fc from "fast-check";
import { openScenario, type Scenario } from "@/tests/support/booking-scenario";
import { insertClient, insertStaff, writeSubscription, catalog } from "@/tests/support/mirror-rows";
import { bulkAssign, createManualBooking, editBooking, BookingEditError } from "@/lib/bookings/edits";
import { setStaffDefault } from "@/lib/bookings/staff-defaults";
import { rebuildAllBookings, reconcileSources } from "@/lib/bookings/reconcile";
import { updateSettings } from "@/lib/settings";
import {
  clonePhone,
  newPhone,
  pollAll,
  pollPage,
  scopeKeys,
  serverView,
  streamSync,
  type Phone,
} from "@/tests/support/feed-phone";

const NOW = new Date("2026-10-15T18:00:00Z");
const DAY = 86_400_000;

let s: Scenario | undefined;
afterEach(() => s?.cleanup());

type Staff = "A" | "B" | null;
const staffArb = fc.constantFrom<Staff>("A", "B", null);
const action = fc.oneof(
  fc.record({ kind: fc.constant("notes" as const), pick: fc.nat(), text: fc.string({ maxLength: 5 }) }),
  fc.record({ kind: fc.constant("assign" as const), pick: fc.nat(), staff: staffArb }),
  fc.record({
    kind: fc.constant("status" as const),
    pick: fc.nat(),
    status: fc.constantFrom("cancelled", "completed", "scheduled", "no_show") as fc.Arbitrary<
      "cancelled" | "completed" | "scheduled" | "no_show"
    >,
  }),
  fc.record({ kind: fc.constant("checkInOut" as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant("bulk" as const),
    picks: fc.array(fc.nat(), { maxLength: 3 }),
    staff: staffArb,
  }),
  fc.record({
    kind: fc.constant("manual" as const),
    client: fc.constantFrom("cus_1", "cus_2"),
    staff: staffArb,
  }),
  fc.record({
    kind: fc.constant("default" as const),
    client: fc.constantFrom("cus_1", "cus_2"),
    staff: staffArb,
  }),
  fc.record({
    kind: fc.constant("webhook" as const),
    sub: fc.constantFrom("sub_1", "sub_2"),
    active: fc.boolean(),
  }),
  fc.record({ kind: fc.constant("rule" as const), start: fc.constantFrom("08:00", "09:00", "10:30") }),
  fc.record({
    kind: fc.constant("rename" as const),
    client: fc.constantFrom("cus_1", "cus_2"),
    name: fc.string({ maxLength: 4 }),
  }),
  fc.record({
    kind: fc.constant("deleteClient" as const),
    client: fc.constantFrom("cus_1", "cus_2"),
    row: fc.boolean(),
  }),
  fc.record({ kind: fc.constant("deleteBooking" as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant("page" as const),
    phone: fc.nat({ max: 2 }),
    limit: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({
    kind: fc.constant("poll" as const),
    phone: fc.nat({ max: 2 }),
    limit: fc.integer({ min: 1, max: 7 }),
  }),
  fc.record({ kind: fc.constant("stream" as const), phone: fc.nat({ max: 2 }) }),
);
type Action = typeof action extends fc.Arbitrary<infer T> ? T : never;

function world() {
  s = openScenario("Europe/London", NOW);
  const sc = s;
  const staff = { A: insertStaff(sc.db, "Ann"), B: insertStaff(sc.db, "Bob") };
  insertClient(sc.db, { stripeId: "cus_2", name: "Max", email: "max@example.com" });
  let clock = NOW.getTime();
  const subState = (id: string, active: boolean) => ({
    stripeId: id,
    clientStripeId: id === "sub_1" ? "cus_1" : "cus_2",
    status: active ? "active" : "canceled",
    startDate: new Date(NOW.getTime() - 30 * DAY),
    currentPeriodStart: new Date(NOW.getTime() - 2 * DAY),
    currentPeriodEnd: new Date(NOW.getTime() + 5 * DAY),
    ...(active ? {} : { endedAt: NOW, canceledAt: NOW }),
    items: [
      {
        stripeId: `si_${id}`,
        priceStripeId: catalog.walk60.price,
        productStripeId: catalog.walk60.product,
        quantity: 1,
      },
    ],
    sourceAt: new Date((clock += 1000)),
  });
  const webhook = (id: string, active: boolean) => {
    writeSubscription(sc.db, subState(id, active) as never);
    reconcileSources(sc.db, [{ kind: "subscription", stripeId: id }], { now: NOW });
  };
  webhook("sub_1", true);
  webhook("sub_2", true);
  const staffId = (who: Staff) => (who === null ? null : staff[who]);
  const ids = () =>
    (sc.db.prepare("SELECT id FROM Booking ORDER BY id").all() as { id: number }[]).map((r) => r.id);
  const pickId = (n: number) => {
    const all = ids();
    return all.length ? all[n % all.length]! : undefined;
  };
  const edit = (id: number | undefined, patch: Parameters<typeof editBooking>[1]["patch"]) => {
    if (id === undefined) return;
    try {
      editBooking(sc.db, { id, patch, actor: "test", now: NOW });
    } catch (error) {
      if (!(error instanceof BookingEditError)) throw error;
    }
  };
  const run = (a: Action) => {
    switch (a.kind) {
      case "notes":
        return edit(pickId(a.pick), { notes: a.text });
      case "assign":
        return edit(pickId(a.pick), { staffId: staffId(a.staff) });
      case "status":
        return edit(pickId(a.pick), { status: a.status });
      case "checkInOut": {
        const id = pickId(a.pick);
        edit(id, { checkInAt: new Date(NOW.getTime() + 60_000) });
        return edit(id, { checkOutAt: new Date(NOW.getTime() + 3_600_000) });
      }
      case "bulk": {
        const picked = a.picks.map(pickId).filter((id): id is number => id !== undefined);
        try {
          bulkAssign(sc.db, { ids: picked, staffId: staffId(a.staff), actor: "test", now: NOW });
        } catch (error) {
          if (!(error instanceof BookingEditError)) throw error;
        }
        return;
      }
      case "manual":
        if (!sc.db.prepare("SELECT 1 FROM Client WHERE stripeId = ?").get(a.client)) return;
        createManualBooking(
          sc.db,
          {
            title: "Extra",
            clientStripeId: a.client,
            staffId: staffId(a.staff),
            startAt: new Date(NOW.getTime() + DAY),
            endAt: new Date(NOW.getTime() + DAY + 3_600_000),
          },
          NOW,
          "test",
        );
        return;
      case "default":
        setStaffDefault(sc.db, {
          scope: "client",
          key: a.client,
          staffId: staffId(a.staff),
          actor: "t",
          now: NOW,
        });
        return;
      case "webhook":
        return webhook(a.sub, a.active);
      case "rule":
        updateSettings(sc.db, { defaultStartTime: a.start });
        rebuildAllBookings(sc.db, NOW);
        return;
      case "rename":
        sc.db.prepare("UPDATE Client SET name = ? WHERE stripeId = ?").run(a.name, a.client);
        return;
      case "deleteClient":
        if (a.row) sc.db.prepare("DELETE FROM Client WHERE stripeId = ?").run(a.client);
        else sc.db.prepare("UPDATE Client SET deleted = 1 WHERE stripeId = ?").run(a.client);
        return;
      case "deleteBooking": {
        const id = pickId(a.pick);
        if (id !== undefined) sc.db.prepare("DELETE FROM Booking WHERE id = ?").run(id);
        return;
      }
      default:
        return;
    }
  };
  return { db: sc.db, staff, run };
}

describe("changes feed, model-based", () => {
  it("every phone's copy, caught up from any point, equals the server's view of its scope", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 25 }), async (actions) => {
        s?.cleanup();
        const w = world();
        const phones: Phone[] = [newPhone("owner", null), newPhone("A", w.staff.A), newPhone("B", w.staff.B)];
        const ever = new Map<number | null, Set<string>>(phones.map((p) => [p.staffId, new Set()]));
        const remember = () => {
          for (const p of phones)
            for (const key of scopeKeys(serverView(w.db, p.staffId))) ever.get(p.staffId)!.add(key);
        };
        remember();
        for (const a of actions) {
          if (a.kind === "page") pollPage(w.db, phones[a.phone]!, a.limit);
          else if (a.kind === "poll") pollAll(w.db, phones[a.phone]!, a.limit);
          else if (a.kind === "stream") await streamSync(w.db, phones[a.phone]!);
          else w.run(a);
          remember();
          for (const phone of phones) {
            const caughtUp = clonePhone(phone);
            pollAll(w.db, caughtUp, 3);
            const view = serverView(w.db, phone.staffId);
            expect({ phone: phone.name, bookings: caughtUp.bookings }).toEqual({
              phone: phone.name,
              bookings: view.bookings,
            });
            expect({ phone: phone.name, clients: caughtUp.clients }).toEqual({
              phone: phone.name,
              clients: view.clients,
            });
            if (phone.staffId !== null) {
              const outside = [...caughtUp.named].filter((key) => !ever.get(phone.staffId)!.has(key));
              expect({ phone: phone.name, outside }).toEqual({ phone: phone.name, outside: [] });
            }
          }
        }
      }),
      { numRuns: Number(process.env.FEED_MODEL_RUNS ?? 60) },
    );
  }, 240_000);
});
