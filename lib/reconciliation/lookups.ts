// Names and catalog rows the categories need, read in one query per table for a whole set of ids.
import type { Db } from "@/lib/db/prisma";
import type { LineContext } from "@/lib/rules/match";

const unique = (ids: (string | null | undefined)[]): string[] => [
  ...new Set(ids.filter((id): id is string => typeof id === "string")),
];

/** Client name (else email) by Stripe id. */
export async function clientNames(db: Db, ids: (string | null)[]): Promise<Map<string, string | null>> {
  const rows = await db.client.findMany({
    where: { stripeId: { in: unique(ids) } },
    select: { stripeId: true, name: true, email: true },
  });
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
  const prices = await db.price.findMany({
    where: { stripeId: { in: unique(lines.map((l) => l.priceStripeId)) } },
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
  });
  const priceById = new Map(prices.map((p) => [p.stripeId, p]));
  const productIds = unique([
    ...lines.map((l) => l.productStripeId),
    ...prices.map((p) => p.productStripeId),
  ]);
  const products = await db.product.findMany({
    where: { stripeId: { in: productIds } },
    select: { stripeId: true, name: true, serviceCode: true, metadata: true },
  });
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
