// Builders for shape-correct Stripe objects (current API: periods on subscription items,
// invoice → subscription through `parent`, line/item price through `pricing.price_details`).
// Inputs are plain values; every choice (status, dates, amounts) is made by the caller.
import type Stripe from "stripe";
import { CATALOG_CURRENCY } from "@/lib/stripe-fixtures/catalog";
import {
  BILLING_MODE,
  CUSTOMER_INVOICE_SETTINGS,
  EMPTY_ADDRESS,
  NO_PRORATION,
  SUBSCRIPTION_AUTOMATIC_TAX,
  SUBSCRIPTION_INVOICE_SETTINGS,
  SUBSCRIPTION_PAYMENT_SETTINGS,
  TRIAL_SETTINGS,
  decimal,
} from "@/lib/stripe-fixtures/shapes";

export interface CustomerInput {
  id: string;
  created: number;
  name: string;
  email: string;
  phone: string;
  invoicePrefix: string;
  city: string;
  metadata: Record<string, string>;
}

export function customerObject(input: CustomerInput): Stripe.Customer {
  return {
    id: input.id,
    object: "customer",
    address: { ...EMPTY_ADDRESS, city: input.city, country: "GB" },
    balance: 0,
    created: input.created,
    currency: CATALOG_CURRENCY,
    default_source: null,
    delinquent: false,
    description: null,
    discount: null,
    email: input.email,
    invoice_prefix: input.invoicePrefix,
    invoice_settings: CUSTOMER_INVOICE_SETTINGS,
    livemode: false,
    metadata: input.metadata,
    name: input.name,
    next_invoice_sequence: 1,
    phone: input.phone,
    preferred_locales: [],
    shipping: null,
    tax_exempt: "none",
    test_clock: null,
  };
}

const plans = new Map<string, Stripe.Plan>();

/** The legacy `plan` twin of a recurring price (still required on subscription items); one per price. */
function planFor(price: Stripe.Price): Stripe.Plan {
  let plan = plans.get(price.id);
  if (!plan) {
    plan = Object.freeze({
      id: price.id,
      object: "plan",
      active: price.active,
      amount: price.unit_amount,
      amount_decimal: price.unit_amount_decimal,
      billing_scheme: price.billing_scheme,
      created: price.created,
      currency: price.currency,
      interval: price.recurring?.interval ?? "month",
      interval_count: price.recurring?.interval_count ?? 1,
      livemode: false,
      metadata: {},
      meter: null,
      nickname: price.nickname,
      product: typeof price.product === "string" ? price.product : price.product.id,
      tiers_mode: null,
      transform_usage: null,
      trial_period_days: null,
      usage_type: "licensed",
    });
    plans.set(price.id, plan);
  }
  return plan;
}

export interface SubscriptionItemInput {
  id: string;
  subscription: string;
  price: Stripe.Price;
  quantity: number;
  created: number;
  periodStart: number;
  periodEnd: number;
}

export function subscriptionItemObject(input: SubscriptionItemInput): Stripe.SubscriptionItem {
  return {
    id: input.id,
    object: "subscription_item",
    billing_thresholds: null,
    created: input.created,
    current_period_end: input.periodEnd,
    current_period_start: input.periodStart,
    current_trial: null,
    discounts: [],
    metadata: {},
    plan: planFor(input.price),
    price: input.price,
    quantity: input.quantity,
    subscription: input.subscription,
    tax_rates: [],
  };
}

export interface SubscriptionInput {
  id: string;
  customer: string;
  created: number;
  status: Stripe.Subscription.Status;
  billingCycleAnchor: number;
  items: Stripe.SubscriptionItem[];
  trialStart: number | null;
  trialEnd: number | null;
  cancelAtPeriodEnd: boolean;
  cancelAt: number | null;
  canceledAt: number | null;
  endedAt: number | null;
  cancellationReason: Stripe.Subscription.CancellationDetails.Reason | null;
  pauseCollection: Stripe.Subscription.PauseCollection | null;
  latestInvoice: string | null;
}

