// Where each kind of disagreement is fixed: the booking, the client, or the rules editor.
import type { FixLink } from "@/lib/reconciliation/types";
import { createRuleHref } from "@/lib/rules/editor";
import type { SourceKind } from "@/lib/bookings/types";

export const bookingLink = (id: number): FixLink => ({ href: `/bookings/${id}`, label: "Open booking" });

export const clientLink = (stripeId: string): FixLink => ({
  href: `/clients/${encodeURIComponent(stripeId)}`,
  label: "Open client",
});

export const ruleLink = (ruleId: number): FixLink => ({ href: `/rules/${ruleId}`, label: "Edit rule" });

/** The rules editor's "create a rule for this line": the editor prefills it from the unmapped line. */
export function newRuleLink(line: { sourceKind: SourceKind; sourceId: string; lineId: string }): FixLink {
  return {
    href: createRuleHref({
      sourceKind: line.sourceKind,
      sourceStripeId: line.sourceId,
      lineStripeId: line.lineId,
    }),
    label: "Create a rule for this",
  };
}
