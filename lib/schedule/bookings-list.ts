// The bookings list read model: one page (50 rows) of bookings matching tab, filters and search,
// through the Prisma client. Searching by client (name, email, phone) finds the clients first
// and then their bookings by the (clientStripeId, startAt) index.
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/prisma";
import { clientNames } from "@/lib/schedule/client-names";
import { BOOKING_STATUSES } from "@/lib/schedule/board";

export const PAGE_SIZE = 50;
/** Statuses of a visit that is still going to happen. */
const UPCOMING = ["scheduled", "held"] as const;

export const listQuerySchema = z.object({
  tab: z.enum(["upcoming", "past", "cancelled", "all"]).default("upcoming"),
  q: z.string().trim().max(100).optional(),
  staff: z.union([z.literal("none"), z.coerce.number().int().positive()]).optional(),
  status: z.enum(BOOKING_STATUSES).optional(),
  service: z.string().min(1).max(64).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type ListQuery = z.output<typeof listQuerySchema>;

export interface ListedBooking {
  id: number;
  startAt: string;
  endAt: string;
  title: string;
  serviceCode: string;
  clientName: string | null;
  clientStripeId: string | null;
  staffId: number | null;
  staffName: string | null;
  status: string;
  statusReason: string | null;
  sourceKind: string;
  /** A line's quantity above 1 books several visits a day: this one's place among them. */
  copy: { n: number; of: number } | null;
}

export interface BookingPage {
  rows: ListedBooking[];
  total: number;
  page: number;
  pages: number;
}

/** Clients whose name, email or phone contains the text (live ones, capped). */
export async function matchingClientIds(db: Db, text: string, limit = 200): Promise<string[]> {
  const found = await db.client.findMany({
    where: {
      deleted: false,
      OR: [{ name: { contains: text } }, { email: { contains: text } }, { phone: { contains: text } }],
    },
    select: { stripeId: true },
    take: limit,
  });
  return found.map((c) => c.stripeId);
}

export async function listBookingPage(db: Db, query: ListQuery, now: Date): Promise<BookingPage> {
  const and: Prisma.BookingWhereInput[] = [];
  // The start bound lets SQLite walk the startAt index from a week back instead of from the
  // first booking ever (no visit lasts longer than a week).
  const weekBack = new Date(now.getTime() - 7 * 86_400_000);
  // Upcoming: visits still to happen; a visit marked done or missed is past, even before its end.
  if (query.tab === "upcoming")
    and.push({ startAt: { gt: weekBack }, endAt: { gt: now }, status: { in: [...UPCOMING] } });
  if (query.tab === "past")
    and.push({
      status: { not: "cancelled" },
      OR: [{ endAt: { lte: now } }, { status: { in: ["completed", "no_show"] } }],
    });
  if (query.tab === "cancelled") and.push({ status: "cancelled" });
  if (query.status) and.push({ status: query.status });
  if (query.service) and.push({ serviceCode: query.service });
  if (query.staff !== undefined) and.push({ staffId: query.staff === "none" ? null : query.staff });
  if (query.q) {
    const clients = await matchingClientIds(db, query.q);
    and.push({
      OR: [
        { title: { contains: query.q } },
        ...(clients.length ? [{ clientStripeId: { in: clients } }] : []),
      ],
    });
  }
  const where: Prisma.BookingWhereInput = { AND: and };
  const orderBy: Prisma.BookingOrderByWithRelationInput[] =
    query.tab === "upcoming" ? [{ startAt: "asc" }, { id: "asc" }] : [{ startAt: "desc" }, { id: "desc" }];
  const [total, rows] = await Promise.all([
    db.booking.count({ where }),
    db.booking.findMany({
      where,
      orderBy,
      skip: (query.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        startAt: true,
        endAt: true,
        title: true,
        serviceCode: true,
        clientStripeId: true,
        staffId: true,
        status: true,
        statusReason: true,
        sourceKind: true,
        bookingKey: true,
        staff: { select: { name: true } },
      },
    }),
  ]);
  const [names, copies] = await Promise.all([clientNames(db, rows), copiesOf(db, rows)]);
  return {
    total,
    page: query.page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    rows: rows.map(({ staff, bookingKey, ...r }) => ({
      ...r,
      copy: copies.get(bookingKey) ?? null,
      startAt: r.startAt.toISOString(),
      endAt: r.endAt.toISOString(),
      clientName: r.clientStripeId ? (names.get(r.clientStripeId) ?? null) : null,
      staffName: staff?.name ?? null,
    })),
  };
}

/**
 * Derived keys end in `<line>:<local date>#<index>` (lib/bookings/derive.ts bookingKeyOf): visits
 * of one line on one day share the part before `#`. The group's prefix, or null for other keys.
 */
export function copyGroup(bookingKey: string): string | null {
  const hash = bookingKey.lastIndexOf("#");
  return hash > 0 && /^\d+$/.test(bookingKey.slice(hash + 1)) ? bookingKey.slice(0, hash + 1) : null;
}

/**
 * "1 of 2" for each listed booking whose line books more than one live visit that day, counted
 * among the group's live (not cancelled) visits in index order. One indexed range per group.
 */
async function copiesOf(
  db: Db,
  rows: { bookingKey: string; status: string }[],
): Promise<Map<string, { n: number; of: number }>> {
  const groups = [...new Set(rows.flatMap((r) => copyGroup(r.bookingKey) ?? []))];
  if (groups.length === 0) return new Map();
  // "$" is the character after "#": [prefix#, prefix$) is exactly the keys starting with prefix#.
  const siblings = await db.booking.findMany({
    where: {
      status: { not: "cancelled" },
      OR: groups.map((g) => ({ bookingKey: { gte: g, lt: `${g.slice(0, -1)}$` } })),
    },
    select: { bookingKey: true },
  });
  const byGroup = new Map<string, number[]>();
  for (const { bookingKey } of siblings) {
    const group = copyGroup(bookingKey);
    if (group === null) continue;
    const list = byGroup.get(group) ?? [];
    list.push(Number(bookingKey.slice(group.length)));
    byGroup.set(group, list);
  }
  const out = new Map<string, { n: number; of: number }>();
  for (const row of rows) {
    const group = copyGroup(row.bookingKey);
    const indexes = group ? (byGroup.get(group) ?? []).sort((a, b) => a - b) : [];
    const place = indexes.indexOf(Number(row.bookingKey.slice(group?.length ?? 0)));
    if (row.status !== "cancelled" && indexes.length > 1 && place >= 0)
      out.set(row.bookingKey, { n: place + 1, of: indexes.length });
  }
  return out;
}
