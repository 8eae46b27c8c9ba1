// Display names of the clients a page of bookings shows, in one query. Bookings reference
// clients by Stripe id (no foreign key: mirrors arrive in any order), so lists join them here.
import type { Db } from "@/lib/db/prisma";

/** Stripe id → name (or email when the customer has no name); unknown ids are absent. */
export async function clientNames(
  db: Db,
  rows: readonly { clientStripeId: string | null }[],
): Promise<Map<string, string | null>> {
  const ids = [...new Set(rows.map((r) => r.clientStripeId).filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const clients = await db.client.findMany({
    where: { stripeId: { in: ids } },
    select: { stripeId: true, name: true, email: true },
  });
  return new Map(clients.map((c) => [c.stripeId, c.name ?? c.email]));
}
