// The owner's reports over 50,000 bookings and 100,000 invoices on the production server: each
// report's screen (server render, HTML) and its CSV route, requested one at a time by a signed-in
// owner. Baseline: GET /api/health in the same run. Another report route joins the run by one
// line in REPORT_ROUTES.
import path from "node:path";
import { figure } from "@/bench/report";
import { fillBookings } from "@/bench/support/bookings";
import { migratedDataDir } from "@/bench/support/db";
import { newObjectRows, rawInserter } from "@/bench/support/mirror-rows";
import { createOwnerAccount, signInCookie } from "@/bench/support/owner";
import { freePort, startServe } from "@/bench/support/server";
import { median, p95, scaled } from "@/bench/support/stats";
import type { BenchContext, BenchOutput, Benchmark, Check, Figure } from "@/bench/types";
import { openSqlite, type Sqlite } from "@/lib/db/sqlite";
import { seedDefaultRules } from "@/lib/rules/defaults";
import { catalogPrices, catalogProducts } from "@/lib/stripe-fixtures/catalog";
import { createRng } from "@/lib/stripe-fixtures/random";

/** The routes measured: `[id, label, path]`. Add a report route here (e.g. reconciliation). */
export const REPORT_ROUTES: [id: string, label: string, path: string][] = [
  ["visits.page", "GET /reports/visits (8 weeks back, 4 ahead, by walker, HTML)", "/reports/visits"],
  [
    "visits.csv",
    "GET /api/owner/reports/visits/csv (12 weeks, by service)",
    "/api/owner/reports/visits/csv?by=service",
  ],
  ["revenue.page", "GET /reports/revenue (12 months, HTML)", "/reports/revenue"],
  ["revenue.csv", "GET /api/owner/reports/revenue/csv (12 months)", "/api/owner/reports/revenue/csv"],
  ["subscriptions.page", "GET /reports/subscriptions (12 months, HTML)", "/reports/subscriptions"],
  [
    "subscriptions.csv",
    "GET /api/owner/reports/subscriptions/csv (weekly, 12 weeks)",
    "/api/owner/reports/subscriptions/csv?period=week",
  ],
  ["reconciliation.page", "GET /reconciliation (first category, HTML)", "/reconciliation"],
  [
    "reconciliation.csv",
    "GET /api/owner/reconciliation/scheduled-unpaid (CSV)",
    "/api/owner/reconciliation/scheduled-unpaid",
  ],
];

const FULL = { bookings: 50_000, invoices: 100_000, subscriptions: 10_000 };
const RUNS = 60;
const WARM_UP = 5;
const ZONE = "Europe/London";
const EMAIL = "bench-owner@example.com";
const PASSWORD = "bench owner password";
const DAY = 86_400_000;

async function timedGet(url: string, cookie: string): Promise<{ ms: number; status: number }> {
  const start = performance.now();
  const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
  await response.arrayBuffer();
  return { ms: performance.now() - start, status: response.status };
}

async function measure(url: string, cookie: string): Promise<number[]> {
  for (let i = 0; i < WARM_UP; i++) await timedGet(url, cookie);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await timedGet(url, cookie);
    if (r.status !== 200) throw new Error(`${url} answered ${r.status}`);
    times.push(r.ms);
  }
  return times;
}

