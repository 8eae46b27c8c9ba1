// Property: bookings are a function of the final Stripe state. Applying states (write mirror +
// reconcile) in any order, with duplicates, where the newest `sourceAt` wins in the mirror,
// ends with the same live bookings as applying only the final states once to an empty database.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Sqlite } from "@/lib/db/sqlite";
import { updateSettings } from "@/lib/settings";
import { reconcileSources } from "@/lib/bookings/reconcile";
import { seedDefaultRules } from "@/lib/rules/defaults";
import type { SourceRef } from "@/lib/bookings/types";
import { freshDb } from "@/tests/support/db";
import { nows, zones } from "@/tests/support/booking-scenario";
import {
  catalog,
  insertClient,
  seedCatalog,
  writeInvoice,
  writeSubscription,
  type InvoiceState,
  type SubscriptionState,
} from "@/tests/support/mirror-rows";

const DAY = 86_400_000;
const HOUR = 3_600_000;
type Product = keyof typeof catalog;

// Few ids and few products, so that successive states often want the same booking keys:
// that is where cancel / re-want / update paths meet.
const subSpec = fc.record({
  kind: fc.constant("subscription" as const),
  id: fc.constantFrom("sub_a", "sub_a", "sub_a", "sub_b"),
  status: fc.constantFrom(
    "active",
    "active",
    "active",
    "active",
    "trialing",
    "past_due",
    "canceled",
    "incomplete_expired",
  ),
  items: fc.tuple(
    fc.record({
      id: fc.constant("si_1"),
      product: fc.constantFrom<Product>("walk60", "walk60", "walk3x", "puppy"),
      quantity: fc.constantFrom(0, 1, 1, 1, 2, 3),
    }),
    fc.option(
      fc.record({
        id: fc.constant("si_2"),
        product: fc.constantFrom<Product>("walk30", "gift"),
        quantity: fc.constantFrom(1, 2),
      }),
    ),
  ),
  cancelAtPeriodEnd: fc.constantFrom(false, false, true),
  pause: fc.constantFrom("none", "none", "none", "none", "until", "forever"),
  deleted: fc.constantFrom(false, false, false, false, false, true),
  startDaysAgo: fc.constantFrom(0, 3, 30),
});

const invoiceSpec = fc.record({
  kind: fc.constant("invoice" as const),
  id: fc.constantFrom("in_a", "in_a", "in_a", "in_b"),
  status: fc.constantFrom("draft", "open", "open", "paid", "paid", "paid", "void", "uncollectible"),
  paymentFailed: fc.boolean(),
  refunded: fc.constantFrom(0, 0, 2000, 5000),
  product: fc.constantFrom<Product>("groom", "groom", "board", "walk60", "gift"),
  quantity: fc.integer({ min: 1, max: 3 }),
  paidHoursAgo: fc.integer({ min: -30, max: 30 }),
  deleted: fc.constantFrom(false, false, false, false, true),
});

type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never;
type Spec = ValueOf<typeof subSpec> | ValueOf<typeof invoiceSpec>;
type State = SubscriptionState | InvoiceState;

function toState(spec: Spec, sourceAt: Date, now: Date): State {
  if (spec.kind === "subscription") {
    const items = spec.items.filter((item) => item !== null);
    return {
      stripeId: spec.id,
      clientStripeId: "cus_1",
      status: spec.status,
      sourceAt,
      deleted: spec.deleted,
      startDate: new Date(now.getTime() - spec.startDaysAgo * DAY),
      currentPeriodStart: new Date(now.getTime() - 2 * DAY),
      currentPeriodEnd: new Date(now.getTime() + 12 * DAY),
      cancelAtPeriodEnd: spec.cancelAtPeriodEnd,
      pauseBehavior: spec.pause === "none" ? null : "void",
      pauseResumesAt: spec.pause === "until" ? new Date(now.getTime() + 20 * DAY) : null,
      items: items.map((i) => ({
        stripeId: `${spec.id}_${i.id}`,
        priceStripeId: catalog[i.product].price,
        productStripeId: catalog[i.product].product,
        quantity: i.quantity,
      })),
    };
  }
  const paidAt = new Date(now.getTime() - spec.paidHoursAgo * HOUR);
  return {
    stripeId: spec.id,
    clientStripeId: "cus_1",
    status: spec.status,
    sourceAt,
    deleted: spec.deleted,
    created: new Date(now.getTime() - 40 * HOUR),
    paidAt: spec.status === "paid" ? paidAt : null,
    paymentFailed: spec.paymentFailed,
    total: 5000,
    amountRefunded: spec.refunded,
    lines: [
      {
        stripeId: "il_1",
        priceStripeId: catalog[spec.product].price,
        productStripeId: catalog[spec.product].product,
        quantity: spec.quantity,
      },
    ],
  };
}

