// Clients (mirrored Stripe customers) as /api/v1 shows them, through the Prisma client. A
// staff-scoped caller sees only clients that walker has bookings with.
import type { Db } from "@/lib/db/prisma";
import type { Sqlite } from "@/lib/db/sqlite";
import { decodePosition, encodeCursor } from "@/lib/api/v1/cursor";
import { apiBookingsBetween } from "@/lib/api/v1/bookings";
import type { z } from "zod";
import type { clientSchema, clientSummarySchema } from "@/lib/api/v1/schemas";

type ClientSummary = z.infer<typeof clientSummarySchema>;
type ClientDetail = z.infer<typeof clientSchema>;

const summary = (row: {
  stripeId: string;
  name: string | null;
  email: string | null;
  phone: string | null;
}) => ({
  id: row.stripeId,
  name: row.name,
  email: row.email,
  phone: row.phone,
});

async function scopeClientIds(db: Db, staffScope: number | null): Promise<string[] | undefined> {
  if (staffScope === null) return undefined;
  const rows = await db.booking.findMany({
    where: { staffId: staffScope, clientStripeId: { not: null } },
    select: { clientStripeId: true },
    distinct: ["clientStripeId"],
  });
  return rows.flatMap((row) => (row.clientStripeId ? [row.clientStripeId] : []));
}

/** A page of live clients (keyset on the row id), optionally searched by name, email or phone. */
export async function listApiClients(
  db: Db,
  query: { q?: string; cursor?: string; limit: number },
  staffScope: number | null,
): Promise<{ data: ClientSummary[]; nextCursor: string | null }> {
  const filters = { q: query.q ?? null, scope: staffScope };
  const position = decodePosition(query.cursor, filters);
  const after = position.after;
  const until = position.until ?? (await db.client.aggregate({ _max: { id: true } }))._max.id ?? 0;
  const allowed = await scopeClientIds(db, staffScope);
  const rows = await db.client.findMany({
    where: {
      deleted: false,
      id: { gt: after, lte: until },
      ...(allowed ? { stripeId: { in: allowed } } : {}),
      ...(query.q
        ? {
            OR: [
              { name: { contains: query.q } },
              { email: { contains: query.q } },
              { phone: { contains: query.q } },
            ],
          }
        : {}),
    },
    select: { id: true, stripeId: true, name: true, email: true, phone: true },
    orderBy: { id: "asc" },
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map(summary),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ after: last.id, until }, filters) : null,
  };
}

/** Contact, subscriptions, an invoices summary and upcoming bookings; null when unknown or out of scope. */
export async function getApiClient(
  db: Db,
  sql: Sqlite,
  stripeId: string,
  staffScope: number | null,
  now: Date,
): Promise<ClientDetail | null> {
  const client = await db.client.findUnique({ where: { stripeId } });
  if (!client || client.deleted) return null;
  const allowed = await scopeClientIds(db, staffScope);
  if (allowed && !allowed.includes(stripeId)) return null;
  const subscriptions = await db.subscriptionMap.findMany({
    where: { clientStripeId: stripeId, deleted: false },
    include: { items: { select: { productStripeId: true } } },
    orderBy: { stripeCreated: "desc" },
  });
  const productIds = [...new Set(subscriptions.flatMap((s) => s.items.map((i) => i.productStripeId)))];
  const products = await db.product.findMany({
    where: { stripeId: { in: productIds } },
    select: { stripeId: true, name: true },
  });
  const names = new Map(products.map((p) => [p.stripeId, p.name]));
  const invoices = await db.invoiceMap.findMany({
    where: { clientStripeId: stripeId, deleted: false },
    select: { status: true, currency: true, amountRemaining: true, amountPaid: true },
  });
  return {
    ...summary(client),
    subscriptions: subscriptions.map((s) => ({
      id: s.stripeId,
      status: s.status,
      plan: s.items.map((i) => names.get(i.productStripeId) ?? i.productStripeId),
      nextInvoiceAt:
        s.status === "canceled" || s.cancelAtPeriodEnd ? null : (s.currentPeriodEnd?.toISOString() ?? null),
      cancelAtPeriodEnd: s.cancelAtPeriodEnd,
    })),
    invoices: {
      count: invoices.length,
      open: invoices.filter((i) => i.status === "open").length,
      paid: invoices.filter((i) => i.status === "paid").length,
      currency: invoices[0]?.currency ?? null,
      amountDue: invoices.filter((i) => i.status === "open").reduce((sum, i) => sum + i.amountRemaining, 0),
      amountPaid: invoices.reduce((sum, i) => sum + i.amountPaid, 0),
    },
    upcomingBookings: apiBookingsBetween(sql, {
      from: now,
      to: null,
      clientId: stripeId,
      staffScope,
      limit: 20,
    }),
  };
}
