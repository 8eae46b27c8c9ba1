// The schedule read model: bookings of a day or week laid out per staff member (plus
// "Unassigned"), filtered by staff, service and status, with double-bookings flagged.
// Through the Prisma client: one range query on Booking (the (startAt, …) index), one on
// Staff and one on Client for the names.
import { z } from "zod";
import type { Db } from "@/lib/db/prisma";
import { clientNames } from "@/lib/schedule/client-names";
import { serviceCodes } from "@/lib/schedule/services";
import { localDateSchema, viewRange } from "@/lib/schedule/time";

export const BOOKING_STATUSES = ["scheduled", "held", "cancelled", "completed", "no_show"] as const;

const csv = <T extends z.ZodType<unknown, unknown>>(item: T) =>
  z
    .string()
    .optional()
    .transform((v): unknown[] => (v ? v.split(",").filter(Boolean) : []))
    .pipe(z.array(item));

/** The schedule's query string (page and polling endpoint share it). */
export const boardQuerySchema = z.object({
  date: localDateSchema.optional(),
  view: z.enum(["day", "week"]).default("week"),
  staff: csv(z.union([z.literal("none"), z.coerce.number().int().positive()])),
  service: csv(z.string().min(1).max(64)),
  status: csv(z.enum(BOOKING_STATUSES)),
});
export type BoardQuery = z.output<typeof boardQuerySchema>;

export interface BoardBooking {
  id: number;
  startAt: string;
  endAt: string;
  title: string;
  serviceCode: string;
  clientName: string | null;
  clientStripeId: string | null;
  staffId: number | null;
  status: string;
  sourceKind: string;
  edited: boolean;
  conflict: boolean;
  /** The booking's SEQUENCE: an assignment from the board is made from this version. */
  version: number;
}

export interface BoardStaff {
  id: number;
  name: string;
  color: string;
}

export interface Board {
  from: string;
  to: string;
  days: string[];
  staff: BoardStaff[];
  services: string[];
  bookings: BoardBooking[];
  conflicts: number;
  /** Changes when any booking in range changes (the polling client compares it). */
  version: string;
}

/** Marks live bookings of one walker that overlap another of theirs. */
export function markConflicts<
  T extends { id: number; staffId: number | null; status: string; startAt: string; endAt: string },
>(rows: T[]): Set<number> {
  const byStaff = new Map<number, T[]>();
  for (const row of rows) {
    if (row.staffId === null || row.status === "cancelled") continue;
    const list = byStaff.get(row.staffId) ?? [];
    list.push(row);
    byStaff.set(row.staffId, list);
  }
  const out = new Set<number>();
  for (const list of byStaff.values()) {
    list.sort((a, b) => a.startAt.localeCompare(b.startAt));
    let latest: T | null = null;
    for (const row of list) {
      if (latest && row.startAt < latest.endAt) {
        out.add(row.id);
        out.add(latest.id);
      }
      if (!latest || row.endAt > latest.endAt) latest = row;
    }
  }
  return out;
}

export async function loadBoard(db: Db, query: BoardQuery, zone: string, today: string): Promise<Board> {
  const { from, to, days } = viewRange(query.date ?? today, query.view, zone);
  const staffIds = query.staff.filter((s): s is number => s !== "none");
  const wantUnassigned = query.staff.includes("none");
  const [staff, rows, services] = await Promise.all([
    db.staff.findMany({
      where: { active: true },
      select: { id: true, name: true, color: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    }),
    db.booking.findMany({
      where: {
        // The lower start bound keeps the (startAt, …) index scan to the range (no visit lasts
        // over a week); without it SQLite walks every earlier booking.
        startAt: { lt: to, gt: new Date(from.getTime() - 7 * 86_400_000) },
        endAt: { gt: from },
        ...(query.service.length ? { serviceCode: { in: query.service } } : {}),
        ...(query.status.length ? { status: { in: query.status } } : {}),
        ...(query.staff.length
          ? {
              OR: [
                ...(staffIds.length ? [{ staffId: { in: staffIds } }] : []),
                ...(wantUnassigned ? [{ staffId: null }] : []),
              ],
            }
          : {}),
      },
      select: {
        id: true,
        startAt: true,
        endAt: true,
        title: true,
        serviceCode: true,
        clientStripeId: true,
        staffId: true,
        status: true,
        sourceKind: true,
        overrideStartAt: true,
        overrideStaffId: true,
        updatedAt: true,
        sequence: true,
      },
      orderBy: [{ startAt: "asc" }, { id: "asc" }],
      take: 5000,
    }),
    serviceCodes(db),
  ]);
  const names = await clientNames(db, rows);
  const bookings: BoardBooking[] = rows.map((r) => ({
    id: r.id,
    startAt: r.startAt.toISOString(),
    endAt: r.endAt.toISOString(),
    title: r.title,
    serviceCode: r.serviceCode,
    clientName: r.clientStripeId ? (names.get(r.clientStripeId) ?? null) : null,
    clientStripeId: r.clientStripeId,
    staffId: r.staffId,
    status: r.status,
    sourceKind: r.sourceKind,
    edited: r.overrideStartAt !== null || r.overrideStaffId !== null,
    conflict: false,
    version: r.sequence,
  }));
  const conflicted = markConflicts(bookings);
  for (const b of bookings) b.conflict = conflicted.has(b.id);
  const version = `${rows.length}:${rows.reduce((max, r) => Math.max(max, r.updatedAt.getTime()), 0)}`;
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    days,
    staff,
    services,
    bookings,
    conflicts: conflicted.size,
    version,
  };
}
