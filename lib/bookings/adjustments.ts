// What staff decided for whole series, applied inside derivation so it holds for occurrences
// not derived yet: default walkers (per subscription, client or rule) and "this and following"
// edits (another weekday / time from a date on). A single booking's own override still wins
// (plan.ts reads overrides after this).
import { DateTime } from "luxon";
import { z } from "zod";
import { cachedStatement, fromDb, type Sqlite } from "@/lib/db/sqlite";
import type { DesiredBooking } from "@/lib/bookings/types";

export const staffDefaultScopes = ["subscription", "client", "rule"] as const;
export type StaffDefaultScope = (typeof staffDefaultScopes)[number];

export interface SeriesEditRow {
  id: number;
  sourceKind: string;
  sourceId: string;
  sourceLineId: string;
  fromAt: Date;
  weekday: number | null;
  startTime: string | null;
  durationMin: number | null;
}

export interface Adjustments {
  staffDefaults: Map<string, number>;
  seriesEdits: Map<string, SeriesEditRow[]>;
}

const defaultKey = (scope: StaffDefaultScope, key: string) => `${scope}:${key}`;
const lineKey = (kind: string, sourceId: string, lineId: string) => `${kind}:${sourceId}:${lineId}`;

const seriesRowSchema = z.object({
  id: z.number(),
  sourceKind: z.string(),
  sourceId: z.string(),
  sourceLineId: z.string(),
  fromAt: z.number(),
  weekday: z.number().nullable(),
  startTime: z.string().nullable(),
  durationMin: z.number().nullable(),
});

/** Loads every default and series edit (small tables: one row per decision staff made). */
export function loadAdjustments(db: Sqlite): Adjustments {
  const staffDefaults = new Map<string, number>();
  const defaults = cachedStatement(db, "SELECT scope, key, staffId FROM StaffDefault").all() as {
    scope: StaffDefaultScope;
    key: string;
    staffId: number;
  }[];
  for (const row of defaults) staffDefaults.set(defaultKey(row.scope, row.key), row.staffId);
  const seriesEdits = new Map<string, SeriesEditRow[]>();
  for (const raw of cachedStatement(db, "SELECT * FROM SeriesEdit ORDER BY id").all()) {
    const row = seriesRowSchema.parse(raw);
    const key = lineKey(row.sourceKind, row.sourceId, row.sourceLineId);
    const edit = { ...row, fromAt: fromDb(row.fromAt) ?? new Date(0) };
    const list = seriesEdits.get(key);
    if (list) list.push(edit);
    else seriesEdits.set(key, [edit]);
  }
  return { staffDefaults, seriesEdits };
}

/** The walker a default gives this occurrence: subscription, then client, then rule, then the rule's JSON. */
export function defaultStaffFor(wish: DesiredBooking, adjustments: Adjustments): number | null {
  const { staffDefaults } = adjustments;
  return (
    (wish.sourceKind === "subscription"
      ? staffDefaults.get(defaultKey("subscription", wish.sourceId))
      : undefined) ??
    staffDefaults.get(defaultKey("client", wish.clientStripeId)) ??
    staffDefaults.get(defaultKey("rule", String(wish.ruleId))) ??
    wish.staffId
  );
}

/** Moves one occurrence as a series edit says: same week, another ISO weekday and/or local time. */
export function applySeriesEdit(
  startAt: Date,
  endAt: Date,
  edit: Pick<SeriesEditRow, "weekday" | "startTime" | "durationMin">,
  zone: string,
): { startAt: Date; endAt: Date } {
  let local = DateTime.fromJSDate(startAt, { zone });
  if (edit.weekday !== null) local = local.plus({ days: edit.weekday - local.weekday });
  if (edit.startTime !== null) {
    const [hour, minute] = edit.startTime.split(":").map(Number);
    local = local.set({ hour, minute, second: 0, millisecond: 0 });
  }
  const durationMs =
    edit.durationMin !== null ? edit.durationMin * 60_000 : endAt.getTime() - startAt.getTime();
  const start = local.toJSDate();
  return { startAt: start, endAt: new Date(start.getTime() + durationMs) };
}

/** Applies defaults and series edits to derived wishes in place (derived times stay the rule's own otherwise). */
export function adjustWishes(wishes: DesiredBooking[], adjustments: Adjustments, zone: string): void {
  for (const wish of wishes) {
    wish.staffId = defaultStaffFor(wish, adjustments);
    const edits = adjustments.seriesEdits.get(lineKey(wish.sourceKind, wish.sourceId, wish.sourceLineId));
    if (!edits) continue;
    // Compose in the order staff made them: a later edit changes only what it names.
    const original = wish.startAt;
    for (const edit of edits) {
      if (original < edit.fromAt) continue;
      Object.assign(wish, applySeriesEdit(wish.startAt, wish.endAt, edit, zone));
    }
  }
}
