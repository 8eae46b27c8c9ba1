// Clients (mirrored Stripe customers) as a list a person picks ids from. Through the Prisma client.
import type { Db } from "@/lib/db/prisma";
import { businessPhoneCountry, phoneConditions } from "@/lib/client-search";

export interface ClientSummary {
  stripeId: string;
  name: string | null;
  email: string | null;
  /** E.164, for pickers that match phone numbers in the browser. */
  phoneE164: string | null;
}

/**
 * Live clients by name, optionally only those whose name, email or Stripe id contains `search`,
 * or whose phone number it is (in any notation; lib/client-search.ts).
 */
export async function listClients(
  db: Db,
  options: { search?: string; limit?: number } = {},
): Promise<ClientSummary[]> {
  const search = options.search?.trim();
  const phone = search ? phoneConditions(search, await businessPhoneCountry(db)) : [];
  return db.client.findMany({
    where: {
      deleted: false,
      ...(search
        ? {
            OR: [
              { name: { contains: search } },
              { email: { contains: search } },
              { stripeId: { contains: search } },
              ...phone,
            ],
          }
        : {}),
    },
    select: { stripeId: true, name: true, email: true, phoneE164: true },
    orderBy: [{ name: "asc" }, { stripeId: "asc" }],
    take: options.limit ?? 1000,
  });
}
