// zod schemas for the Stripe objects we mirror: only the fields we read, tolerant of both the
// current API shapes (pricing.price_details, parent.*_details, per-item periods) and the
// older ones (line.price, invoice.subscription, subscription.current_period_*).
import { z } from "zod";

const id = z.string().min(1);
/** Unix seconds; bounded so the epoch-ms value stored from it is a valid date. */
const ts = z.number().int().nonnegative().max(253_402_300_799);
const metadata = z
  .record(z.string(), z.string())
  .nullish()
  .transform((m) => m ?? {});
/** An id, or the expanded object carrying it. */
const ref = z
  .union([id, z.object({ id })])
  .transform((value) => (typeof value === "string" ? value : value.id));

export const mirroredKinds = [
  "customer",
  "product",
  "price",
  "subscription",
  "invoice",
  "invoiceitem",
] as const;
export type MirroredKind = (typeof mirroredKinds)[number];

export const deletedStubSchema = z.object({ id, object: z.string(), deleted: z.literal(true) });

export const customerSchema = z.object({
  id,
  object: z.literal("customer"),
  created: ts,
  email: z.string().nullish(),
  name: z.string().nullish(),
  phone: z.string().nullish(),
  livemode: z.boolean().default(false),
  metadata,
  deleted: z.boolean().optional(),
});

export const productSchema = z.object({
  id,
  object: z.literal("product"),
  created: ts,
  name: z.string(),
  active: z.boolean(),
  description: z.string().nullish(),
  livemode: z.boolean().default(false),
  metadata,
  deleted: z.boolean().optional(),
});

export const priceSchema = z.object({
  id,
  object: z.literal("price"),
  created: ts,
  product: ref,
  active: z.boolean(),
  currency: z.string(),
  unit_amount: z.number().int().nullish(),
  type: z.enum(["one_time", "recurring"]),
  recurring: z.object({ interval: z.string(), interval_count: z.number().int() }).nullish(),
  lookup_key: z.string().nullish(),
  nickname: z.string().nullish(),
  livemode: z.boolean().default(false),
  metadata,
  deleted: z.boolean().optional(),
});

const subscriptionItemSchema = z.object({
  id,
  created: ts.optional(),
  price: priceSchema.pick({ id: true, product: true }),
  quantity: z.number().int().nullish(),
  current_period_start: ts.nullish(),
  current_period_end: ts.nullish(),
  metadata,
});

const list = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), has_more: z.boolean().default(false) });

export const subscriptionSchema = z.object({
  id,
  object: z.literal("subscription"),
  created: ts,
  customer: ref,
  status: z.string(),
  currency: z.string(),
  start_date: ts,
  current_period_start: ts.nullish(),
  current_period_end: ts.nullish(),
  trial_start: ts.nullish(),
  trial_end: ts.nullish(),
  cancel_at_period_end: z.boolean().default(false),
  cancel_at: ts.nullish(),
  canceled_at: ts.nullish(),
  ended_at: ts.nullish(),
  pause_collection: z.object({ behavior: z.string(), resumes_at: ts.nullish() }).nullish(),
  items: list(subscriptionItemSchema),
  livemode: z.boolean().default(false),
  metadata,
});

const priceDetails = z
  .object({
    type: z.string().optional(),
    price_details: z.object({ price: ref, product: ref.optional() }).nullish(),
  })
  .nullish();

export const invoiceLineSchema = z.object({
  id,
  amount: z.number().int(),
  currency: z.string(),
  description: z.string().nullish(),
  quantity: z.number().int().nullish(),
  period: z.object({ start: ts, end: ts }).nullish(),
  metadata,
  pricing: priceDetails,
  price: z.object({ id, product: ref }).nullish(),
  parent: z
    .object({
      invoice_item_details: z.object({ invoice_item: id.nullish() }).nullish(),
      subscription_item_details: z.object({ subscription_item: id.nullish() }).nullish(),
    })
    .nullish(),
  subscription_item: id.nullish(),
  invoice_item: id.nullish(),
});

export const invoiceSchema = z.object({
  id,
  object: z.literal("invoice"),
  created: ts,
  customer: ref,
  number: z.string().nullish(),
  status: z.string().nullish(),
  currency: z.string(),
  total: z.number().int(),
  amount_paid: z.number().int(),
  amount_remaining: z.number().int(),
  post_payment_credit_notes_amount: z.number().int().nullish(),
  period_start: ts.nullish(),
  period_end: ts.nullish(),
  due_date: ts.nullish(),
  status_transitions: z.object({ paid_at: ts.nullish() }).nullish(),
  attempt_count: z.number().int().nullish(),
  last_finalization_error: z.unknown().optional(),
  subscription: ref.nullish(),
  parent: z.object({ subscription_details: z.object({ subscription: ref.nullish() }).nullish() }).nullish(),
  lines: list(invoiceLineSchema),
  livemode: z.boolean().default(false),
  metadata,
  deleted: z.boolean().optional(),
});

export const invoiceItemSchema = z.object({
  id,
  object: z.literal("invoiceitem"),
  date: ts.optional(),
  created: ts.optional(),
  customer: ref,
  invoice: ref.nullish(),
  description: z.string().nullish(),
  quantity: z.number().int().nullish(),
  amount: z.number().int(),
  currency: z.string(),
  period: z.object({ start: ts, end: ts }).nullish(),
  pricing: priceDetails,
  price: z.object({ id, product: ref }).nullish(),
  livemode: z.boolean().default(false),
  metadata,
  deleted: z.boolean().optional(),
});

export type CustomerObject = z.infer<typeof customerSchema>;
export type ProductObject = z.infer<typeof productSchema>;
export type PriceObject = z.infer<typeof priceSchema>;
export type SubscriptionObject = z.infer<typeof subscriptionSchema>;
export type InvoiceObject = z.infer<typeof invoiceSchema>;
export type InvoiceLineObject = z.infer<typeof invoiceLineSchema>;
export type InvoiceItemObject = z.infer<typeof invoiceItemSchema>;

export const objectSchemas = {
  customer: customerSchema,
  product: productSchema,
  price: priceSchema,
  subscription: subscriptionSchema,
  invoice: invoiceSchema,
  invoiceitem: invoiceItemSchema,
} as const;

/** The Stripe `object` name of a payload, if it is one we mirror. */
export function mirroredKindOf(object: unknown): MirroredKind | null {
  const kind = z.object({ object: z.string() }).safeParse(object);
  if (!kind.success) return null;
  return (mirroredKinds as readonly string[]).includes(kind.data.object)
    ? (kind.data.object as MirroredKind)
    : null;
}

export const eventSchema = z.object({
  id: z.string().startsWith("evt_"),
  object: z.literal("event"),
  type: z.string().min(1),
  created: ts,
  livemode: z.boolean().default(false),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});
export type StripeEventEnvelope = z.infer<typeof eventSchema>;
