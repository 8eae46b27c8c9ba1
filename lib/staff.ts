// Staff members as the screens list them. Ordinary CRUD like this goes through the Prisma client.
import { z } from "zod";
import type { Db } from "@/lib/db/prisma";

export const staffSummarySchema = z.object({ id: z.number(), name: z.string() });
export type StaffSummary = z.infer<typeof staffSummarySchema>;

export async function listActiveStaff(db: Db): Promise<StaffSummary[]> {
  return db.staff.findMany({
    where: { active: true },
    select: { id: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}
