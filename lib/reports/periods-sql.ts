// Report periods as an SQL table expression, so one aggregate query buckets rows by the business
// zone's weeks or months (boundaries computed by luxon, compared as epoch-ms instants). Plain SQL
// (a VALUES list in a CTE, quoted identifiers) that SQLite and PostgreSQL both accept.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Period } from "@/lib/reports/periods";

/** `WITH periods(key, start_at, end_at) AS (VALUES …)`: callers guarantee at least one period. */
export function periodsCte(periods: readonly Period[]): Prisma.Sql {
  const rows = periods.map((p) => Prisma.sql`(${p.key}, ${p.start.getTime()}, ${p.end.getTime()})`);
  return Prisma.sql`WITH periods(key, start_at, end_at) AS (VALUES ${Prisma.join(rows)})`;
}
