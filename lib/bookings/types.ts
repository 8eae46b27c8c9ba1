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
