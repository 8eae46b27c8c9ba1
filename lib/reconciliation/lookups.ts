// Names and catalog rows the categories need, read in one query per table for a whole set of ids.
import type { Db } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { LineContext } from "@/lib/rules/match";

/** SQLite (through Prisma) takes a bounded number of parameters: long id lists go in chunks. */
const CHUNK = 500;

/** Runs `query` on `ids` a chunk at a time and concatenates the rows (ids de-duplicated). */
export async function inChunks<T>(
  ids: readonly string[],
  query: (chunk: string[]) => Promise<T[]>,
): Promise<T[]> {
  const all = [...new Set(ids)];
  const rows: T[] = [];
  for (let i = 0; i < all.length; i += CHUNK) rows.push(...(await query(all.slice(i, i + CHUNK))));
  return rows;
}

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
  const prices = await inChunks(unique(lines.map((l) => l.priceStripeId)), (chunk) =>
    db.price.findMany({
      where: { stripeId: { in: chunk } },
      select: {
        stripeId: true,
        productStripeId: true,
        type: true,
        recurringInterval: true,
        recurringCount: true,
        lookupKey: true,
        currency: true,
        unitAmount: true,
      },
    }),
  );
  const priceById = new Map(prices.map((p) => [p.stripeId, p]));
  const productIds = unique([
    ...lines.map((l) => l.productStripeId),
    ...prices.map((p) => p.productStripeId),
  ]);
  const products = await inChunks(productIds, (chunk) =>
    db.product.findMany({
      where: { stripeId: { in: chunk } },
      select: { stripeId: true, name: true, serviceCode: true, metadata: true },
    }),
  );
  const productById = new Map(
    products.map((p) => [p.stripeId, { ...p, metadata: parseMetadata(p.metadata) }] as const),
  );
  return {
    context(line) {
      const price = line.priceStripeId ? (priceById.get(line.priceStripeId) ?? null) : null;
      const productId = line.productStripeId ?? price?.productStripeId ?? null;
      return {
        priceStripeId: line.priceStripeId,
        productStripeId: productId,
        quantity: line.quantity,
        price,
        product: productId ? (productById.get(productId) ?? null) : null,
      };
    },
    productName(id) {
      return id ? (productById.get(id)?.name ?? null) : null;
    },
  };
}

function parseMetadata(text: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== "object") return {};
    return Object.fromEntries(
      Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
    );
  } catch {
    return {};
  }
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
