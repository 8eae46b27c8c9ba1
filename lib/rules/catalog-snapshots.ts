// The prices and products of a set of lines, read through Prisma in one query per table, and a
// line's context as the rule matcher sees it (lib/rules/match.ts). Shared by the reports (which
// service a line's money belongs to) and the reconciliation report (what a line should book).
import type { PriceSnapshot, ProductSnapshot } from "@/lib/bookings/types";
import type { Db } from "@/lib/db/prisma";
import { inChunks } from "@/lib/db/in-chunks";
import type { LineContext } from "@/lib/rules/match";

export interface CatalogSnapshots {
  priceById: Map<string, PriceSnapshot>;
  productById: Map<string, ProductSnapshot>;
  /** A line's price and product (the price's product when the line names none). */
  context(line: {
    priceStripeId: string | null;
    productStripeId: string | null;
    quantity: number;
  }): LineContext;
}

const ids = (values: (string | null | undefined)[]): string[] => [
  ...new Set(values.filter((id): id is string => typeof id === "string")),
];

export async function loadCatalogSnapshots(
  db: Db,
  lines: readonly { priceStripeId: string | null; productStripeId: string | null }[],
): Promise<CatalogSnapshots> {
  const prices = await inChunks(ids(lines.map((l) => l.priceStripeId)), (chunk) =>
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
  const productIds = ids([...lines.map((l) => l.productStripeId), ...prices.map((p) => p.productStripeId)]);
  const products = await inChunks(productIds, (chunk) =>
    db.product.findMany({
      where: { stripeId: { in: chunk } },
      select: { stripeId: true, name: true, serviceCode: true, metadata: true },
    }),
  );
  const priceById = new Map<string, PriceSnapshot>(prices.map((p) => [p.stripeId, p]));
  const productById = new Map<string, ProductSnapshot>(
    products.map((p) => [p.stripeId, { ...p, metadata: parseMetadata(p.metadata) }]),
  );
  return {
    priceById,
    productById,
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