/** Catalog, default rules, then paid/open/void invoices in GBP and EUR and subscriptions over two years. */
function fillMoney(db: Sqlite, sizes: { invoices: number; subscriptions: number }, now: Date): void {
  const t = now.getTime();
  const insert = rawInserter(db);
  db.transaction(() => {
    for (const object of [...catalogProducts(), ...catalogPrices()]) {
      const rows = newObjectRows(object, t, t);
      if (rows) insert(rows);
    }
  })();
  seedDefaultRules(db, now);
  const prices = catalogPrices().map((p) => ({
    id: p.id,
    product: String(p.product),
    amount: p.unit_amount ?? 1000,
  }));
  const rng = createRng(11);
  const invoice = db.prepare(
    `INSERT INTO InvoiceMap (stripeId, clientStripeId, status, currency, total, amountPaid, amountRemaining, paidAt,
       raw, contentHash, stripeCreated, sourceAt, appliedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '{}', 'h', ?, ?, ?)`,
  );
  const line = db.prepare(
    `INSERT INTO InvoiceLineMap (stripeId, invoiceStripeId, priceStripeId, productStripeId, quantity, amount, currency)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (let i = 1; i <= sizes.invoices; i++) {
      const id = `in_${String(i).padStart(8, "0")}`;
      const created = t - Math.floor(rng.next() * 730 * DAY);
      const roll = rng.next();
      const status = roll < 0.88 ? "paid" : roll < 0.95 ? "open" : "void";
      const currency = rng.chance(0.2) ? "eur" : "gbp";
      const lines = Array.from({ length: rng.int(1, 2) }, () => {
        const price = rng.pick(prices);
        return { price, amount: price.amount * rng.int(1, 3) };
      });
      const total = lines.reduce((sum, l) => sum + l.amount, 0);
      const paid = status === "paid" ? total : 0;
      const client = `cus_${String(rng.int(1, 2500)).padStart(8, "0")}`;
      const paidAt = status === "paid" ? created + 3600_000 : null;
      invoice.run(id, client, status, currency, total, paid, total - paid, paidAt, created, t, t);
      lines.forEach((l, n) =>
        line.run(`il_${i}_${n}`, id, l.price.id, l.price.product, 1, l.amount, currency),
      );
    }
  })();
  const sub = db.prepare(
    `INSERT INTO SubscriptionMap (stripeId, clientStripeId, status, currency, startDate, canceledAt, endedAt,
       raw, contentHash, stripeCreated, sourceAt, appliedAt) VALUES (?, ?, ?, 'gbp', ?, ?, ?, '{}', 'h', ?, ?, ?)`,
  );
  db.transaction(() => {
    for (let i = 1; i <= sizes.subscriptions; i++) {
      const start = t - Math.floor(rng.next() * 730 * DAY);
      const ended = rng.chance(0.3) ? start + Math.floor(rng.next() * (t - start)) : null;
      const client = `cus_${String(rng.int(1, 2500)).padStart(8, "0")}`;
      sub.run(`sub_r${i}`, client, ended ? "canceled" : "active", start, ended, ended, start, t, t);
    }
  })();
}

async function run(ctx: BenchContext): Promise<BenchOutput> {
  const scale = ctx.scale ?? reports.defaultScale;
  const sizes = {
    bookings: scaled(FULL.bookings, scale, 500),
    invoices: scaled(FULL.invoices, scale, 1000),
    subscriptions: scaled(FULL.subscriptions, scale, 100),
  };
  const dataDir = await migratedDataDir(ctx, "reports");
  const now = new Date();
  const db = openSqlite(path.join(dataDir, "app.db"));
  db.prepare("INSERT OR IGNORE INTO Setting (id, timeZone) VALUES (1, ?)").run(ZONE);
  ctx.progress(
    `reports: ${sizes.invoices} invoices, ${sizes.subscriptions} subscriptions, ${sizes.bookings} bookings`,
  );
  fillMoney(db, sizes, now);
  fillBookings(db, {
    bookings: sizes.bookings,
    clients: 2500,
    staff: 8,
    from: new Date(now.getTime() - 365 * DAY),
    to: new Date(now.getTime() + 365 * DAY),
    cancelledShare: 0.05,
    now,
  });
  // Past visits marked as walkers do: most completed, some no-shows.
  db.prepare(
    "UPDATE Booking SET status = CASE WHEN id % 10 = 0 THEN 'no_show' ELSE 'completed' END WHERE startAt < ? AND status = 'scheduled'",
  ).run(now.getTime());
  db.close();
  createOwnerAccount(dataDir, EMAIL, PASSWORD);
  const port = await freePort();
  ctx.progress(`reports: starting the production server on 127.0.0.1:${port}`);
  const { child } = await startServe({
    dataDir,
    port,
    logFile: path.join(dataDir, "server.log"),
    env: { BUSINESS_TIMEZONE: ZONE },
  });
  try {
    const cookie = await signInCookie(child.url, EMAIL, PASSWORD);
    ctx.progress(
      `reports: ${RUNS} sequential requests each of /api/health and ${REPORT_ROUTES.length} report routes`,
    );
    const health = await measure(`${child.url}/api/health`, cookie);
    const baseline = { label: "GET /api/health p95", value: p95(health), unit: "ms" };
    const figures: Figure[] = [];
    const checks: Check[] = [];
    for (const [id, label, routePath] of REPORT_ROUTES) {
      const times = await measure(`${child.url}${routePath}`, cookie);
      figures.push(
        figure({
          id: `reports.${id}.median`,
          label: `${label} median`,
          value: median(times),
          unit: "ms",
          baseline: { label: "GET /api/health median", value: median(health), unit: "ms" },
        }),
        figure({
          id: `reports.${id}.p95`,
          label: `${label} p95`,
          value: p95(times),
          unit: "ms",
          baseline,
          goal: { on: "value", op: "<", target: 500 },
        }),
      );
    }
    const csv = await fetch(`${child.url}/api/owner/reports/revenue/csv`, { headers: { cookie } });
    const records = (await csv.text()).trimEnd().split("\r\n").length - 1;
    checks.push({ label: "revenue CSV has rows", ok: records > 0, detail: `${records} rows` });
    return {
      scale,
      sizes: { ...sizes, runs: RUNS },
      figures,
      checks,
      notes: [
        "One request at a time from a signed-in owner (session cookie), after an untimed warm-up; the time is the full response over loopback.",
        "Invoices (88 % paid, 20 % in EUR, 1–2 lines of catalog prices) and subscriptions spread over two years; bookings over two years (one back, one ahead).",
      ],
    };
  } finally {
    await child.stop();
  }
}

export const reports: Benchmark = {
  name: "reports",
  description:
    "the owner's reports over 50,000 bookings and 100,000 invoices on the production server, vs /api/health",
  defaultScale: 1,
  run,
};
