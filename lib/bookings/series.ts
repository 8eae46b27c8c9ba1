// "This and following": from a date on, one subscription item's visits happen on another
// weekday and/or at another time. Stored as a SeriesEdit that derivation applies
// (lib/bookings/adjustments.ts), so visits not derived yet follow it too.
import { z } from "zod";
import { toDb, type Sqlite } from "@/lib/db/sqlite";
import { reconcileSources } from "@/lib/bookings/reconcile";
import { sourceKinds } from "@/lib/bookings/types";
import { historyWriter } from "@/lib/bookings/history";
import { BookingEditError } from "@/lib/bookings/edits";
import type { ReconcileSummary } from "@/lib/bookings/types";

const instant = z.union([z.date(), z.iso.datetime({ offset: true }).transform((value) => new Date(value))]);

export const seriesEditSchema = z
  .strictObject({
    sourceKind: z.enum(sourceKinds).default("subscription"),
    sourceId: z.string().min(1),
    sourceLineId: z.string().min(1),
    /** Occurrences whose derived start is at or after this instant change. */
    from: instant,
    /** ISO weekday: 1 Monday … 7 Sunday. */
    weekday: z.number().int().min(1).max(7).nullable().optional(),
    startTime: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be HH:mm")
      .nullable()
      .optional(),
    durationMin: z
      .number()
      .int()
      .min(5)
      .max(24 * 60)
      .nullable()
      .optional(),
  })
  .refine((v) => v.weekday != null || v.startTime != null || v.durationMin != null, {
    message: "name a weekday, a startTime or a durationMin to change",
    path: ["weekday"],
  });
export type SeriesEditInput = z.input<typeof seriesEditSchema>;

/**
 * Records a "this and following" edit and re-derives its source in one transaction. Single
 * visits in the range that were moved by hand follow the series (their time overrides end).
 */
export function editSeriesFrom(
  db: Sqlite,
  input: SeriesEditInput & { actor: string; now: Date },
): { editId: number; summary: ReconcileSummary } {
  const value = seriesEditSchema.parse({
    sourceKind: input.sourceKind,
    sourceId: input.sourceId,
    sourceLineId: input.sourceLineId,
    from: input.from,
    weekday: input.weekday,
    startTime: input.startTime,
    durationMin: input.durationMin,
  });
  const { actor, now } = input;
  return db
    .transaction(() => {
      const exists = db
        .prepare("SELECT 1 FROM Booking WHERE sourceKind = ? AND sourceId = ? AND sourceLineId = ? LIMIT 1")
        .get(value.sourceKind, value.sourceId, value.sourceLineId);
      if (!exists) {
        throw new BookingEditError("not_found", `No bookings of ${value.sourceId} / ${value.sourceLineId}`);
      }
      const editId = Number(
        db
          .prepare(
            `INSERT INTO SeriesEdit (sourceKind, sourceId, sourceLineId, fromAt, weekday, startTime, durationMin, actor, createdAt)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            value.sourceKind,
            value.sourceId,
            value.sourceLineId,
            toDb(value.from),
            value.weekday ?? null,
            value.startTime ?? null,
            value.durationMin ?? null,
            actor,
            toDb(now),
          ).lastInsertRowid,
      );
      const moved = db
        .prepare(
          `SELECT id, overrideStartAt, overrideEndAt FROM Booking WHERE sourceKind = ? AND sourceId = ? AND sourceLineId = ?
             AND coalesce(derivedStartAt, startAt) >= ? AND (overrideStartAt IS NOT NULL OR overrideEndAt IS NOT NULL)`,
        )
        .all(value.sourceKind, value.sourceId, value.sourceLineId, toDb(value.from)) as {
        id: number;
        overrideStartAt: number | null;
        overrideEndAt: number | null;
      }[];
      const history = historyWriter(db);
      const origin = { actor, cause: "series-edit" };
      for (const row of moved) {
        db.prepare("UPDATE Booking SET overrideStartAt = NULL, overrideEndAt = NULL WHERE id = ?").run(
          row.id,
        );
        history(row.id, {
          kind: "edited",
          origin,
          at: now,
          reason: "this and following",
          changes: {
            overrideStartAt: [row.overrideStartAt ? new Date(row.overrideStartAt).toISOString() : null, null],
            overrideEndAt: [row.overrideEndAt ? new Date(row.overrideEndAt).toISOString() : null, null],
          },
        });
      }
      const summary = reconcileSources(db, [{ kind: value.sourceKind, stripeId: value.sourceId }], {
        now,
        origin,
      });
      return { editId, summary };
    })
    .immediate();
}
