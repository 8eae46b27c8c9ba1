// The reconciliation report over 50,000 bookings and 100,000 invoices on the production
// server: the JSON data route (`/api/owner/reconciliation`), the screen (`/reconciliation`) and
// the home screen (whose counts the browser fetches from the data route), one request at a time by a signed-in
// owner. Baseline: GET /api/health in the same run. The account is written with raw SQL: two
// years of a dog-walking business, with every kind of disagreement sprinkled in.
import { readFileSync } from "node:fs";
import path from "node:path";
import { figure } from "@/bench/report";
import { migratedDataDir } from "@/bench/support/db";
import { createOwnerAccount, signInCookie } from "@/bench/support/owner";
import { freePort, startServe } from "@/bench/support/server";
import { median, p95, scaled } from "@/bench/support/stats";
import type { BenchContext, BenchOutput, Benchmark, Figure } from "@/bench/types";
import { openSqlite, type Sqlite } from "@/lib/db/sqlite";
import { seedDefaultRules } from "@/lib/rules/defaults";
import { loadActiveRules } from "@/lib/rules/repo";
import { createPrisma } from "@/lib/db/prisma";
import { reconciliationReport } from "@/lib/reconciliation/report";
import { createRng } from "@/lib/stripe-fixtures/random";

const FULL = { bookings: 50_000, invoices: 100_000, subscriptions: 3_000, clients: 3_000 };
const RUNS = 40;
const COLD_RUNS = 8;
const WARM_UP = 3;
const ZONE = "Europe/London";
const EMAIL = "bench-owner@example.com";
const PASSWORD = "bench owner password";
const DAY = 86_400_000;

const catalog = [
  {
    product: "prod_walk60",
    price: "price_walk60",
    name: "Weekly Walk (1h)",
    code: "WALK60",
    interval: "week",
  },
  { product: "prod_daycare", price: "price_daycare", name: "Daycare", code: "DAYCARE", interval: "month" },
  { product: "prod_groom", price: "price_groom", name: "Grooming", code: "GROOM", interval: null },
  { product: "prod_misc", price: "price_misc", name: "Gift card", code: null, interval: null },
];

