// The contract between ingest (lib/stripe) and booking derivation (lib/bookings, lib/rules).
import { z } from "zod";

export const sourceKinds = ["subscription", "invoice"] as const;
export type SourceKind = (typeof sourceKinds)[number];

/** A Stripe object whose line items can produce bookings. */
export const sourceRefSchema = z.object({
  kind: z.enum(sourceKinds),
  stripeId: z.string().min(1),
});
export type SourceRef = z.infer<typeof sourceRefSchema>;

export const bookingStatuses = ["scheduled", "held", "cancelled", "completed", "no_show"] as const;
export type BookingStatus = (typeof bookingStatuses)[number];

export interface ReconcileSummary {
  sources: number;
  inserted: number;
  updated: number;
  cancelled: number;
  unchanged: number;
}

// ---------------------------------------------------------------- derivation input/output

/** A Stripe product as rules see it (metadata parsed). */
export interface ProductSnapshot {
  stripeId: string;
  name: string;
  serviceCode: string | null;
  metadata: Record<string, string>;
}

/** A Stripe price as rules see it. */
export interface PriceSnapshot {
  stripeId: string;
  productStripeId: string;
  /** `one_time` or `recurring`. */
  type: string;
  recurringInterval: string | null;
  recurringCount: number | null;
  lookupKey: string | null;
  currency: string;
  unitAmount: number | null;
}

/** One subscription item or invoice line, with its price and product resolved. */
export interface LineSnapshot {
  stripeId: string;
  priceStripeId: string | null;
  productStripeId: string | null;
  quantity: number;
  periodStart: Date | null;
  periodEnd: Date | null;
  price: PriceSnapshot | null;
  product: ProductSnapshot | null;
}

interface SourceBase {
  stripeId: string;
  clientStripeId: string;
  /** Client name, else email; null when the customer is not mirrored yet. */
  clientName: string | null;
  deleted: boolean;
  lines: LineSnapshot[];
}

export interface SubscriptionSnapshot extends SourceBase {
  kind: "subscription";
  status: string;
  startDate: Date;
  currentPeriodStart: Date | null;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  cancelAt: Date | null;
  endedAt: Date | null;
  pauseBehavior: string | null;
  pauseResumesAt: Date | null;
}

export interface InvoiceSnapshot extends SourceBase {
  kind: "invoice";
  status: string;
  subscriptionStripeId: string | null;
  total: number;
  amountRefunded: number;
  paidAt: Date | null;
  paymentFailed: boolean;
  stripeCreated: Date;
}

/** Everything derivation needs to know about one subscription or invoice. */
export type SourceSnapshot = SubscriptionSnapshot | InvoiceSnapshot;

/** A booking the rules want to exist; `bookingKey` is the identity across re-derivations. */
export interface DesiredBooking {
  bookingKey: string;
  sourceKind: SourceKind;
  sourceId: string;
  sourceLineId: string;
  clientStripeId: string;
  serviceCode: string;
  title: string;
  startAt: Date;
  endAt: Date;
  staffId: number | null;
  ruleId: number;
  status: "scheduled" | "held";
  statusReason: string | null;
}
