// The owner's reports over real SQLite files (Prisma client), each on a fixture account built
// for it and compared with figures worked out by hand below: visits across a week boundary that
// differs between UTC and the business zone, revenue in three currencies in one month, and
// churn with cancellations in the middle of a period.
import { describe, expect, it } from "vitest";
import { formatAxisMoney, formatMoney, majorUnits } from "@/lib/reports/money";
import { periodsOf } from "@/lib/reports/periods";
import { parseReportQuery } from "@/lib/reports/query";
import { revenueReport } from "@/lib/reports/revenue";
import { reportTable } from "@/lib/reports/run";
import { subscriptionsReport } from "@/lib/reports/subscriptions";
import { visitsReport } from "@/lib/reports/visits";
import { fromLocal } from "@/lib/schedule/time";
import { prismaDbPerTest } from "@/tests/support/prisma-db";
import { type TestDb } from "@/tests/support/db";

const setup = prismaDbPerTest();

const at = (local: string, zone: string) =>
  fromLocal(local.slice(0, 10), local.slice(11, 16), zone).getTime();

describe("visits per week", () => {
  const ZONE = "America/New_York";

  function fixture(t: TestDb) {
    const staff = (name: string) =>
      Number(t.db.prepare("INSERT INTO Staff (name, createdAt) VALUES (?, 0)").run(name).lastInsertRowid);
    const alex = staff("Alex");
    const sam = staff("Sam");
    const insert = t.db.prepare(
      `INSERT INTO Booking (bookingKey, serviceCode, title, startAt, endAt, staffId, status, sourceKind, sequence, createdAt, updatedAt)
       VALUES (?, ?, 'Visit', ?, ?, ?, ?, 'manual', 0, 0, 0)`,
    );
    const visit = (key: string, local: string, service: string, staffId: number | null, status: string) => {
      const start = at(local, ZONE);
      insert.run(key, service, start, start + 3_600_000, staffId, status);
    };
    // Week of Mon 2 Nov 2026 (US DST ended on Sun 1 Nov, so local = UTC − 5 h).
    visit("b1", "2026-11-02T10:00", "WALK30", alex, "completed");
    visit("b2", "2026-11-04T10:00", "WALK30", alex, "cancelled");
    visit("b3", "2026-11-06T15:00", "WALK60", sam, "no_show");
    // Sunday 22:00 local is Monday 03:00 UTC: it belongs to the week of 2 Nov, not 9 Nov.
    visit("b4", "2026-11-08T22:00", "WALK60", sam, "completed");
    // Week of Mon 9 Nov.
    visit("b5", "2026-11-09T00:30", "WALK30", null, "scheduled");
    visit("b6", "2026-11-10T09:00", "WALK60", alex, "completed");
    // Outside: Sun 1 Nov 23:30 local is Mon 2 Nov 04:30 UTC (still the week of 26 Oct locally);
    // Mon 16 Nov 00:00 is after the range's last week.
    visit("b7", "2026-11-01T23:30", "WALK30", alex, "completed");
    visit("b8", "2026-11-16T00:00", "WALK30", alex, "completed");
    return { alex, sam };
  }

  const range = { from: "2026-11-02", to: "2026-11-15" };

  it("counts by walker per local week, the Sunday-night visit in its local week", async () => {
    const { t, db } = setup();
    const { alex, sam } = fixture(t);
    const report = await visitsReport(db, { range, zone: ZONE, by: "staff" });
    const z = { completed: 0, cancelled: 0, noShow: 0, scheduled: 0 };
    expect(report.rows).toEqual([
      {
        week: "2026-11-02",
        weekLabel: "2 Nov 2026",
        key: String(alex),
        label: "Alex",
        ...z,
        completed: 1,
        cancelled: 1,
        total: 2,
      },
      {
        week: "2026-11-02",
        weekLabel: "2 Nov 2026",
        key: String(sam),
        label: "Sam",
        ...z,
        completed: 1,
        noShow: 1,
        total: 2,
      },
      {
        week: "2026-11-09",
        weekLabel: "9 Nov 2026",
        key: String(alex),
        label: "Alex",
        ...z,
        completed: 1,
        total: 1,
      },
      {
        week: "2026-11-09",
        weekLabel: "9 Nov 2026",
        key: "unassigned",
        label: "Unassigned",
        ...z,
        scheduled: 1,
        total: 1,
      },
    ]);
    expect(report.weeks).toEqual([
      {
        week: "2026-11-02",
        weekLabel: "2 Nov 2026",
        completed: 2,
        cancelled: 1,
        noShow: 1,
        scheduled: 0,
        total: 4,
      },
      {
        week: "2026-11-09",
        weekLabel: "9 Nov 2026",
        completed: 1,
        cancelled: 0,
        noShow: 0,
        scheduled: 1,
        total: 2,
      },
    ]);
  });

  it("counts by service, and the CSV table carries the same figures", async () => {
    const { t, db } = setup();
    fixture(t);
    const report = await visitsReport(db, { range, zone: ZONE, by: "service" });
    expect(
      report.rows.map((r) => [r.week, r.label, r.completed, r.cancelled, r.noShow, r.scheduled, r.total]),
    ).toEqual([
      ["2026-11-02", "WALK30", 1, 1, 0, 0, 2],
      ["2026-11-02", "WALK60", 1, 0, 1, 0, 2],
      ["2026-11-09", "WALK30", 0, 0, 0, 1, 1],
      ["2026-11-09", "WALK60", 1, 0, 0, 0, 1],
    ]);
    const table = await reportTable(db, { report: "visits", range, by: "service" }, ZONE, new Date());
    expect(table.columns).toEqual([
      "week_starting",
      "service",
      "completed",
      "cancelled",
      "no_show",
      "scheduled",
      "total",
    ]);
    expect(table.rows[1]).toEqual(["2026-11-02", "WALK60", 1, 0, 1, 0, 2]);
  });

  it("a week in UTC would have put the boundary visits elsewhere", () => {
    // The same range in UTC: b4 (Mon 03:00 UTC) would fall in the week of 9 Nov, b7 in the week of 2 Nov.
    const [first] = periodsOf(range, "week", ZONE);
    expect(first!.start.toISOString()).toBe("2026-11-02T05:00:00.000Z");
    expect(first!.end.toISOString()).toBe("2026-11-09T05:00:00.000Z");
  });
});