/** Writes the account in one transaction; returns what it wrote. */
export function fillAccount(db: Sqlite, sizes: typeof FULL, now: number): Record<string, number> {
  const rng = createRng(12);
  const m = (at: number) => [`{}`, `h${at}`, at, at, at] as const;
  const ins = {
    client: db.prepare(
      `INSERT INTO Client (stripeId, name, email, raw, contentHash, stripeCreated, sourceAt, appliedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    product: db.prepare(
      `INSERT INTO Product (stripeId, name, active, serviceCode, metadata, raw, contentHash, stripeCreated, sourceAt, appliedAt)
       VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    price: db.prepare(
      `INSERT INTO Price (stripeId, productStripeId, active, currency, unitAmount, type, recurringInterval, raw, contentHash,
         stripeCreated, sourceAt, appliedAt) VALUES (?, ?, 1, 'gbp', 2000, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    sub: db.prepare(
      `INSERT INTO SubscriptionMap (stripeId, clientStripeId, status, currency, startDate, currentPeriodStart, currentPeriodEnd,
         cancelAt, pauseBehavior, raw, contentHash, stripeCreated, sourceAt, appliedAt)
       VALUES (?, ?, ?, 'gbp', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    item: db.prepare(
      `INSERT INTO SubscriptionItemMap (stripeId, subscriptionStripeId, priceStripeId, productStripeId, quantity,
         currentPeriodStart, currentPeriodEnd, stripeCreated) VALUES (?, ?, ?, ?, 1, ?, ?, ?)`,
    ),
    invoice: db.prepare(
      `INSERT INTO InvoiceMap (stripeId, clientStripeId, subscriptionStripeId, status, currency, total, amountPaid,
         amountRemaining, amountRefunded, periodStart, periodEnd, paidAt, paymentFailed, raw, contentHash, stripeCreated, sourceAt, appliedAt)
       VALUES (?, ?, ?, ?, 'gbp', 2000, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    line: db.prepare(
      `INSERT INTO InvoiceLineMap (stripeId, invoiceStripeId, priceStripeId, productStripeId, quantity, amount, currency,
         periodStart, periodEnd) VALUES (?, ?, ?, ?, 1, 2000, 'gbp', ?, ?)`,
    ),
    booking: db.prepare(
      `INSERT INTO Booking (bookingKey, clientStripeId, serviceCode, title, startAt, endAt, status, sourceKind, sourceId,
         sourceLineId, ruleId, sequence, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
    ),
  };
  return db.transaction(() => {
    for (const c of catalog) {
      ins.product.run(
        c.product,
        c.name,
        c.code,
        JSON.stringify(c.code ? { service_code: c.code } : {}),
        ...m(0),
      );
      ins.price.run(c.price, c.product, c.interval ? "recurring" : "one_time", c.interval, ...m(0));
    }
    const rules = new Map(
      (db.prepare("SELECT id, serviceCode FROM Rule").all() as { id: number; serviceCode: string }[]).map(
        (r) => [r.serviceCode, r.id],
      ),
    );
    const clients = Array.from({ length: sizes.clients }, (_, i) => `cus_${String(i + 1).padStart(7, "0")}`);
    clients.forEach((id, i) => ins.client.run(id, `Client ${i + 1}`, `c${i + 1}@example.com`, ...m(0)));
    const subs: { id: string; item: string; client: string; c: (typeof catalog)[number] }[] = [];
    for (let i = 1; i <= sizes.subscriptions; i++) {
      const id = `sub_${String(i).padStart(7, "0")}`;
      const client = clients[(i - 1) % clients.length] ?? "cus_0";
      const c = catalog[rng.chance(0.7) ? 0 : 1] ?? catalog[0]!;
      const roll = rng.next();
      const status = roll < 0.8 ? "active" : roll < 0.9 ? "canceled" : roll < 0.95 ? "past_due" : "active";
      const start = now - rng.int(30, 700) * DAY;
      ins.sub.run(
        id,
        client,
        status,
        start,
        now - 3 * DAY,
        now + 4 * DAY,
        roll > 0.97 ? now + 10 * DAY : null,
        roll > 0.95 && roll <= 0.97 ? "void" : null,
        ...m(start),
      );
      ins.item.run(`si_${id.slice(4)}`, id, c.price, c.product, now - 3 * DAY, now + 4 * DAY, start);
      subs.push({ id, item: `si_${id.slice(4)}`, client, c });
    }
    const oneOff: { id: string; line: string; client: string }[] = [];
    for (let i = 1; i <= sizes.invoices; i++) {
      const id = `in_${String(i).padStart(8, "0")}`;
      const created = now - rng.int(0, 720) * DAY - rng.int(0, DAY);
      const isSub = rng.chance(0.9);
      const sub = subs[rng.int(0, subs.length - 1)] ?? subs[0]!;
      const roll = rng.next();
      const status = roll < 0.9 ? "paid" : roll < 0.95 ? "open" : roll < 0.98 ? "void" : "uncollectible";
      const refunded = status === "paid" && rng.chance(0.03) ? 2000 : 0;
      const client = isSub ? sub.client : (clients[rng.int(0, clients.length - 1)] ?? "cus_0");
      const c = isSub ? sub.c : (catalog[rng.chance(0.8) ? 2 : 3] ?? catalog[2]!);
      const paid = status === "paid" ? 2000 : 0;
      ins.invoice.run(
        id,
        client,
        isSub ? sub.id : null,
        status,
        paid,
        2000 - paid,
        refunded,
        created,
        created + 7 * DAY,
        status === "paid" ? created : null,
        status === "open" && rng.chance(0.5) ? 1 : 0,
        ...m(created),
      );
      const line = `il_${id.slice(3)}`;
      ins.line.run(line, id, c.price, c.product, created, isSub ? created + 7 * DAY : created);
      if (!isSub) oneOff.push({ id, line, client });
    }
    for (let i = 1; i <= sizes.bookings; i++) {
      const startAt = Math.floor((now + (rng.next() * 2 - 1) * 365 * DAY) / (DAY / 96)) * (DAY / 96);
      const fromInvoice = rng.chance(0.1) && oneOff.length > 0;
      const inv = oneOff[rng.int(0, oneOff.length - 1)];
      const sub = subs[rng.int(0, subs.length - 1)] ?? subs[0]!;
      const code = fromInvoice ? "GROOM" : (sub.c.code ?? "WALK60");
      const status = rng.chance(0.05) ? "cancelled" : startAt < now ? "completed" : "scheduled";
      ins.booking.run(
        `bench:${i}`,
        fromInvoice ? inv?.client : sub.client,
        code,
        `${code} visit`,
        startAt,
        startAt + 3_600_000,
        status,
        fromInvoice ? "invoice" : "subscription",
        fromInvoice ? inv?.id : sub.id,
        fromInvoice ? inv?.line : sub.item,
        rules.get(code) ?? null,
        now,
        now,
      );
    }
    return { ...sizes, oneOffInvoices: oneOff.length };
  })();
}

async function timedGet(url: string, cookie: string): Promise<number> {
  const start = performance.now();
  const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return performance.now() - start;
}

async function measure(url: string, cookie: string): Promise<number[]> {
  for (let i = 0; i < WARM_UP; i++) await timedGet(url, cookie);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await timedGet(url, cookie));
  return times;
}

async function run(ctx: BenchContext): Promise<BenchOutput> {
  const scale = ctx.scale ?? reconciliation.defaultScale;
  const sizes = {
    bookings: scaled(FULL.bookings, scale, 500),
    invoices: scaled(FULL.invoices, scale, 1000),
    subscriptions: scaled(FULL.subscriptions, scale, 50),
    clients: scaled(FULL.clients, scale, 50),
  };
  const dataDir = await migratedDataDir(ctx, "reconciliation");
  const now = Date.now();
  const db = openSqlite(path.join(dataDir, "app.db"));
  db.prepare("INSERT OR IGNORE INTO Setting (id, timeZone) VALUES (1, ?)").run(ZONE);
  seedDefaultRules(db, new Date(now));
  const written = fillAccount(db, sizes, now);
  db.close();
  ctx.progress(`reconciliation: ${sizes.bookings} bookings, ${sizes.invoices} invoices; creating the owner`);
  createOwnerAccount(dataDir, EMAIL, PASSWORD);
  // The report itself, uncached, in this process before the server starts (what the screens
  // pay after every write), measured first so no idle keep-alive socket goes stale: a warm-up,
  // then COLD_RUNS timed calls.
  const prisma = createPrisma(path.join(dataDir, "app.db"));
  const rulesDb = openSqlite(path.join(dataDir, "app.db"));
  const input = () => ({ now: new Date(), rules: loadActiveRules(rulesDb) });
  const cold: number[] = [];
  try {
    await reconciliationReport(prisma, input());
    for (let i = 0; i < COLD_RUNS; i++) {
      const start = performance.now();
      await reconciliationReport(prisma, input());
      cold.push(performance.now() - start);
    }
  } finally {
    await prisma.$disconnect();
    rulesDb.close();
  }
  const port = await freePort();
  const { child } = await startServe({
    dataDir,
    port,
    logFile: path.join(dataDir, "server.log"),
    env: { BUSINESS_TIMEZONE: ZONE },
  });
  try {
    const cookie = await signInCookie(child.url, EMAIL, PASSWORD);
    const report = (await (
      await fetch(`${child.url}/api/owner/reconciliation?view=counts`, { headers: { cookie } })
    ).json()) as Record<string, number>;
    ctx.progress(`reconciliation: ${RUNS} sequential requests each of /api/health and 3 targets`);
    const health = await measure(`${child.url}/api/health`, cookie);
    const targets = [
      { id: "data", label: "GET /api/owner/reconciliation (JSON report)", path: "/api/owner/reconciliation" },
      { id: "screen", label: "GET /reconciliation (HTML)", path: "/reconciliation" },
      { id: "home", label: "GET / (home; its counts are fetched by the browser)", path: "/" },
    ];
    const figures: Figure[] = [
      figure({
        id: "reconciliation.report.uncached.p95",
        label: "reconciliationReport() uncached, in-process p95",
        value: p95(cold),
        unit: "ms",
        baseline: { label: "GET /api/health p95", value: p95(health), unit: "ms" },
      }),
    ];
    for (const t of targets) {
      const times = await measure(`${child.url}${t.path}`, cookie);
      figures.push(
        figure({
          id: `reconciliation.${t.id}.median`,
          label: `${t.label} median`,
          value: median(times),
          unit: "ms",
          baseline: { label: "GET /api/health median", value: median(health), unit: "ms" },
        }),
        figure({
          id: `reconciliation.${t.id}.p95`,
          label: `${t.label} p95`,
          value: p95(times),
          unit: "ms",
          baseline: { label: "GET /api/health p95", value: p95(health), unit: "ms" },
        }),
      );
    }
    return {
      scale,
      sizes: { ...written, runs: RUNS },
      figures,
      checks: [
        {
          label: "every category has rows at this size",
          ok: Object.values(report).every((n) => n > 0),
          detail: JSON.stringify(report),
        },
      ],
      notes: [
        "One request at a time from a signed-in owner after an untimed warm-up; full response over loopback. The routes keep the report while its data version (row counts, newest writes, the minute) is unchanged (lib/reconciliation/cache.ts), so they measure the kept report; the uncached figure is the cost after a write.",
        "Two years of history: 90% subscription invoices, 10% one-off; bookings one year back and one ahead.",
      ],
    };
  } catch (error) {
    // Say why: the server's last log lines name the failure.
    const log = readFileSync(path.join(dataDir, "server.log"), "utf8")
      .trim()
      .split("\n")
      .slice(-5)
      .join("\n");
    throw new Error(`${error instanceof Error ? error.message : String(error)}; server log:\n${log}`);
  } finally {
    await child.stop();
  }
}

export const reconciliation: Benchmark = {
  name: "reconciliation",
  description:
    "reconciliation report over 50,000 bookings and 100,000 invoices on the production server, vs /api/health",
  defaultScale: 1,
  run,
};
