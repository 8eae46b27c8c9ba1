// Which service an invoice line's money belongs to. A line is attributed, in order, to:
//   1. the service code of the first active rule (priority, then id) that matches its price and
//      product, the same matching that turns the line into bookings (lib/rules/match.ts);
//   2. else its product's name (no rule turns it into visits, but it was still sold);
//   3. else "Other (no product)": a line with neither price nor product (a custom amount).
// Rules are matched as they are now, not as they were when the invoice was paid.
import type { Db } from "@/lib/db/prisma";
import type { PriceSnapshot, ProductSnapshot } from "@/lib/bookings/types";
import { matchRule } from "@/lib/rules/match";
import { matcherSchema, type Matcher } from "@/lib/rules/schema";

export type ServiceSource = "rule" | "product" | "none";

export interface ServiceAttribution {
  /** Stable key: the service code, `product:<id>`, or `none`. */
  key: string;
  label: string;
  source: ServiceSource;
}

export interface LineRef {
  priceStripeId: string | null;
  productStripeId: string | null;
}

const NONE: ServiceAttribution = { key: "none", label: "Other (no product)", source: "none" };

function parseMatcher(json: string): Matcher | null {
  try {
    const parsed = matcherSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Attributes each distinct (price, product) pair once; invalid stored rules are skipped. */
export async function serviceAttributor(
  db: Db,
  refs: readonly LineRef[],
): Promise<(ref: LineRef) => ServiceAttribution> {
  const priceIds = [...new Set(refs.map((r) => r.priceStripeId).filter((id): id is string => id !== null))];
  const [rules, prices] = await Promise.all([
    db.rule.findMany({
      where: { active: true },
      orderBy: [{ priority: "asc" }, { id: "asc" }],
      select: { serviceCode: true, matcherJson: true },
    }),
    db.price.findMany({
      where: { stripeId: { in: priceIds } },
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
  ]);
  const priceById = new Map<string, PriceSnapshot>(prices.map((p) => [p.stripeId, p]));
  const productIds = new Set(refs.map((r) => r.productStripeId).filter((id): id is string => id !== null));
  for (const p of prices) productIds.add(p.productStripeId);
  const products = await db.product.findMany({
    where: { stripeId: { in: [...productIds] } },
    select: { stripeId: true, name: true, serviceCode: true, metadata: true },
  });
  const productById = new Map<string, ProductSnapshot>(
    products.map((p) => [p.stripeId, { ...p, metadata: parseMetadata(p.metadata) }]),
  );
  const matchers = rules.flatMap((r) => {
    const matcher = parseMatcher(r.matcherJson);
    return matcher ? [{ active: true, matcher, serviceCode: r.serviceCode }] : [];
  });
  const cache = new Map<string, ServiceAttribution>();
  return (ref) => {
    const cacheKey = `${ref.priceStripeId ?? ""}|${ref.productStripeId ?? ""}`;
    const known = cache.get(cacheKey);
    if (known) return known;
    const price = ref.priceStripeId ? (priceById.get(ref.priceStripeId) ?? null) : null;
    const productId = ref.productStripeId ?? price?.productStripeId ?? null;
    const product = productId ? (productById.get(productId) ?? null) : null;
    const rule = matchRule(matchers, {
      priceStripeId: ref.priceStripeId,
      productStripeId: productId,
      quantity: 1,
      price,
      product,
    });
    const attribution: ServiceAttribution = rule
      ? { key: rule.serviceCode, label: rule.serviceCode, source: "rule" }
      : product
        ? { key: `product:${product.stripeId}`, label: product.name, source: "product" }
        : productId
          ? { key: `product:${productId}`, label: productId, source: "product" }
          : NONE;
    cache.set(cacheKey, attribution);
    return attribution;
  };
}

function parseMetadata(json: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(json);
    if (!value || typeof value !== "object") return {};
    return Object.fromEntries(
      Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"),
    );
  } catch {
    return {};
  }
}
