// Which service an invoice line's money belongs to. A line is attributed, in order, to:
//   1. the service code of the first active rule (priority, then id) that matches its price and
//      product, the same matching that turns the line into bookings (lib/rules/match.ts);
//   2. else its product's name (no rule turns it into visits, but it was still sold);
//   3. else "Other (no product)": a line with neither price nor product (a custom amount).
// Rules are matched as they are now, not as they were when the invoice was paid.
import type { Db } from "@/lib/db/prisma";
import { loadCatalogSnapshots } from "@/lib/rules/catalog-snapshots";
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
  const [rules, catalog] = await Promise.all([
    db.rule.findMany({
      where: { active: true },
      orderBy: [{ priority: "asc" }, { id: "asc" }],
      select: { serviceCode: true, matcherJson: true },
    }),
    loadCatalogSnapshots(db, refs),
  ]);
  const matchers = rules.flatMap((r) => {
    const matcher = parseMatcher(r.matcherJson);
    return matcher ? [{ active: true, matcher, serviceCode: r.serviceCode }] : [];
  });
  const cache = new Map<string, ServiceAttribution>();
  return (ref) => {
    const cacheKey = `${ref.priceStripeId ?? ""}|${ref.productStripeId ?? ""}`;
    const known = cache.get(cacheKey);
    if (known) return known;
    const line = catalog.context({ ...ref, quantity: 1 });
    const { product, productStripeId: productId } = line;
    const rule = matchRule(matchers, line);
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