describe("revenue per month by service, per currency", () => {
  const ZONE = "Europe/London";

  function fixture(t: TestDb) {
    const product = (id: string, name: string, serviceCode: string | null) =>
      t.db
        .prepare(
          `INSERT INTO Product (stripeId, name, active, serviceCode, raw, contentHash, stripeCreated, sourceAt, appliedAt)
           VALUES (?, ?, 1, ?, '{}', 'h', 0, 0, 0)`,
        )
        .run(id, name, serviceCode);
    const price = (id: string, productId: string, currency: string, amount: number) =>
      t.db
        .prepare(
          `INSERT INTO Price (stripeId, productStripeId, active, currency, unitAmount, type, raw, contentHash, stripeCreated, sourceAt, appliedAt)
           VALUES (?, ?, 1, ?, ?, 'one_time', '{}', 'h', 0, 0, 0)`,
        )
        .run(id, productId, currency, amount);
    const rule = (name: string, serviceCode: string, matcher: object, priority: number, active = true) =>
      t.db
        .prepare(
          `INSERT INTO Rule (name, serviceCode, matcherJson, allocationJson, active, priority, createdAt, updatedAt)
           VALUES (?, ?, ?, '{}', ?, ?, 0, 0)`,
        )
        .run(name, serviceCode, JSON.stringify(matcher), active ? 1 : 0, priority);
    product("prod_walk", "Dog Walk", "WALK30");
    product("prod_groom", "Grooming", null);
    price("price_walk_gbp", "prod_walk", "gbp", 2000);
    price("price_walk_eur", "prod_walk", "eur", 3000);
    price("price_groom_gbp", "prod_groom", "gbp", 4500);
    rule("Walks", "WALK30", { productIds: ["prod_walk"] }, 100);
    // Higher priority (lower number): euro walks are their own service.
    rule("Euro walks", "WALK_EU", { priceIds: ["price_walk_eur"] }, 10);
    // Inactive: grooming has no rule, so it is reported under its product name.
    rule("Old grooming", "GROOM_OLD", { productIds: ["prod_groom"] }, 1, false);

    const invoice = (
      id: string,
      status: string,
      currency: string,
      paidLocal: string | null,
      lines: { price?: string; product?: string; amount: number }[],
    ) => {
      const paidAt = paidLocal ? at(paidLocal, ZONE) : null;
      const total = lines.reduce((s, l) => s + l.amount, 0);
      t.db
        .prepare(
          `INSERT INTO InvoiceMap (stripeId, clientStripeId, status, currency, total, amountPaid, amountRemaining, paidAt,
             raw, contentHash, stripeCreated, sourceAt, appliedAt)
           VALUES (?, 'cus_1', ?, ?, ?, ?, ?, ?, '{}', 'h', ?, 0, 0)`,
        )
        .run(
          id,
          status,
          currency,
          total,
          status === "paid" ? total : 0,
          status === "paid" ? 0 : total,
          paidAt,
          paidAt ?? at("2026-10-15T12:00", ZONE),
        );
      lines.forEach((l, i) =>
        t.db
          .prepare(
            `INSERT INTO InvoiceLineMap (stripeId, invoiceStripeId, priceStripeId, productStripeId, quantity, amount, currency)
             VALUES (?, ?, ?, ?, 1, ?, ?)`,
          )
          .run(
            `il_${id}_${i}`,
            id,
            l.price ?? null,
            l.product ?? (l.price ? null : null),
            l.amount,
            currency,
          ),
      );
    };
    invoice("in_1", "paid", "gbp", "2026-10-05T12:00", [
      { price: "price_walk_gbp", product: "prod_walk", amount: 2000 },
      { price: "price_groom_gbp", product: "prod_groom", amount: 4500 },
    ]);
    invoice("in_2", "paid", "eur", "2026-10-20T09:00", [
      { price: "price_walk_eur", product: "prod_walk", amount: 3000 },
    ]);
    // 00:30 BST on 1 Oct is 23:30 UTC on 30 Sep: October locally.
    invoice("in_3", "paid", "gbp", "2026-10-01T00:30", [
      { price: "price_walk_gbp", product: "prod_walk", amount: 2000 },
    ]);
    // 23:30 BST on 30 Sep: September, outside the range.
    invoice("in_4", "paid", "gbp", "2026-09-30T23:30", [
      { price: "price_walk_gbp", product: "prod_walk", amount: 2000 },
    ]);
    invoice("in_5", "open", "gbp", null, [{ price: "price_walk_gbp", product: "prod_walk", amount: 2000 }]);
    invoice("in_6", "void", "gbp", null, [{ price: "price_groom_gbp", product: "prod_groom", amount: 4500 }]);
    // November: three currencies in one month.
    invoice("in_7", "paid", "eur", "2026-11-03T10:00", [
      { price: "price_walk_eur", product: "prod_walk", amount: 3000 },
      { amount: 500 },
    ]);
    invoice("in_8", "paid", "gbp", "2026-11-10T10:00", [
      { price: "price_groom_gbp", product: "prod_groom", amount: 4500 },
    ]);
    // A line with a product but no price still matches the product rule.
    invoice("in_9", "paid", "jpy", "2026-11-12T10:00", [{ product: "prod_walk", amount: 1200 }]);
  }

  it("keeps currencies apart and attributes lines by rule, else product name", async () => {
    const { t, db } = setup();
    fixture(t);
    const report = await revenueReport(db, { range: { from: "2026-10-01", to: "2026-11-30" }, zone: ZONE });
    expect(report.currencies).toEqual(["eur", "gbp", "jpy"]);
    expect(report.months.map((m) => m.monthLabel)).toEqual(["Oct 2026", "Nov 2026"]);
    expect(
      report.rows.map((r) => [r.month, r.currency, r.service, r.serviceSource, r.amountMinor, r.lines]),
    ).toEqual([
      ["2026-10-01", "eur", "WALK_EU", "rule", 3000, 1],
      ["2026-10-01", "gbp", "Grooming", "product", 4500, 1],
      ["2026-10-01", "gbp", "WALK30", "rule", 4000, 2],
      ["2026-11-01", "eur", "WALK_EU", "rule", 3000, 1],
      ["2026-11-01", "eur", "Other (no product)", "none", 500, 1],
      ["2026-11-01", "gbp", "Grooming", "product", 4500, 1],
      ["2026-11-01", "jpy", "WALK30", "rule", 1200, 1],
    ]);
  });

  it("totals each month per currency, months without revenue as zero (issue 24)", async () => {
    const { t, db } = setup();
    fixture(t);
    const report = await revenueReport(db, { range: { from: "2026-10-01", to: "2026-11-30" }, zone: ZONE });
    expect(report.totals.map((r) => [r.monthLabel, r.currency, r.amountMinor])).toEqual([
      ["Oct 2026", "eur", 3000],
      ["Oct 2026", "gbp", 8500],
      ["Oct 2026", "jpy", 0],
      ["Nov 2026", "eur", 3500],
      ["Nov 2026", "gbp", 4500],
      ["Nov 2026", "jpy", 1200],
    ]);
  });

  it("writes chart ticks in whole units of the currency, never compact (issue 24)", () => {
    expect(formatAxisMoney(2300, "gbp")).toBe("£2,300");
    expect(formatAxisMoney(0, "gbp")).toBe("£0");
    expect(formatAxisMoney(12_500.5, "eur")).toBe("€12,501");
    expect(formatAxisMoney(0.5, "gbp")).toBe("£0.5");
    expect(formatAxisMoney(150_000, "jpy")).toBe("JP¥150,000");
  });

  it("formats minor units in each currency's own decimals", async () => {
    expect(formatMoney(4000, "gbp")).toBe("£40.00");
    expect(formatMoney(3500, "eur")).toBe("€35.00");
    expect(formatMoney(1200, "jpy")).toBe("JP¥1,200");
    expect(majorUnits(4000, "gbp")).toBe("40.00");
    expect(majorUnits(1200, "jpy")).toBe("1200");
    const { t, db } = setup();
    fixture(t);
    const table = await reportTable(
      db,
      { report: "revenue", range: { from: "2026-11-01", to: "2026-11-30" } },
      ZONE,
      new Date(),
    );
    expect(table.rows).toEqual([
      ["2026-11-01", "EUR", "WALK_EU", "rule", "30.00", 3000, 1],
      ["2026-11-01", "EUR", "Other (no product)", "none", "5.00", 500, 1],
      ["2026-11-01", "GBP", "Grooming", "product", "45.00", 4500, 1],
      ["2026-11-01", "JPY", "WALK30", "rule", "1200", 1200, 1],
    ]);
  });
});

