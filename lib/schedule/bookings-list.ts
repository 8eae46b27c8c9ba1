// The bookings list read model: one page (50 rows) of bookings matching tab, filters and search,
// through the Prisma client. Searching by client (name, email, phone) finds the clients first
// and then their bookings by the (clientStripeId, startAt) index.
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/prisma";
import { clientNames } from "@/lib/schedule/client-names";
import { BOOKING_STATUSES } from "@/lib/schedule/board";

export const PAGE_SIZE = 50;

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
  if (query.tab === "upcoming")
    and.push({ startAt: { gt: weekBack }, endAt: { gt: now }, status: { not: "cancelled" } });
  if (query.tab === "past") and.push({ endAt: { lte: now }, status: { not: "cancelled" } });
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
        staff: { select: { name: true } },
      },
    }),
  ]);
  const names = await clientNames(db, rows);
  return {
    total,
    page: query.page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    rows: rows.map(({ staff, ...r }) => ({
      ...r,
      startAt: r.startAt.toISOString(),
      endAt: r.endAt.toISOString(),
      clientName: r.clientStripeId ? (names.get(r.clientStripeId) ?? null) : null,
      staffName: staff?.name ?? null,
    })),
  };
}
