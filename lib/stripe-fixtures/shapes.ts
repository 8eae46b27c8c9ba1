// Pieces shared by every generated Stripe object. Nested objects that are identical across
// objects are frozen singletons: 100k invoices then cost one copy of each, not 100k, and a
// consumer that tries to mutate one fails loudly instead of corrupting every invoice.
import Stripe from "stripe";

/** The API version the stored shapes follow (the `stripe` package's pinned version). */
export const API_VERSION: string = Stripe.API_VERSION;

/** Fixed creation time of the catalog (2025-01-01T00:00:00Z), so catalogs compare equal across runs. */
export const CATALOG_CREATED = 1_735_689_600;

export const DAY = 86_400;
export const HOUR = 3_600;

const decimals = new Map<string, Stripe.Decimal>();

/** A Stripe Decimal for `value` (serialises to the string Stripe sends); one instance per value. */
export function decimal(value: number | string): Stripe.Decimal {
  const key = String(value);
  let cached = decimals.get(key);
  if (!cached) {
    cached = Stripe.Decimal.from(key);
    decimals.set(key, cached);
  }
  return cached;
}

/** Epoch seconds, Stripe's time unit. */
export function toUnix(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

export function pad(n: number, width = 8): string {
  return String(n).padStart(width, "0");
}

export const EMPTY_ADDRESS: Stripe.Address = Object.freeze({
  city: null,
  country: null,
  line1: null,
  line2: null,
  postal_code: null,
  state: null,
});

export const CUSTOMER_INVOICE_SETTINGS: Stripe.Customer.InvoiceSettings = Object.freeze({
  custom_fields: null,
  default_payment_method: null,
  footer: null,
  rendering_options: null,
});

export const SUBSCRIPTION_AUTOMATIC_TAX: Stripe.Subscription.AutomaticTax = Object.freeze({
  disabled_reason: null,
  enabled: false,
  liability: null,
});

export const BILLING_MODE: Stripe.Subscription.BillingMode = Object.freeze({
  flexible: null,
  type: "classic",
});

export const SUBSCRIPTION_INVOICE_SETTINGS: Stripe.Subscription.InvoiceSettings = Object.freeze({
  account_tax_ids: null,
  custom_fields: null,
  description: null,
  footer: null,
  issuer: Object.freeze({ type: "self" }),
});

export const SUBSCRIPTION_PAYMENT_SETTINGS: Stripe.Subscription.PaymentSettings = Object.freeze({
  payment_method_options: null,
  payment_method_types: null,
  save_default_payment_method: "off",
});

export const TRIAL_SETTINGS: Stripe.Subscription.TrialSettings = Object.freeze({
  end_behavior: Object.freeze({ billing_cycle_anchor: null, missing_payment_method: "create_invoice" }),
});

export const INVOICE_AUTOMATIC_TAX: Stripe.Invoice.AutomaticTax = Object.freeze({
  disabled_reason: null,
  enabled: false,
  liability: null,
  provider: null,
  status: null,
});

export const INVOICE_ISSUER: Stripe.Invoice.Issuer = Object.freeze({ type: "self" });

export const INVOICE_PAYMENT_SETTINGS: Stripe.Invoice.PaymentSettings = Object.freeze({
  default_mandate: null,
  payment_method_options: null,
  payment_method_types: null,
});

export const INVOICE_RENDERING: Stripe.Invoice.Rendering = Object.freeze({
  amount_tax_display: null,
  pdf: Object.freeze({ page_size: "auto" }),
  template: null,
  template_version: null,
});

export const NO_PRORATION = Object.freeze({ credited_items: null });
