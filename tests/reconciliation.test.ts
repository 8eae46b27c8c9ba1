// The reconciliation report on a fixture account built for it: every category computed and
// compared with the rows worked out by hand below (now = Mon 2 Mar 2026 12:00 UTC, London).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma, type Db } from "@/lib/db/prisma";
import { insertRule } from "@/lib/rules/store";
import { unmappedLineRef } from "@/lib/rules/editor";
import { listUnmappedLines } from "@/lib/rules/match";
import { loadActiveRules } from "@/lib/rules/repo";
import { ruleInputSchema } from "@/lib/rules/schema";
import { reconciliationCounts, reconciliationReport } from "@/lib/reconciliation/report";
import { reconciliationCsv } from "@/lib/reconciliation/csv";
import { cachedReconciliationReport } from "@/lib/reconciliation/cache";
import { paidVisits } from "@/lib/reconciliation/overbooked";
import type { ReconciliationReport } from "@/lib/reconciliation/types";
import {
  catalog,
  insertPrice,
  insertProduct,
  writeInvoice,
  writeSubscription,
} from "@/tests/support/mirror-rows";
import { openScenario, type Scenario } from "@/tests/support/booking-scenario";

const DAY = 86_400_000;
const now = new Date("2026-03-02T12:00:00Z");
const at = (days: number) => new Date(now.getTime() + days * DAY);
let s: Scenario;
let prisma: Db;
let report: ReconciliationReport;
let bookingSeq = 0;

