// Which rule turns a purchased line item into bookings. A line no rule matches is not an
// error, but it must be visible: listUnmappedLines reports every one of them.
import type { Sqlite } from "@/lib/db/sqlite";
import type { LineSnapshot, SourceKind } from "@/lib/bookings/types";
import { listLiveSourceRefs, loadSourceSnapshots } from "@/lib/bookings/load-source";
import { loadActiveRules } from "@/lib/rules/repo";
import type { Matcher, Rule } from "@/lib/rules/schema";

/** What a matcher looks at: a line's price and product (the snapshot of a line satisfies it). */
export type LineContext = Pick<
  LineSnapshot,
  "priceStripeId" | "productStripeId" | "quantity" | "price" | "product"
>;

const within = (list: string[] | undefined, value: string | null | undefined): boolean =>
  list === undefined || (value != null && list.includes(value));

/** True when every criterion the matcher states holds for the line. */
export function matcherMatches(matcher: Matcher, line: LineContext): boolean {
  const { price, product } = line;
  if (!within(matcher.priceIds, line.priceStripeId)) return false;
  if (!within(matcher.productIds, line.productStripeId)) return false;
  if (!within(matcher.lookupKeys, price?.lookupKey)) return false;
  if (!within(matcher.serviceCodes, product?.serviceCode)) return false;
  if (matcher.productMetadata) {
    const metadata = product?.metadata ?? {};
    if (!Object.entries(matcher.productMetadata).every(([key, value]) => metadata[key] === value))
      return false;
  }
  if (matcher.recurringInterval !== undefined) {
    const interval = price ? (price.type === "one_time" ? "one_time" : price.recurringInterval) : null;
    if (interval !== matcher.recurringInterval) return false;
  }
  if (matcher.currency !== undefined && price?.currency.toLowerCase() !== matcher.currency) return false;
  return true;
}

/** The first active rule (callers pass them sorted by priority, then id) matching the line, or null. */
export function matchRule<R extends Pick<Rule, "matcher" | "active">>(
  rules: readonly R[],
  line: LineContext,
): R | null {
  for (const rule of rules) {
    if (rule.active && matcherMatches(rule.matcher, line)) return rule;
  }
  return null;
}

/** A live line item that no active rule turns into bookings. */
export interface UnmappedLine {
  sourceKind: SourceKind;
  sourceStripeId: string;
  lineStripeId: string;
  clientStripeId: string;
  clientName: string | null;
  productStripeId: string | null;
  productName: string | null;
  serviceCode: string | null;
  priceStripeId: string | null;
  /** e.g. `25.00 GBP / 2 weeks` or `50.00 GBP one-off`. */
  priceLabel: string | null;
  quantity: number;
}

export function priceLabel(line: LineContext): string | null {
  const price = line.price;
  if (!price) return null;
  const amount = price.unitAmount === null ? "?" : (price.unitAmount / 100).toFixed(2);
  const money = `${amount} ${price.currency.toUpperCase()}`;
  if (price.type === "one_time" || !price.recurringInterval) return `${money} one-off`;
  const count = price.recurringCount ?? 1;
  return `${money} / ${count === 1 ? price.recurringInterval : `${count} ${price.recurringInterval}s`}`;
}

/** Lines of live subscriptions and open/paid one-off invoices that no active rule matches. */
export function listUnmappedLines(db: Sqlite): UnmappedLine[] {
  const rules = loadActiveRules(db);
  const snapshots = loadSourceSnapshots(db, listLiveSourceRefs(db));
  const unmapped: UnmappedLine[] = [];
  for (const source of snapshots.values()) {
    for (const line of source.lines) {
      if (matchRule(rules, line)) continue;
      unmapped.push({
        sourceKind: source.kind,
        sourceStripeId: source.stripeId,
        lineStripeId: line.stripeId,
        clientStripeId: source.clientStripeId,
        clientName: source.clientName,
        productStripeId: line.productStripeId,
        productName: line.product?.name ?? null,
        serviceCode: line.product?.serviceCode ?? null,
        priceStripeId: line.priceStripeId,
        priceLabel: priceLabel(line),
        quantity: line.quantity,
      });
    }
  }
  const order = (l: UnmappedLine) => `${l.sourceKind}:${l.sourceStripeId}:${l.lineStripeId}`;
  return unmapped.sort((a, b) => (order(a) < order(b) ? -1 : 1));
}
