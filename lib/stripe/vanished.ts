// After a complete full scan: customers, products and prices Stripe no longer lists were
// deleted there. They are flagged, never dropped, so history and provenance survive.
import type { Sqlite } from "@/lib/db/sqlite";

const tables = ["Client", "Product", "Price"] as const;

/** Flags rows the run did not see (and that existed before it began); returns how many. */
export function markVanished(db: Sqlite, runId: number, scanStartedAt: number, now: Date): number {
  return db
    .transaction(() => {
      let count = 0;
      for (const table of tables) {
        count += db
          .prepare(
            `UPDATE ${table} SET deleted = 1, appliedAt = @now
           WHERE deleted = 0 AND coalesce(seenSyncRunId, -1) != @runId AND stripeCreated < @scanStartedAt`,
          )
          .run({ runId, scanStartedAt, now: now.getTime() }).changes;
      }
      return count;
    })
    .immediate();
}