function insertBooking(
  source: { kind: string; id: string; line: string },
  ruleId: number,
  startAt: Date,
  status = "scheduled",
) {
  bookingSeq += 1;
  s.db
    .prepare(
      `INSERT INTO Booking (bookingKey, clientStripeId, serviceCode, title, startAt, endAt, status, sourceKind, sourceId,
         sourceLineId, ruleId, sequence, createdAt, updatedAt) VALUES (?, 'cus_1', 'X', 'Extra visit', ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
    )
    .run(
      `extra:${bookingSeq}`,
      startAt.getTime(),
      startAt.getTime() + 3600_000,
      status,
      source.kind,
      source.id,
      source.line,
      ruleId,
      0,
      0,
    );
}

function addRule(input: unknown): number {
  return insertRule(s.db, ruleInputSchema.parse(input), now);
}

interface Line {
  stripeId: string;
  priceStripeId: string;
  productStripeId: string;
  quantity: number;
}
const groomLine = (id: string, quantity = 1): Line => ({
  stripeId: id,
  priceStripeId: catalog.groom.price,
  productStripeId: catalog.groom.product,
  quantity,
});

beforeAll(async () => {
  s = openScenario("Europe/London", now);
  const { db } = s;
  let clock = now.getTime();
  const next = () => new Date((clock += 1000));
  // Products no rule knows, and two counted services.
  insertProduct(db, { stripeId: "prod_mystery", name: "Mystery box" });
  insertPrice(db, {
    stripeId: "price_mystery_m",
    productStripeId: "prod_mystery",
    recurringInterval: "month",
  });
  insertPrice(db, { stripeId: "price_mystery_1", productStripeId: "prod_mystery" });
  insertProduct(db, { stripeId: "prod_trial", name: "Trial walks", serviceCode: "TRIAL" });
  insertPrice(db, { stripeId: "price_trial", productStripeId: "prod_trial", recurringInterval: "week" });
  insertProduct(db, { stripeId: "prod_pack", name: "Two walks a month", serviceCode: "PACK" });
  insertPrice(db, { stripeId: "price_pack", productStripeId: "prod_pack", recurringInterval: "month" });
  addRule({
    name: "Trial: two walks",
    serviceCode: "TRIAL",
    matcher: { serviceCodes: ["TRIAL"] },
    allocation: { schedule: { kind: "weekly", byWeekday: ["TU"] }, span: { count: 2 } },
  });
  const packRule = addRule({
    name: "Pack: two a month",
    serviceCode: "PACK",
    matcher: { serviceCodes: ["PACK"] },
    allocation: { schedule: { kind: "perPeriod", count: 2 } },
  });
  const groomRuleId = loadActiveRules(db).find((r) => r.serviceCode === "GROOM")?.id ?? 0;

  const sub = (
    id: string,
    items: { stripeId: string; priceStripeId: string; productStripeId: string; quantity?: number }[],
    extra = {},
  ) => ({
    stripeId: id,
    clientStripeId: "cus_1",
    status: "active",
    startDate: at(-30),
    currentPeriodStart: at(-2),
    currentPeriodEnd: at(5),
    items,
    sourceAt: next(),
    ...extra,
  });
  const inv = (id: string, lines: Line[], extra = {}) => ({
    stripeId: id,
    clientStripeId: "cus_1",
    status: "paid" as const,
    created: new Date(now.getTime() - 3 * 3600_000),
    paidAt: new Date(now.getTime() - 2 * 3600_000),
    lines,
    sourceAt: next(),
    ...extra,
  });
  const walk60 = (id: string) => ({
    stripeId: id,
    priceStripeId: catalog.walk60.price,
    productStripeId: catalog.walk60.product,
  });

  // Paid but not scheduled ------------------------------------------------------------
  s.apply(sub("sub_a", [walk60("si_a")])); // booked every Monday: fine
  s.apply(
    sub("sub_b", [{ stripeId: "si_b", priceStripeId: "price_mystery_m", productStripeId: "prod_mystery" }]),
  ); // no rule → row
  s.apply(sub("sub_c", [{ stripeId: "si_c", priceStripeId: "price_trial", productStripeId: "prod_trial" }])); // its 2 visits were in the past → row
  s.apply(
    sub("sub_d", [{ stripeId: "si_d", priceStripeId: "price_mystery_m", productStripeId: "prod_mystery" }], {
      status: "canceled",
      endedAt: at(-1),
    }),
  ); // not active
  s.apply(
    sub("sub_e", [{ stripeId: "si_e", priceStripeId: "price_mystery_m", productStripeId: "prod_mystery" }], {
      pauseBehavior: "void",
    }),
  ); // paused
  s.apply(inv("in_a", [groomLine("il_a")])); // booked: fine
  s.apply(
    inv("in_b", [
      { stripeId: "il_b", priceStripeId: "price_mystery_1", productStripeId: "prod_mystery", quantity: 1 },
    ]),
  ); // no rule → row
  s.apply(
    inv(
      "in_c",
      [{ stripeId: "il_c", priceStripeId: "price_mystery_1", productStripeId: "prod_mystery", quantity: 1 }],
      { paidAt: at(-200), created: at(-200) },
    ),
  ); // before the lookback
  s.apply(
    inv(
      "in_d",
      [{ stripeId: "il_d", priceStripeId: "price_mystery_1", productStripeId: "prod_mystery", quantity: 1 }],
      { amountRefunded: 5000 },
    ),
  ); // refunded in full
  s.apply(
    inv(
      "in_e",
      [{ stripeId: "il_e", priceStripeId: "price_mystery_m", productStripeId: "prod_mystery", quantity: 1 }],
      { subscriptionStripeId: "sub_a" },
    ),
  ); // paid through its subscription

  // Paid 20 days ago but first mirrored now: its grooming was due before the app knew of it.
  writeInvoice(db, inv("in_old", [groomLine("il_old")], { paidAt: at(-20), created: at(-20) }));

  // Scheduled but unpaid --------------------------------------------------------------
  s.apply(inv("in_open", [groomLine("il_open")], { status: "open", paidAt: null })); // 1 booking, open
  s.apply(inv("in_late", [groomLine("il_late")], { status: "open", paidAt: null, paymentFailed: true })); // 1 booking, past due
  s.apply(inv("in_unc", [groomLine("il_unc")], { status: "open", paidAt: null }));
  writeInvoice(db, inv("in_unc", [groomLine("il_unc")], { status: "uncollectible", paidAt: null })); // booking left: uncollectible
  // sub_a's open invoice pays for [now-2d, now+12d): only Mon 9 Mar 09:00 of sub_a's bookings falls in it.
  writeInvoice(db, {
    ...inv("in_sub_open", [], { status: "open", paidAt: null, subscriptionStripeId: "sub_a" }),
    lines: [
      {
        stripeId: "il_so",
        priceStripeId: catalog.walk60.price,
        productStripeId: catalog.walk60.product,
        periodStart: at(-2),
        periodEnd: at(12),
      },
    ],
  });

  // Refunded, voided or cancelled but still booked ------------------------------------
  s.apply(inv("in_void", [groomLine("il_void")]));
  writeInvoice(db, inv("in_void", [groomLine("il_void")], { status: "void", paidAt: null })); // 1 row
  s.apply(inv("in_refund", [groomLine("il_refund")]));
  writeInvoice(db, inv("in_refund", [groomLine("il_refund")], { amountRefunded: 5000 })); // 1 row
  s.apply(inv("in_partial", [groomLine("il_partial")], { amountRefunded: 1000 })); // kept by derivation: 1 row
  s.apply(sub("sub_x", [walk60("si_x")]));
  // Cancelled to end on Tue 17 Mar: Mondays 23 Mar … 27 Apr (6 bookings within the 8-week horizon) stay booked.
  writeSubscription(db, sub("sub_x", [walk60("si_x")], { cancelAt: at(15) }));

  // Booked past what was paid ----------------------------------------------------------
  // sub_p: 2 visits a period, 3 live bookings in the current period [now-2d, now+28d), 1 in the previous one.
  writeSubscription(
    db,
    sub("sub_p", [{ stripeId: "si_p", priceStripeId: "price_pack", productStripeId: "prod_pack" }], {
      currentPeriodEnd: at(28),
    }),
  );
  const pack = { kind: "subscription", id: "sub_p", line: "si_p" };
  for (const d of [1, 3, 5]) insertBooking(pack, packRule, at(d));
  insertBooking(pack, packRule, at(-10), "completed");
  insertBooking(pack, packRule, at(7), "cancelled"); // cancelled: not counted
  // in_g2: one grooming bought, two booked.
  s.apply(inv("in_g2", [groomLine("il_g2")]));
  insertBooking({ kind: "invoice", id: "in_g2", line: "il_g2" }, groomRuleId, at(3));

  prisma = createPrisma(s.file);
  report = await reconciliationReport(prisma, { now, rules: loadActiveRules(db) });
});

afterAll(async () => {
  await prisma?.$disconnect();
  s?.cleanup();
});

const keys = (rows: { key: string; reason: string }[]) => rows.map((r) => `${r.key} ${r.reason}`).sort();

describe("reconciliation report", () => {
  it("paid but not scheduled: the unmatched subscription item and invoice line, and the rule that gives nothing", () => {
    expect(keys(report.paidUnscheduled)).toEqual([
      "invoice:in_b:il_b no_rule",
      "subscription:sub_b:si_b no_rule",
      "subscription:sub_c:si_c rule_produces_nothing",
    ]);
    const noRule = report.paidUnscheduled.find((r) => r.key === "subscription:sub_b:si_b");
    // The rules editor's own link, and the editor knows that line (it prefills the form from it).
    expect(noRule?.links[0]?.href).toBe("/rules/new?from=subscription%3Asub_b%3Asi_b");
    expect(listUnmappedLines(s.db).map(unmappedLineRef)).toContain("subscription:sub_b:si_b");
    expect(noRule?.clientName).toBe("Jane Doe");
    expect(noRule?.what).toBe("Mystery box");
    expect(report.paidUnscheduled.find((r) => r.key.includes("sub_c"))?.links[0]?.label).toBe("Edit rule");
  });

  it("paid but not scheduled rows say what was paid and when: amount, currency, date (issue 24)", () => {
    const invoiceRow = report.paidUnscheduled.find((r) => r.key === "invoice:in_b:il_b");
    expect(invoiceRow?.line).toMatchObject({
      currency: "gbp",
      quantity: 1,
      paidAt: now.getTime() - 2 * 3600_000,
    });
    expect(invoiceRow?.line?.amountMinor).toBeGreaterThan(0);
    // A subscription item: its price (2,000 pence) × its quantity; no payment date, its period instead.
    const subscriptionRow = report.paidUnscheduled.find((r) => r.key === "subscription:sub_b:si_b");
    expect(subscriptionRow?.line).toMatchObject({ currency: "gbp", paidAt: null });
    expect(subscriptionRow?.line?.amountMinor).toBe(2000 * (subscriptionRow?.line?.quantity ?? 0));
  });

  it("scheduled but unpaid: one booking per open, past-due and uncollectible invoice, and the subscription visit its open invoice covers", () => {
    const rows = report.scheduledUnpaid.map((r) => `${r.sourceId} ${r.reason}`).sort();
    expect(rows).toEqual(["in_late past_due", "in_open open", "in_unc uncollectible", "sub_a open"]);
    const subRow = report.scheduledUnpaid.find((r) => r.sourceId === "sub_a");
    expect(new Date(subRow?.startAt ?? 0).toISOString()).toBe("2026-03-09T09:00:00.000Z");
    expect(subRow?.links[0]?.href).toBe(`/bookings/${subRow?.bookingId}`);
  });

  it("refunded, voided or cancelled but still booked: every upcoming booking its source no longer pays for", () => {
    const bySource = new Map<string, number>();
    for (const row of report.cancelledStillBooked)
      bySource.set(`${row.sourceId} ${row.reason}`, (bySource.get(`${row.sourceId} ${row.reason}`) ?? 0) + 1);
    expect(Object.fromEntries(bySource)).toEqual({
      "in_void invoice_void": 1,
      "in_refund invoice_refunded": 1,
      "in_partial invoice_partly_refunded": 1,
      "sub_x subscription_ending": 6,
    });
    const firstX = report.cancelledStillBooked.find((r) => r.sourceId === "sub_x");
    expect(new Date(firstX?.startAt ?? 0).toISOString()).toBe("2026-03-23T09:00:00.000Z");
  });

  it("booked past what was paid: 3 of 2 in the pack's period, 2 groomings of 1", () => {
    expect(
      report.overbooked.map((r) => ({ key: r.key, booked: r.booked, paid: r.paid, reason: r.reason })),
    ).toEqual([
      { key: "invoice:in_g2:il_g2", booked: 2, paid: 1, reason: "over_quantity" },
      { key: "subscription:sub_p:si_p", booked: 3, paid: 2, reason: "over_period_quantity" },
    ]);
  });

  it("counts agree with the report, and a later `now` moves the window", async () => {
    expect(await reconciliationCounts(prisma, { now, rules: loadActiveRules(s.db) })).toEqual({
      paidUnscheduled: 3,
      scheduledUnpaid: 4,
      cancelledStillBooked: 9,
      overbooked: 2,
    });
    // 100 days on (nothing re-derived): in_b was paid before the lookback, and the five active
    // subscriptions (a, b, c, x, p) have no upcoming booking left; every booking is in the past.
    const later = await reconciliationReport(prisma, { now: at(100), rules: loadActiveRules(s.db) });
    expect(later.paidUnscheduled.map((r) => r.sourceId).sort()).toEqual([
      "sub_a",
      "sub_b",
      "sub_c",
      "sub_p",
      "sub_x",
    ]);
    expect(later.cancelledStillBooked).toEqual([]);
  });

  it("paid visits follow the rule's quantity handling", () => {
    const rule = (allocation: object) =>
      ruleInputSchema.parse({ name: "r", serviceCode: "R", matcher: { serviceCodes: ["R"] }, allocation });
    expect(paidVisits(rule({ schedule: { kind: "once" } }), 3)).toEqual({ per: "line", visits: 3 });
    expect(paidVisits(rule({ schedule: { kind: "once" }, quantity: "ignore" }), 3)).toEqual({
      per: "line",
      visits: 1,
    });
    expect(paidVisits(rule({ schedule: { kind: "consecutiveDays" }, quantity: "ignore" }), 4)).toEqual({
      per: "line",
      visits: 4,
    });
    expect(paidVisits(rule({ schedule: { kind: "perPeriod", count: 8 } }), 2)).toEqual({
      per: "period",
      visits: 16,
    });
    expect(
      paidVisits(rule({ schedule: { kind: "weekly", byWeekday: ["MO"] }, span: { count: 5 } }), 1),
    ).toEqual({ per: "line", visits: 5 });
    expect(paidVisits(rule({ schedule: { kind: "weekly", byWeekday: ["MO"] } }), 1)).toBeNull();
  });

  it("exports each category as CSV with one line per row, times in the business zone", () => {
    const csv = reconciliationCsv(report.scheduledUnpaid, "Europe/London");
    const lines = csv.trimEnd().split("\r\n");
    expect(lines).toHaveLength(1 + 4);
    expect(lines[0]).toMatch(/^client,client_id,what,/);
    expect(csv).toContain("2026-03-09 09:00");
    expect(reconciliationCsv([{ ...report.overbooked[0]!, what: '=HYPERLINK("x")' }], "UTC")).toContain(
      `"'=HYPERLINK(""x"")"`,
    );
  });

  // Last: it changes the fixture.
  it("keeps the report for the screens until a row it reads is written", async () => {
    const input = { now, rules: loadActiveRules(s.db) };
    const first = await cachedReconciliationReport(prisma, "test", input);
    expect(await cachedReconciliationReport(prisma, "test", input)).toBe(first);
    // Staff cancel the voided invoice's visit: the report moves at once.
    s.db
      .prepare("UPDATE Booking SET status = 'cancelled', updatedAt = ? WHERE sourceId = 'in_void'")
      .run(now.getTime() + 5000);
    const second = await cachedReconciliationReport(prisma, "test", input);
    expect(second).not.toBe(first);
    expect(second.cancelledStillBooked).toHaveLength(8);
  });
});
