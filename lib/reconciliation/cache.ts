// The report for the screens, kept while nothing it reads has changed: it costs seconds at
// 100,000 invoices (bench/reconciliation.ts), and the home screen and the report ask for it
// often. A cheap version of the data (row counts and newest write times of the tables the
// report reads, and the minute, since "upcoming" moves with the clock) decides when to recompute.
import type { Db } from "@/lib/db/prisma";
import { reconciliationReport } from "@/lib/reconciliation/report";
import type { ReconciliationInput, ReconciliationReport } from "@/lib/reconciliation/types";

const MINUTE_MS = 60_000;

interface Entry {
  version: string;
  report: Promise<ReconciliationReport>;
}
const cache = ((globalThis as { reconciliationCache?: Map<string, Entry> }).reconciliationCache ??=
  new Map());

/** A string that changes whenever a row the report reads is written, or the minute turns. */
export async function reconciliationVersion(db: Db, now: Date): Promise<string> {
  const [bookings, invoices, subscriptions, rules, prices] = await Promise.all([
    db.booking.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
    db.invoiceMap.aggregate({ _count: { _all: true }, _max: { appliedAt: true } }),
    db.subscriptionMap.aggregate({ _count: { _all: true }, _max: { appliedAt: true } }),
    db.rule.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
    db.product.aggregate({ _count: { _all: true }, _max: { appliedAt: true } }),
  ]);
  return [
    Math.floor(now.getTime() / MINUTE_MS),
    bookings._count._all,
    bookings._max.updatedAt?.getTime(),
    invoices._count._all,
    invoices._max.appliedAt?.getTime(),
    subscriptions._count._all,
    subscriptions._max.appliedAt?.getTime(),
    rules._count._all,
    rules._max.updatedAt?.getTime(),
    prices._count._all,
    prices._max.appliedAt?.getTime(),
  ].join(":");
}

/**
 * `reconciliationReport`, computed once per data version (per database handle); concurrent
 * callers share the computation. At most a minute behind the clock, never behind a write.
 */
export async function cachedReconciliationReport(
  db: Db,
  key: string,
  input: ReconciliationInput,
): Promise<ReconciliationReport> {
  const version = await reconciliationVersion(db, input.now);
  const hit = cache.get(key);
  if (hit && hit.version === version) return hit.report;
  const report = reconciliationReport(db, input);
  cache.set(key, { version, report });
  report.catch(() => cache.delete(key));
  return report;
}
