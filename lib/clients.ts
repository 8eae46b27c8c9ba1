// Clients (mirrored Stripe customers) as a list a person picks ids from. Through the Prisma client.
import type { Db } from "@/lib/db/prisma";

export interface ClientSummary {
  stripeId: string;
  name: string | null;
  email: string | null;
}

/** Live clients by name, optionally only those whose name, email or Stripe id contains `search`. */
export async function listClients(
  db: Db,
  options: { search?: string; limit?: number } = {},
): Promise<ClientSummary[]> {
  const search = options.search?.trim();
  return db.client.findMany({
    where: {
      deleted: false,
      ...(search
        ? {
            OR: [
              { name: { contains: search } },
              { email: { contains: search } },
              { stripeId: { contains: search } },
            ],
          }
        : {}),
    },
    select: { stripeId: true, name: true, email: true },
    orderBy: [{ name: "asc" }, { stripeId: "asc" }],
    take: options.limit ?? 1000,
  });
}
