// Builder for a shape-correct Stripe Invoice (current API: the subscription is reached through
// `parent.subscription_details`, there is no top-level `invoice.subscription`).
import type Stripe from "stripe";
import {
  EMPTY_ADDRESS,
  INVOICE_AUTOMATIC_TAX,
  INVOICE_ISSUER,
  INVOICE_PAYMENT_SETTINGS,
  INVOICE_RENDERING,
} from "@/lib/stripe-fixtures/shapes";

export const ACCOUNT_NAME = "Happy Paws Dog Walking";

export interface InvoiceInput {
  id: string;
  customer: Stripe.Customer;
  created: number;
  status: "draft" | "open" | "paid" | "uncollectible" | "void";
  /** Null while draft. */
  number: string | null;
  lines: Stripe.InvoiceLineItem[];
  subscription: string | null;
  billingReason: Stripe.Invoice.BillingReason;
  collectionMethod: Stripe.Invoice.CollectionMethod;
  dueDate: number | null;
  periodStart: number;
  periodEnd: number;
  attemptCount: number;
  finalizedAt: number | null;
  /** When the status was reached (paid_at / voided_at / marked_uncollectible_at). */
  settledAt: number | null;
  nextPaymentAttempt: number | null;
}

export function invoiceObject(input: InvoiceInput): Stripe.Invoice {
  const total = input.lines.reduce((sum, line) => sum + line.amount, 0);
  const amountPaid = input.status === "paid" ? total : 0;
  const customer = input.customer;
  return {
    id: input.id,
    object: "invoice",
    account_country: "GB",
    account_name: ACCOUNT_NAME,
    account_tax_ids: null,
    amount_due: total,
    amount_overpaid: 0,
    amount_paid: amountPaid,
    amount_remaining: total - amountPaid,
    amount_shipping: 0,
    application: null,
    attempt_count: input.attemptCount,
    attempted: input.attemptCount > 0,
    auto_advance: input.status === "draft" || input.status === "open",
    automatic_tax: INVOICE_AUTOMATIC_TAX,
    automatically_finalizes_at: input.status === "draft" ? input.created + 3600 : null,
    billing_reason: input.billingReason,
    collection_method: input.collectionMethod,
    created: input.created,
    currency: customer.currency ?? "gbp",
    custom_fields: null,
    customer: customer.id,
    customer_account: null,
    customer_address: customer.address ?? EMPTY_ADDRESS,
    customer_email: customer.email,
    customer_name: customer.name ?? null,
    customer_phone: customer.phone ?? null,
    customer_shipping: null,
    customer_tax_exempt: "none",
    customer_tax_ids: [],
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: [],
    due_date: input.dueDate,
    effective_at: input.finalizedAt,
    ending_balance: input.finalizedAt === null ? null : 0,
    footer: null,
    from_invoice: null,
    issuer: INVOICE_ISSUER,
    last_finalization_error: null,
    latest_revision: null,
    lines: { object: "list", data: input.lines, has_more: false, url: `/v1/invoices/${input.id}/lines` },
    livemode: false,
    metadata: {},
    next_payment_attempt: input.nextPaymentAttempt,
    number: input.number,
    on_behalf_of: null,
    parent: input.subscription
      ? {
          type: "subscription_details",
          quote_details: null,
          subscription_details: { metadata: {}, subscription: input.subscription },
        }
      : null,
    payment_settings: INVOICE_PAYMENT_SETTINGS,
    period_end: input.periodEnd,
    period_start: input.periodStart,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: INVOICE_RENDERING,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: 0,
    statement_descriptor: null,
    status: input.status,
    status_transitions: {
      finalized_at: input.finalizedAt,
      marked_uncollectible_at: input.status === "uncollectible" ? input.settledAt : null,
      paid_at: input.status === "paid" ? input.settledAt : null,
      voided_at: input.status === "void" ? input.settledAt : null,
    },
    subtotal: total,
    subtotal_excluding_tax: total,
    test_clock: null,
    total,
    total_discount_amounts: [],
    total_excluding_tax: total,
    total_pretax_credit_amounts: [],
    total_taxes: [],
    webhooks_delivered_at: input.created,
  };
}