describe("active subscriptions and churn", () => {
  const ZONE = "Europe/London";

  function fixture(t: TestDb) {
    const insert = t.db.prepare(
      `INSERT INTO SubscriptionMap (stripeId, clientStripeId, status, currency, startDate, canceledAt, endedAt, deleted,
         raw, contentHash, stripeCreated, sourceAt, appliedAt)
       VALUES (?, 'cus_1', ?, 'gbp', ?, ?, ?, ?, '{}', 'h', 0, 0, 0)`,
    );
    const sub = (
      id: string,
      status: string,
      start: string,
      ended: string | null,
      opts: { canceledOnly?: boolean; deleted?: boolean } = {},
    ) => {
      const end = ended ? at(ended, ZONE) : null;
      insert.run(id, status, at(start, ZONE), end, opts.canceledOnly ? null : end, opts.deleted ? 1 : 0);
    };
    sub("A", "active", "2026-06-01T09:00", null);
    // Cancelled in the middle of October.
    sub("B", "canceled", "2026-07-15T09:00", "2026-10-15T12:00");
    sub("C", "active", "2026-09-10T09:00", null);
    // Cancelled without ended_at: canceled_at is when it ended.
    sub("D", "canceled", "2026-08-01T09:00", "2026-11-05T09:00", { canceledOnly: true });
    // 00:30 BST on 1 Oct (23:30 UTC on 30 Sep): starts in October locally.
    sub("E", "active", "2026-10-01T00:30", null);
    sub("F", "incomplete_expired", "2026-10-03T09:00", null);
    sub("G", "canceled", "2026-03-01T09:00", "2026-08-20T09:00");
    // Started and cancelled within October.
    sub("H", "canceled", "2026-10-10T09:00", "2026-10-25T09:00");
    sub("I", "active", "2026-05-01T09:00", null, { deleted: true });
  }

  it("counts active, started and cancelled per month, churn = cancelled / active at start", async () => {
    const { t, db } = setup();
    fixture(t);
    const rows = await subscriptionsReport(db, {
      range: { from: "2026-09-01", to: "2026-12-31" },
      zone: ZONE,
      granularity: "month",
      now: new Date("2026-11-20T12:00:00Z"),
    });
    // September: A, B, D active at the start; C starts. October: A–D active; E and H start; B
    // (mid-month) and H end. November: A, C, D, E; D ends. December starts after `now`: left out.
    expect(rows).toEqual([
      {
        period: "2026-09-01",
        periodLabel: "Sept 2026",
        activeAtStart: 3,
        started: 1,
        cancelled: 0,
        activeAtEnd: 4,
        churnRate: 0,
      },
      {
        period: "2026-10-01",
        periodLabel: "Oct 2026",
        activeAtStart: 4,
        started: 2,
        cancelled: 2,
        activeAtEnd: 4,
        churnRate: 0.5,
      },
      {
        period: "2026-11-01",
        periodLabel: "Nov 2026",
        activeAtStart: 4,
        started: 0,
        cancelled: 1,
        activeAtEnd: 3,
        churnRate: 0.25,
      },
    ]);
  });

  it("per week: the week B was cancelled in, and no churn rate without active subscriptions", async () => {
    const { t, db } = setup();
    fixture(t);
    const rows = await subscriptionsReport(db, {
      range: { from: "2026-10-12", to: "2026-10-18" },
      zone: ZONE,
      granularity: "week",
      now: new Date("2026-11-20T12:00:00Z"),
    });
    // Mon 12 Oct: A, B, C, D, E, H active; B ends on Thu 15.
    expect(rows).toEqual([
      {
        period: "2026-10-12",
        periodLabel: "12 Oct 2026",
        activeAtStart: 6,
        started: 0,
        cancelled: 1,
        activeAtEnd: 5,
        churnRate: 1 / 6,
      },
    ]);
    const empty = await subscriptionsReport(db, {
      range: { from: "2026-01-05", to: "2026-01-11" },
      zone: ZONE,
      granularity: "week",
      now: new Date("2026-11-20T12:00:00Z"),
    });
    expect(empty).toEqual([
      {
        period: "2026-01-05",
        periodLabel: "5 Jan 2026",
        activeAtStart: 0,
        started: 0,
        cancelled: 0,
        activeAtEnd: 0,
        churnRate: null,
      },
    ]);
  });
});

