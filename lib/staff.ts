// Staff members as the screens list them.
import { z } from "zod";
import type { Sqlite } from "@/lib/db/sqlite";

export const staffSummarySchema = z.object({ id: z.number(), name: z.string() });
export type StaffSummary = z.infer<typeof staffSummarySchema>;

export function listActiveStaff(db: Sqlite): StaffSummary[] {
  return db
    .prepare("SELECT id, name FROM Staff WHERE active = 1 ORDER BY name, id")
    .all()
    .map((row) => staffSummarySchema.parse(row));
}
