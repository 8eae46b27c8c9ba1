// A business with the demo catalog, the default rules and one client, in a given time zone at
// a given `now`: the stage for lifecycle tests. States written through `apply` get increasing sourceAt.
import { DateTime } from "luxon";
import { updateSettings, type Settings } from "@/lib/settings";
import { reconcileSources } from "@/lib/bookings/reconcile";
import { seedDefaultRules } from "@/lib/rules/defaults";
import type { ReconcileSummary, SourceRef } from "@/lib/bookings/types";
import { bookingColumns, toStoredBooking, type BookingRow, type StoredBooking } from "@/lib/bookings/stored";
import { freshDb, type TestDb } from "@/tests/support/db";
import {
  catalog,
  insertClient,
  seedCatalog,
  writeInvoice,
  writeSubscription,
  type InvoiceState,
  type SubscriptionState,
} from "@/tests/support/mirror-rows";

export const zones = ["Europe/London", "America/New_York"] as const;
/**
 * Each window of 8 weeks from these instants holds a DST change in both zones (US: Mar 8 /
 * Nov 1, EU: Mar 29 / Oct 25). Evenings in both zones: a weekly visit of today is past, so the
 * whole-day horizon (through the day 8 weeks ahead) holds exactly 8 upcoming ones.
 */
export const nows = [new Date("2026-03-01T18:00:00Z"), new Date("2026-10-15T18:00:00Z")] as const;
export const matrix = zones.flatMap((zone) =>
  nows.map((now) => ({ zone, now, label: `${zone} @ ${now.toISOString().slice(0, 10)}` })),
);

const DAY = 86_400_000;

export interface Scenario extends TestDb {
  zone: string;
  now: Date;
  /** A WALK60 subscription of Jane Doe (sub_1 / si_1), started 30 days ago, weekly period around now. */
  sub(overrides?: Partial<SubscriptionState>): SubscriptionState;
  /** A paid one-off GROOM invoice of Jane Doe (in_1 / il_1), paid two hours ago. */
  invoice(overrides?: Partial<InvoiceState>): InvoiceState;
  apply(state: SubscriptionState | InvoiceState, at?: Date): ReconcileSummary;
  reconcile(ref: SourceRef, at?: Date): ReconcileSummary;
  rows(ref: SourceRef): StoredBooking[];
  live(ref: SourceRef): StoredBooking[];
}

export const subRef: SourceRef = { kind: "subscription", stripeId: "sub_1" };
export const invRef: SourceRef = { kind: "invoice", stripeId: "in_1" };

export function openScenario(zone: string, now: Date, settings: Partial<Settings> = {}): Scenario {
  const t = freshDb();
  const { db } = t;
  updateSettings(db, { timeZone: zone, horizonWeeks: 8, defaultStartTime: "09:00", ...settings });
  seedCatalog(db);
  insertClient(db, { stripeId: "cus_1", name: "Jane Doe", email: "jane@example.com" });
  seedDefaultRules(db, now);
  let clock = now.getTime() - DAY;
  const nextAt = () => new Date((clock += 1000));
  const rows = (ref: SourceRef) =>
    (
      db
        .prepare(
          `SELECT ${bookingColumns} FROM Booking WHERE sourceKind = ? AND sourceId = ? ORDER BY startAt, bookingKey`,
        )
        .all(ref.kind, ref.stripeId) as BookingRow[]
    ).map(toStoredBooking);
  const reconcile = (ref: SourceRef, at = now) => reconcileSources(db, [ref], { now: at });
  return {
    ...t,
    zone,
    now,
    sub: (overrides = {}) => ({
      stripeId: "sub_1",
      clientStripeId: "cus_1",
      status: "active",
      startDate: new Date(now.getTime() - 30 * DAY),
      currentPeriodStart: new Date(now.getTime() - 2 * DAY),
      currentPeriodEnd: new Date(now.getTime() + 5 * DAY),
      items: [
        {
          stripeId: "si_1",
          priceStripeId: catalog.walk60.price,
          productStripeId: catalog.walk60.product,
          quantity: 1,
        },
      ],
      ...overrides,
      sourceAt: nextAt(),
    }),
    invoice: (overrides = {}) => ({
      stripeId: "in_1",
      clientStripeId: "cus_1",
      status: "paid",
      created: new Date(now.getTime() - 3 * 3600_000),
      paidAt: new Date(now.getTime() - 2 * 3600_000),
      lines: [
        { stripeId: "il_1", priceStripeId: catalog.groom.price, productStripeId: catalog.groom.product },
      ],
      ...overrides,
      sourceAt: nextAt(),
    }),
    apply: (state, at = now) => {
      if ("items" in state) writeSubscription(db, state);
      else writeInvoice(db, state);
      return reconcile({ kind: "items" in state ? "subscription" : "invoice", stripeId: state.stripeId }, at);
    },
    reconcile,
    rows,
    live: (ref) => rows(ref).filter((b) => b.status !== "cancelled"),
  };
}

/** Local wall-clock view of an instant. */
export function local(
  instant: Date,
  zone: string,
): { date: string; time: string; weekday: string; offset: number } {
  const dt = DateTime.fromJSDate(instant, { zone });
  return {
    date: dt.toFormat("yyyy-MM-dd"),
    time: dt.toFormat("HH:mm"),
    weekday: dt.toFormat("ccc"),
    offset: dt.offset,
  };
}

/** The first instant after `from` at which the zone's UTC offset changes. */
export function nextOffsetChange(zone: string, from: Date): Date {
  const start = DateTime.fromJSDate(from, { zone });
  for (let h = 1; h < 24 * 400; h += 1) {
    if (start.plus({ hours: h }).offset !== start.offset) return start.plus({ hours: h }).toJSDate();
  }
  throw new Error(`no offset change in ${zone}`);
}
