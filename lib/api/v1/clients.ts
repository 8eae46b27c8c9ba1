// Clients (mirrored Stripe customers) as /api/v1 shows them, through the Prisma client. A
// staff-scoped caller sees only clients that walker has bookings with.
import type { Db } from "@/lib/db/prisma";
import type { Sqlite } from "@/lib/db/sqlite";
import { decodePosition, encodeCursor } from "@/lib/api/v1/cursor";
import { apiBookingsBetween, likePattern } from "@/lib/api/v1/bookings";
import { phoneCountryOf, phoneSearchOf } from "@/lib/phone";
import { loadSettings } from "@/lib/settings";
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

/**
 * A page of live clients (keyset on the row id), optionally searched by name, email or phone.
 * Raw SQL: the search is LIKE with the text's own `%`, `_` and backslash escaped (Prisma's
 * `contains` passes them through as wildcards, so `q=%` matched everyone). A `q` that looks like
 * a phone number also matches the stored E.164 from its start or by a run of its digits
 * (lib/phone.ts `phoneSearchOf`: "07700 900457" finds "+44 7700 900457").
 */
export function listApiClients(
  sql: Sqlite,
  query: { q?: string; cursor?: string; limit: number },
  staffScope: number | null,
): { data: ClientSummary[]; nextCursor: string | null; hasMore: boolean } {
  const filters = { q: query.q ?? null, scope: staffScope };
  const phone = query.q ? phoneSearchOf(query.q, phoneCountryOf(loadSettings(sql))) : null;
  const position = decodePosition(query.cursor, filters);
  const until =
    position.until ?? (sql.prepare("SELECT coalesce(max(id), 0) AS n FROM Client").get() as { n: number }).n;
  const rows = sql
    .prepare(
      `SELECT id, stripeId, name, email, phone FROM Client
       WHERE deleted = 0 AND id > @after AND id <= @until
         AND (@scope IS NULL OR stripeId IN (SELECT clientStripeId FROM Booking WHERE staffId = @scope))
         AND (@q IS NULL OR name LIKE @q ESCAPE '\\' OR email LIKE @q ESCAPE '\\' OR phone LIKE @q ESCAPE '\\'
              OR substr(phoneE164, 1, length(@phonePrefix)) = @phonePrefix OR instr(phoneE164, @phoneDigits) > 0)
       ORDER BY id LIMIT @limit`,
    )
    .all({
      after: position.after,
      until,
      scope: staffScope,
      q: query.q ? likePattern(query.q) : null,
      // Digits and "+" only: compared as text, no LIKE pattern to escape.
      phonePrefix: phone?.prefix ?? null,
      phoneDigits: phone?.digits ?? null,
      limit: query.limit + 1,
    }) as { id: number; stripeId: string; name: string | null; email: string | null; phone: string | null }[];
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const hasMore = rows.length > query.limit && last !== undefined;
  return {
    data: page.map(summary),
    nextCursor: hasMore ? encodeCursor({ after: last.id, until }, filters) : null,
    hasMore,
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
