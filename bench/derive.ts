// Deriving every booking from scratch: rebuildAllBookings over 20,000 subscriptions with the
// default rules and an 8-week horizon. Baseline: plain INSERTs of the very Booking rows it
// wrote, into a fresh database, in as many transactions as the rebuild used.
import { figure } from "@/bench/report";
import { freshDb } from "@/bench/support/db";
import { allObjectRows, insertRaw } from "@/bench/support/mirror-rows";
import { scaled, timed } from "@/bench/support/stats";
import type { BenchContext, BenchOutput, Benchmark } from "@/bench/types";
import { REBUILD_BATCH, rebuildAllBookings } from "@/lib/bookings/reconcile";
import type { Sqlite } from "@/lib/db/sqlite";
import { seedDefaultRules } from "@/lib/rules/defaults";
import { updateSettings } from "@/lib/settings";
import { generateAccount } from "@/lib/stripe-fixtures/generate";

const FULL_SUBSCRIPTIONS = 20_000;
const SUBSCRIPTIONS_PER_CUSTOMER = 2;
const HORIZON_WEEKS = 8;

/** Rules first (their own rebuild finds no sources), then the mirror written directly: nothing derived yet. */
function prepare(db: Sqlite, subscriptions: number, now: Date): { customers: number; subscriptions: number } {
  updateSettings(db, { horizonWeeks: HORIZON_WEEKS });
  seedDefaultRules(db, now);
  const account = generateAccount({
    customers: Math.ceil(subscriptions / SUBSCRIPTIONS_PER_CUSTOMER),
    subscriptionsPerCustomer: SUBSCRIPTIONS_PER_CUSTOMER,
    invoicesPerCustomer: 0,
    seed: 21,
    now,
  });
  const objects = [...account.products, ...account.prices, ...account.customers, ...account.subscriptions];
  insertRaw(db, allObjectRows(objects, now.getTime(), now.getTime()), 1000);
  return { customers: account.customers.length, subscriptions: account.subscriptions.length };
}

/** Copies Booking rows with plain INSERTs in `transactions` equal transactions; returns the ms taken. */
function rawBookingInsert(target: Sqlite, rows: Record<string, unknown>[], transactions: number): number {
  const first = rows[0];
  if (!first) return 0;
  const columns = Object.keys(first).filter((c) => c !== "id");
  const insert = target.prepare(
    `INSERT INTO Booking (${columns.join(", ")}) VALUES (${columns.map((c) => `@${c}`).join(", ")})`,
  );
  const batch = Math.ceil(rows.length / Math.max(1, transactions));
  const write = target.transaction((part: Record<string, unknown>[]) => {
    for (const row of part) insert.run(row);
  });
  return timed(() => {
    for (let i = 0; i < rows.length; i += batch) write(rows.slice(i, i + batch));
  }).ms;
}

async function run(ctx: BenchContext): Promise<BenchOutput> {
  const scale = ctx.scale ?? derive.defaultScale;
  const wanted = scaled(FULL_SUBSCRIPTIONS, scale, 10);
  const now = ctx.now;
  ctx.progress(
    `derive: mirroring ${wanted} subscriptions (direct rows), default rules, ${HORIZON_WEEKS}-week horizon`,
  );
  const source = await freshDb(ctx, "derive");
  const target = await freshDb(ctx, "derive-raw");
  try {
    const sizes = prepare(source.db, wanted, now);
    ctx.progress("derive: rebuildAllBookings");
    const rebuild = timed(() => rebuildAllBookings(source.db, now));
    const summary = rebuild.value;
    const rows = source.db.prepare("SELECT * FROM Booking ORDER BY id").all() as Record<string, unknown>[];

    ctx.progress(`derive: plain INSERT of the same ${rows.length} Booking rows`);
    updateSettings(target.db, { horizonWeeks: HORIZON_WEEKS });
    seedDefaultRules(target.db, now);
    const rawMs = rawBookingInsert(target.db, rows, Math.ceil(summary.sources / REBUILD_BATCH));

    const seconds = rebuild.ms / 1000;
    const rawSeconds = rawMs / 1000;
    const fullSize =
      scale >= 1
        ? undefined
        : `goal written for ${FULL_SUBSCRIPTIONS.toLocaleString("en-US")} subscriptions; run --full`;
    return {
      scale,
      sizes: {
        subscriptions: sizes.subscriptions,
        customers: sizes.customers,
        sources: summary.sources,
        bookings: summary.inserted,
        horizonWeeks: HORIZON_WEEKS,
        rules: "defaults (7)",
      },
      figures: [
        figure({
          id: "derive.rebuild.seconds",
          label: "rebuildAllBookings",
          value: seconds,
          unit: "s",
          baseline: { label: "plain INSERT of its Booking rows", value: rawSeconds, unit: "s" },
          goal: { on: "value", op: "<", target: 10, ...(fullSize ? { note: fullSize } : {}) },
        }),
        figure({
          id: "derive.rebuild.sources",
          label: "sources derived",
          value: summary.sources / seconds,
          unit: "sources/s",
          baseline: {
            label: "sources' rows by plain INSERT",
            value: summary.sources / rawSeconds,
            unit: "sources/s",
          },
        }),
        figure({
          id: "derive.rebuild.bookings",
          label: "bookings written",
          value: summary.inserted / seconds,
          unit: "bookings/s",
          baseline: { label: "plain INSERT", value: rows.length / rawSeconds, unit: "rows/s" },
        }),
      ],
      checks: [
        {
          label: "every derived booking was inserted once",
          ok: summary.inserted === rows.length && summary.updated === 0 && summary.cancelled === 0,
          detail: `${summary.inserted} inserted, ${rows.length} rows, ${summary.updated} updated, ${summary.cancelled} cancelled`,
        },
      ],
      notes: [
        "Mirror rows are written directly (lib/stripe/rows.ts); subscriptions only, no invoices, no staff.",
      ],
    };
  } finally {
    source.db.close();
    target.db.close();
  }
}

export const derive: Benchmark = {
  name: "derive",
  description:
    "rebuildAllBookings over 20,000 subscriptions (default rules, 8 weeks) vs plain INSERT of its rows",
  defaultScale: 1,
  run,
};
