// The reconciliation report: where payments and the schedule disagree, in four categories
// (docs/RECONCILIATION.md). Plain inputs (`now`, the active rules), plain rows out; read-only.
import type { Db } from "@/lib/db/prisma";
import { cancelledStillBooked } from "@/lib/reconciliation/cancelled-still-booked";
import { overbooked } from "@/lib/reconciliation/overbooked";
import { paidUnscheduled } from "@/lib/reconciliation/paid-unscheduled";
import { scheduledUnpaid } from "@/lib/reconciliation/scheduled-unpaid";
import type {
  Category,
  ReconciliationCounts,
  ReconciliationInput,
  ReconciliationReport,
  ReconciliationRow,
} from "@/lib/reconciliation/types";

export const categoryReaders: Record<
  Category,
  (db: Db, input: ReconciliationInput) => Promise<ReconciliationRow[]>
> = {
  paidUnscheduled,
  scheduledUnpaid,
  cancelledStillBooked,
  overbooked,
};

/** Every category's rows. Deterministic for the same data, rules and `now`. */
export async function reconciliationReport(
  db: Db,
  input: ReconciliationInput,
): Promise<ReconciliationReport> {
  // One after the other: SQLite answers one query at a time per connection anyway.
  return {
    paidUnscheduled: await paidUnscheduled(db, input),
    scheduledUnpaid: await scheduledUnpaid(db, input),
    cancelledStillBooked: await cancelledStillBooked(db, input),
    overbooked: await overbooked(db, input),
  };
}

/** The number of rows in each category (what the home screen shows). */
export async function reconciliationCounts(
  db: Db,
  input: ReconciliationInput,
): Promise<ReconciliationCounts> {
  const report = await reconciliationReport(db, input);
  return {
    paidUnscheduled: report.paidUnscheduled.length,
    scheduledUnpaid: report.scheduledUnpaid.length,
    cancelledStillBooked: report.cancelledStillBooked.length,
    overbooked: report.overbooked.length,
  };
}
