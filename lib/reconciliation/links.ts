// Where each kind of disagreement is fixed: the booking, the client, or the rules editor.
import type { FixLink } from "@/lib/reconciliation/types";

export const bookingLink = (id: number): FixLink => ({ href: `/bookings/${id}`, label: "Open booking" });

export const clientLink = (stripeId: string): FixLink => ({
  href: `/clients/${encodeURIComponent(stripeId)}`,
  label: "Open client",
});

export const ruleLink = (ruleId: number): FixLink => ({ href: `/rules/${ruleId}`, label: "Edit rule" });

/** The rules editor's "create a rule for this line", prefilled from the line's price and product. */
export function newRuleLink(line: {
  sourceKind: string;
  sourceId: string;
  lineId: string;
  priceStripeId: string | null;
  productStripeId: string | null;
  serviceCode: string | null;
}): FixLink {
  const params = new URLSearchParams({
    sourceKind: line.sourceKind,
    sourceId: line.sourceId,
    lineId: line.lineId,
  });
  if (line.priceStripeId) params.set("priceId", line.priceStripeId);
  if (line.productStripeId) params.set("productId", line.productStripeId);
  if (line.serviceCode) params.set("serviceCode", line.serviceCode);
  return { href: `/rules/new?${params.toString()}`, label: "Create a rule for this" };
}
