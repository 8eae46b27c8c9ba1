// Names and catalog rows the categories need, read in one query per table for a whole set of ids.
import type { Db } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { inChunks } from "@/lib/db/in-chunks";
import { loadCatalogSnapshots } from "@/lib/rules/catalog-snapshots";
import type { LineContext } from "@/lib/rules/match";

export { inChunks } from "@/lib/db/in-chunks";

const unique = (ids: (string | null | undefined)[]): string[] => [
  ...new Set(ids.filter((id): id is string => typeof id === "string")),
];

/** Client name (else email) by Stripe id. */
export async function clientNames(db: Db, ids: (string | null)[]): Promise<Map<string, string | null>> {
  const rows = await inChunks(unique(ids), (chunk) =>
    db.client.findMany({
      where: { stripeId: { in: chunk } },
      select: { stripeId: true, name: true, email: true },
    }),
  );
  return new Map(rows.map((row) => [row.stripeId, row.name ?? row.email]));
}

export interface Catalog {
  /** A line's price and product as the rule matcher sees them. */
  context(line: {
    priceStripeId: string | null;
    productStripeId: string | null;
    quantity: number;
  }): LineContext;
  productName(productStripeId: string | null): string | null;
}

export async function loadCatalog(
  db: Db,
  lines: { priceStripeId: string | null; productStripeId: string | null }[],
): Promise<Catalog> {
  const catalog = await loadCatalogSnapshots(db, lines);
  return {
    context: catalog.context,
    productName: (id) => (id ? (catalog.productById.get(id)?.name ?? null) : null),
  };
}

/** Bookings of the given sources matching `where`, in start order (then id). */
export async function bookingsOfSources(
  db: Db,
  where: Prisma.BookingWhereInput,
  sources: { kind: "subscription" | "invoice"; ids: string[] }[],
) {
  const rows = [];
  for (const source of sources)
    rows.push(
      ...(await inChunks(source.ids, (chunk) =>
        db.booking.findMany({
          where: { ...where, sourceKind: source.kind, sourceId: { in: chunk } },
          select: {
            id: true,
            clientStripeId: true,
            title: true,
            startAt: true,
            sourceKind: true,
            sourceId: true,
            sourceLineId: true,
          },
        }),
      )),
    );
  return rows.sort((a, b) => a.startAt.getTime() - b.startAt.getTime() || a.id - b.id);
}
