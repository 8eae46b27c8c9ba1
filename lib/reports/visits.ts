// Visits per week, by walker or by service: how many visits were completed, cancelled, missed
// (no-show) or are still scheduled. A visit belongs to the local week (Monday to Sunday, business
// time zone) of its effective start; cancelled visits count in the week they were planned for.
import type { Db } from "@/lib/db/prisma";
import { periodsOf, type DateRange } from "@/lib/reports/periods";

export type VisitDimension = "staff" | "service";

export interface VisitCounts {
  completed: number;
  cancelled: number;
  noShow: number;
  /** Still scheduled (or held): not yet marked completed or no-show. */
  scheduled: number;
  total: number;
}

export interface VisitRow extends VisitCounts {
  /** Local date of the week's Monday. */
  week: string;
  weekLabel: string;
  /** Staff id (or `unassigned`) or service code. */
  key: string;
  label: string;
}

export interface VisitWeek extends VisitCounts {
  week: string;
  weekLabel: string;
}

export interface VisitsReport {
  by: VisitDimension;
  /** One row per week and walker/service that had any visit, weeks in order, then label. */
  rows: VisitRow[];
  /** Every week of the range (zeros included): the chart's series. */
  weeks: VisitWeek[];
}

export interface VisitsInput {
  range: DateRange;
  zone: string;
  by: VisitDimension;
}

const empty = (): VisitCounts => ({ completed: 0, cancelled: 0, noShow: 0, scheduled: 0, total: 0 });

function add(counts: VisitCounts, status: string, n: number): void {
  if (status === "completed") counts.completed += n;
  else if (status === "cancelled") counts.cancelled += n;
  else if (status === "no_show") counts.noShow += n;
  else counts.scheduled += n;
  counts.total += n;
}

/** Counts every booking whose start falls in the range's weeks exactly once, per week and group. */
export async function visitsReport(db: Db, input: VisitsInput): Promise<VisitsReport> {
  const periods = periodsOf(input.range, "week", input.zone);
  const staff = new Map(
    (await db.staff.findMany({ select: { id: true, name: true } })).map((s) => [s.id, s.name]),
  );
  const rows: VisitRow[] = [];
  const weeks: VisitWeek[] = [];
  // One grouped query per week: the (startAt, …) index narrows each to its week, and SQLite
  // returns a handful of groups instead of every booking.
  for (const period of periods) {
    const groups = await db.booking.groupBy({
      by: [input.by === "staff" ? "staffId" : "serviceCode", "status"],
      where: { startAt: { gte: period.start, lt: period.end } },
      _count: { _all: true },
    });
    const week: VisitWeek = { week: period.key, weekLabel: period.label, ...empty() };
    const byKey = new Map<string, VisitRow>();
    for (const group of groups) {
      const key =
        input.by === "staff"
          ? group.staffId === null || group.staffId === undefined
            ? "unassigned"
            : String(group.staffId)
          : (group.serviceCode ?? "");
      let row = byKey.get(key);
      if (!row) {
        const label =
          input.by === "service"
            ? key
            : key === "unassigned"
              ? "Unassigned"
              : (staff.get(Number(key)) ?? `Staff #${key}`);
        row = { week: period.key, weekLabel: period.label, key, label, ...empty() };
        byKey.set(key, row);
      }
      add(row, group.status, group._count._all);
      add(week, group.status, group._count._all);
    }
    rows.push(...[...byKey.values()].sort((a, b) => a.label.localeCompare(b.label)));
    weeks.push(week);
  }
  return { by: input.by, rows, weeks };
}
