// The reconciliation report's vocabulary: four categories of disagreement between what Stripe
// says was paid and what the schedule holds (docs/RECONCILIATION.md defines each precisely).
import type { Rule } from "@/lib/rules/schema";

export const categories = [
  "paidUnscheduled",
  "scheduledUnpaid",
  "cancelledStillBooked",
  "overbooked",
] as const;
export type Category = (typeof categories)[number];

export const categoryTitles: Record<Category, string> = {
  paidUnscheduled: "Paid but not scheduled",
  scheduledUnpaid: "Scheduled but unpaid",
  cancelledStillBooked: "Refunded, voided or cancelled but still booked",
  overbooked: "Booked past what was paid",
};

export const categorySlugs: Record<Category, string> = {
  paidUnscheduled: "paid-unscheduled",
  scheduledUnpaid: "scheduled-unpaid",
  cancelledStillBooked: "cancelled-still-booked",
  overbooked: "overbooked",
};

/** A link to the screen where a row is fixed. */
export interface FixLink {
  href: string;
  label: string;
}

/** One disagreement. Fields that do not apply to a category are null. */
export interface ReconciliationRow {
  /** Unique within the category (stable across runs, used as the table's row id). */
  key: string;
  category: Category;
  clientStripeId: string | null;
  clientName: string | null;
  /** What was bought or booked: product name, else booking title, else the Stripe id. */
  what: string;
  sourceKind: "subscription" | "invoice";
  sourceId: string;
  lineId: string | null;
  bookingId: number | null;
  /** Booking start (epoch ms) for booking rows. */
  startAt: number | null;
  /** Machine-readable cause, e.g. `no_rule`, `invoice_void`, `past_due`. */
  reason: string;
  /** The cause in words. */
  detail: string;
  /** Overbooked rows: visits booked and visits paid for in the period. */
  booked: number | null;
  paid: number | null;
  /**
   * Paid-but-not-scheduled rows: what tells two lines of one purchase apart and what was paid —
   * the line's own text (invoice line description), its amount in minor units and currency
   * (a subscription item: price × quantity), when the invoice was paid, the line's period.
   */
  line?: {
    text: string | null;
    quantity: number;
    amountMinor: number | null;
    currency: string | null;
    paidAt: number | null;
    periodStart: number | null;
    periodEnd: number | null;
  };
  /** The main fix first; further useful screens after it. */
  links: FixLink[];
}

export type ReconciliationReport = Record<Category, ReconciliationRow[]>;
export type ReconciliationCounts = Record<Category, number>;

export interface ReconciliationInput {
  now: Date;
  /** Active rules in match order (lib/rules/repo.ts loadActiveRules). */
  rules: Rule[];
  /**
   * How far back paid one-off invoices and unpaid bookings are looked at (days, default 90):
   * history from before the app mirrored the account would otherwise flood the report.
   */
  lookbackDays?: number;
}

export const DAY_MS = 86_400_000;
export const DEFAULT_LOOKBACK_DAYS = 90;

export function lookbackStart(input: ReconciliationInput): Date {
  return new Date(input.now.getTime() - (input.lookbackDays ?? DEFAULT_LOOKBACK_DAYS) * DAY_MS);
}

/** Booking statuses that still hold a slot in the schedule (cancelled ones do not). */
export const LIVE_STATUSES = ["scheduled", "held", "completed", "no_show"];
/** Booking statuses of a visit that is still going to happen. */
export const UPCOMING_STATUSES = ["scheduled", "held"];
