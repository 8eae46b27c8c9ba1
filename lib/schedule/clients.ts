// Clients for the client screens: a searchable page of clients (name, email, phone), and one
// client with subscriptions, invoices, bookings and feeds. Through the Prisma client.
import { z } from "zod";
import type { Db } from "@/lib/db/prisma";
import { businessPhoneCountry, phoneConditions } from "@/lib/client-search";

export const CLIENT_PAGE_SIZE = 50;

export const clientQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type ClientQuery = z.output<typeof clientQuerySchema>;

/** The clients of a walker's bookings (lib/auth/policy.ts: a walker sees only those). */
async function clientsOfWalker(db: Db, walker: number): Promise<string[]> {
  const rows = await db.booking.findMany({
    where: { staffId: walker, clientStripeId: { not: null } },
    distinct: ["clientStripeId"],
    select: { clientStripeId: true },
  });
  return rows.flatMap((row) => (row.clientStripeId ? [row.clientStripeId] : []));
}

/**
 * A page of clients; `walker` (a staff caller's walkerScope) narrows it to that walker's clients.
 * `q` matches name, email, phone as typed, the id, or (a number in any notation) the phone's E.164.
 */
export async function searchClients(db: Db, query: ClientQuery, walker: number | null = null) {
  const q = query.q;
  const phone = q ? phoneConditions(q, await businessPhoneCountry(db)) : [];
  const where = {
    deleted: false,
    ...(walker !== null ? { stripeId: { in: await clientsOfWalker(db, walker) } } : {}),
    ...(q
      ? {
          OR: [
            { name: { contains: q } },
            { email: { contains: q } },
            { phone: { contains: q } },
            { stripeId: q },
            ...phone,
          ],
        }
      : {}),
  };
  const [total, rows] = await Promise.all([
    db.client.count({ where }),
    db.client.findMany({
      where,
      orderBy: [{ name: "asc" }, { stripeId: "asc" }],
      skip: (query.page - 1) * CLIENT_PAGE_SIZE,
      take: CLIENT_PAGE_SIZE,
      select: { stripeId: true, name: true, email: true, phone: true },
    }),
  ]);
  return { total, rows, page: query.page, pages: Math.max(1, Math.ceil(total / CLIENT_PAGE_SIZE)) };
}

/** The next invoice date of a live subscription: the end of its current period. */
function nextInvoiceAt(sub: {
  status: string;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
}): Date | null {
  if (["canceled", "incomplete_expired"].includes(sub.status) || sub.cancelAtPeriodEnd) return null;
  return sub.currentPeriodEnd;
}

/** One client; for a walker (`walker` set) only a client of theirs, with only their own visits. */
export async function clientDetail(db: Db, stripeId: string, now: Date, walker: number | null = null) {
  const client = await db.client.findUnique({
    where: { stripeId },
    select: { stripeId: true, name: true, email: true, phone: true, deleted: true, livemode: true },
  });
  if (!client) return null;
  if (
    walker !== null &&
    !(await db.booking.findFirst({ where: { clientStripeId: stripeId, staffId: walker } }))
  )
    return null;
  const own = walker === null ? {} : { staffId: walker };
  const bookingSelect = {
    id: true,
    startAt: true,
    endAt: true,
    title: true,
    status: true,
    staff: { select: { name: true } },
  } as const;
  const [subs, invoices, upcoming, past, feeds, defaults] = await Promise.all([
    db.subscriptionMap.findMany({
      where: { clientStripeId: stripeId, deleted: false },
      orderBy: { startDate: "desc" },
      select: {
        stripeId: true,
        status: true,
        currency: true,
        currentPeriodEnd: true,
        cancelAtPeriodEnd: true,
        items: { select: { stripeId: true, quantity: true, productStripeId: true } },
      },
    }),
    db.invoiceMap.findMany({
      where: { clientStripeId: stripeId, deleted: false },
      orderBy: { stripeCreated: "desc" },
      take: 50,
      select: {
        stripeId: true,
        number: true,
        status: true,
        currency: true,
        total: true,
        amountPaid: true,
        amountRemaining: true,
        stripeCreated: true,
      },
    }),
    db.booking.findMany({
      where: { clientStripeId: stripeId, endAt: { gt: now }, ...own },
      orderBy: { startAt: "asc" },
      take: 20,
      select: bookingSelect,
    }),
    db.booking.findMany({
      where: { clientStripeId: stripeId, endAt: { lte: now }, ...own },
      orderBy: { startAt: "desc" },
      take: 20,
      select: bookingSelect,
    }),
    db.calendarFeed.findMany({
      where: { clientStripeId: stripeId, revokedAt: null },
      select: { id: true, prefix: true, createdAt: true },
    }),
    db.staffDefault.findMany({ where: { scope: "client", key: stripeId } }),
  ]);
  const [subDefaults, products] = await Promise.all([
    db.staffDefault.findMany({ where: { scope: "subscription", key: { in: subs.map((s) => s.stripeId) } } }),
    db.product.findMany({
      where: { stripeId: { in: [...new Set(subs.flatMap((s) => s.items.map((i) => i.productStripeId)))] } },
      select: { stripeId: true, name: true },
    }),
  ]);
  const productName = new Map(products.map((p) => [p.stripeId, p.name]));
  return {
    client,
    clientDefault: defaults.find((d) => d.scope === "client")?.staffId ?? null,
    subscriptions: subs.map((s) => ({
      ...s,
      nextInvoiceAt: nextInvoiceAt(s),
      defaultStaffId: subDefaults.find((d) => d.key === s.stripeId)?.staffId ?? null,
      plan: s.items
        .map(
          (i) =>
            `${productName.get(i.productStripeId) ?? i.productStripeId}${i.quantity > 1 ? ` ×${i.quantity}` : ""}`,
        )
        .join(", "),
    })),
    invoices,
    upcoming,
    past,
    feeds,
  };
}

/** Money as people read it: "£12.50". */
export function formatMoney(amount: number, currency: string): string {
  return new Intl.NumberFormat("en-GB", { style: "currency", currency: currency.toUpperCase() }).format(
    amount / 100,
  );
}

/** The Stripe dashboard page of an object (test-mode path unless live). */
export function stripeDashboardUrl(
  kind: "customers" | "subscriptions" | "invoices",
  id: string,
  live: boolean,
): string {
  return `https://dashboard.stripe.com/${live ? "" : "test/"}${kind}/${id}`;
}