const refOf = (state: State): SourceRef => ({
  kind: "items" in state ? "subscription" : "invoice",
  stripeId: state.stripeId,
});

function apply(db: Sqlite, state: State, now: Date): void {
  if ("items" in state) writeSubscription(db, state);
  else writeInvoice(db, state);
  reconcileSources(db, [refOf(state)], { now });
}

function setup(zone: string, now: Date, policy: "keep" | "hold") {
  const t = freshDb();
  updateSettings(t.db, { timeZone: zone, paymentFailedPolicy: policy, horizonWeeks: 6 });
  seedCatalog(t.db);
  insertClient(t.db, { stripeId: "cus_1", name: "Jane Doe" });
  seedDefaultRules(t.db, now);
  return t;
}

function liveBookings(db: Sqlite) {
  return db
    .prepare(
      `SELECT bookingKey, status, statusReason, startAt, endAt FROM Booking WHERE status != 'cancelled' ORDER BY bookingKey`,
    )
    .all();
}

/** Mostly in Stripe order, locally shuffled (jitter), with duplicates delivered at random points. */
function arrivalOrder(states: State[], jitter: number[], duplicates: [number, number][]): State[] {
  const order = states
    .map((state, i) => ({ state, at: i + (jitter[i] ?? 0) }))
    .sort((a, b) => a.at - b.at)
    .map((entry) => entry.state);
  for (const [which, where] of duplicates)
    order.splice(where % (order.length + 1), 0, states[which % states.length]!);
  return order;
}

describe("reconcile is order-independent and idempotent", () => {
  it("any order of states, with duplicates, ends where the final states alone end", () => {
    let runsWithBookings = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.constantFrom(...nows),
        fc.constantFrom<"keep" | "hold">("keep", "hold"),
        fc.array(fc.oneof(subSpec, invoiceSpec), { minLength: 4, maxLength: 10 }),
        fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 8, maxLength: 8 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 8 }),
        (zone, now, policy, specs, jitter, duplicates) => {
          const states = specs.map((spec, i) => toState(spec, new Date(now.getTime() - DAY + i * 1000), now));
          const order = arrivalOrder(states, jitter, duplicates);
          const replayed = setup(zone, now, policy);
          const direct = setup(zone, now, policy);
          try {
            for (const state of order) apply(replayed.db, state, now);
            const finals = new Map<string, State>();
            for (const state of order) {
              const key = `${refOf(state).kind}:${state.stripeId}`;
              const current = finals.get(key);
              if (!current || state.sourceAt > current.sourceAt) finals.set(key, state);
            }
            for (const state of finals.values()) apply(direct.db, state, now);
            const live = liveBookings(replayed.db);
            expect(live).toEqual(liveBookings(direct.db));
            if (live.length > 0) runsWithBookings += 1;
            // Replaying the final states once more writes nothing.
            const before = replayed.db.prepare("SELECT total_changes() AS n").get();
            for (const state of finals.values()) reconcileSources(replayed.db, [refOf(state)], { now });
            expect(replayed.db.prepare("SELECT total_changes() AS n").get()).toEqual(before);
          } finally {
            replayed.cleanup();
            direct.cleanup();
          }
        },
      ),
      { numRuns: 100 },
    );
    // The property is only meaningful if many runs actually produce bookings.
    expect(runsWithBookings).toBeGreaterThan(30);
  });
});