describe("report queries", () => {
  const now = new Date("2026-11-20T12:00:00Z");

  it("defaults to 8 weeks back and 4 ahead for visits, the last 12 months for money", () => {
    const visits = parseReportQuery("visits", {}, now, "Europe/London");
    expect(visits).toEqual({
      ok: true,
      query: { report: "visits", by: "staff", range: { from: "2026-09-28", to: "2026-12-20" } },
    });
    const subs = parseReportQuery(
      "subscriptions",
      { period: "week", from: "2026-11-01" },
      now,
      "Europe/London",
    );
    expect(subs.ok && subs.query).toEqual({
      report: "subscriptions",
      period: "week",
      range: { from: "2026-11-01", to: "2026-11-22" },
    });
    const revenue = parseReportQuery("revenue", {}, now, "Europe/London");
    expect(revenue.ok && revenue.query.range).toEqual({ from: "2025-12-01", to: "2026-11-30" });
  });

  it("names the field of a bad range or option", () => {
    const backwards = parseReportQuery("visits", { from: "2026-11-10", to: "2026-11-01" }, now, "UTC");
    expect(backwards.ok ? [] : backwards.errors).toEqual([
      { path: "to", message: "must be on or after From" },
    ]);
    const bad = parseReportQuery("visits", { by: "client" }, now, "UTC");
    expect(bad.ok ? [] : bad.errors.map((e) => e.path)).toEqual(["by"]);
    const long = parseReportQuery("visits", { from: "2020-01-01", to: "2026-11-01" }, now, "UTC");
    expect(long.ok ? [] : long.errors.map((e) => e.path)).toEqual(["from"]);
    const notDate = parseReportQuery("revenue", { from: "yesterday" }, now, "UTC");
    expect(notDate.ok ? [] : notDate.errors.map((e) => e.path)).toEqual(["from"]);
  });
});