export function subscriptionObject(input: SubscriptionInput): Stripe.Subscription {
  return {
    id: input.id,
    object: "subscription",
    application: null,
    application_fee_percent: null,
    automatic_tax: SUBSCRIPTION_AUTOMATIC_TAX,
    billing_cycle_anchor: input.billingCycleAnchor,
    billing_cycle_anchor_config: null,
    billing_mode: BILLING_MODE,
    billing_schedules: [],
    billing_thresholds: null,
    cancel_at: input.cancelAt,
    cancel_at_period_end: input.cancelAtPeriodEnd,
    canceled_at: input.canceledAt,
    cancellation_details: {
      comment: null,
      feedback: null,
      feedback_option: null,
      reason: input.cancellationReason,
    },
    collection_method: "charge_automatically",
    created: input.created,
    currency: CATALOG_CURRENCY,
    customer: input.customer,
    customer_account: null,
    days_until_due: null,
    default_payment_method: null,
    default_source: null,
    description: null,
    discounts: [],
    ended_at: input.endedAt,
    invoice_settings: SUBSCRIPTION_INVOICE_SETTINGS,
    items: {
      object: "list",
      data: input.items,
      has_more: false,
      url: `/v1/subscription_items?subscription=${input.id}`,
    },
    latest_invoice: input.latestInvoice,
    livemode: false,
    managed_payments: null,
    metadata: {},
    next_pending_invoice_item_invoice: null,
    on_behalf_of: null,
    pause_collection: input.pauseCollection,
    payment_settings: SUBSCRIPTION_PAYMENT_SETTINGS,
    pending_invoice_item_interval: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: null,
    start_date: input.created,
    status: input.status,
    test_clock: null,
    transfer_data: null,
    trial_end: input.trialEnd,
    trial_settings: TRIAL_SETTINGS,
    trial_start: input.trialStart,
  };
}

/** Where a line came from: a subscription item, or a one-off invoice item. */
export type LineSource =
  | { kind: "subscription_item"; subscription: string; subscriptionItem: string }
  | { kind: "invoice_item"; invoiceItem: string };

export interface LineInput {
  id: string;
  invoice: string;
  price: Stripe.Price;
  quantity: number;
  amount: number;
  description: string;
  periodStart: number;
  periodEnd: number;
  source: LineSource;
}

export function lineItemObject(input: LineInput): Stripe.InvoiceLineItem {
  const { source } = input;
  return {
    id: input.id,
    object: "line_item",
    amount: input.amount,
    currency: input.price.currency,
    description: input.description,
    discount_amounts: [],
    discountable: true,
    discounts: [],
    invoice: input.invoice,
    livemode: false,
    metadata: {},
    parent:
      source.kind === "subscription_item"
        ? {
            type: "subscription_item_details",
            invoice_item_details: null,
            subscription_item_details: {
              invoice_item: null,
              proration: false,
              proration_details: NO_PRORATION,
              subscription: source.subscription,
              subscription_item: source.subscriptionItem,
            },
          }
        : {
            type: "invoice_item_details",
            invoice_item_details: {
              invoice_item: source.invoiceItem,
              proration: false,
              proration_details: NO_PRORATION,
              subscription: null,
            },
            subscription_item_details: null,
          },
    period: { end: input.periodEnd, start: input.periodStart },
    pretax_credit_amounts: [],
    pricing: pricingOf(input.price),
    quantity: input.quantity,
    quantity_decimal: decimal(input.quantity),
    subscription: source.kind === "subscription_item" ? source.subscription : null,
    subtotal: input.amount,
    taxes: [],
  };
}

function pricingOf(price: Stripe.Price): Stripe.InvoiceLineItem.Pricing & Stripe.InvoiceItem.Pricing {
  return {
    type: "price_details",
    price_details: {
      price: price.id,
      product: typeof price.product === "string" ? price.product : price.product.id,
    },
    unit_amount_decimal: price.unit_amount_decimal,
  };
}

export interface InvoiceItemInput {
  id: string;
  customer: string;
  invoice: string | null;
  price: Stripe.Price;
  quantity: number;
  description: string;
  date: number;
  periodStart: number;
  periodEnd: number;
  metadata: Record<string, string>;
}

export function invoiceItemObject(input: InvoiceItemInput): Stripe.InvoiceItem {
  const amount = (input.price.unit_amount ?? 0) * input.quantity;
  return {
    id: input.id,
    object: "invoiceitem",
    amount,
    currency: input.price.currency,
    customer: input.customer,
    customer_account: null,
    date: input.date,
    description: input.description,
    discountable: true,
    discounts: [],
    invoice: input.invoice,
    livemode: false,
    metadata: input.metadata,
    net_amount: amount,
    parent: null,
    period: { end: input.periodEnd, start: input.periodStart },
    pricing: pricingOf(input.price),
    proration: false,
    quantity: input.quantity,
    quantity_decimal: decimal(input.quantity),
    tax_rates: [],
    test_clock: null,
  };
}
