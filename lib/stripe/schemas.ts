// zod schemas for the Stripe objects we mirror. Tolerant by design: Stripe's objects differ by
// API version, account age and feature set, so only the fields the pipeline cannot work
// without are required (docs/STRIPE_FIELDS.md says which and why); everything else is
// optional and read with a fallback in lib/stripe/rows.ts. Both the current API shapes
// (pricing.price_details, parent.*_details, per-item periods) and the older ones (line.price,
// invoice.subscription, subscription.current_period_*) are accepted.
import { z } from "zod";

const id = z.string().min(1);
/** Unix seconds; bounded so the epoch-ms value stored from it is a valid date. */
const ts = z.number().int().nonnegative().max(253_402_300_799);
// A missing (or null) optional field reads with a fallback; a present field of the wrong type
// is still an error: it means the object is not what we think it is.
const text = z.string().nullish();
const time = ts.nullish();
const int = z.number().int().nullish();
const flag = z.boolean().nullish();
const metadata = z
  .record(z.string(), z.string())
  .nullish()
  .transform((m) => m ?? {});
const livemode = flag;
/** An id, or the expanded object carrying it. */
const ref = z
  .union([id, z.object({ id })])
  .transform((value) => (typeof value === "string" ? value : value.id));
const optionalRef = ref.nullish();

export const mirroredKinds = [
  "customer",
  "product",
  "price",
  "subscription",
  "invoice",
  "invoiceitem",
] as const;
export type MirroredKind = (typeof mirroredKinds)[number];
const kindSet: ReadonlySet<string> = new Set(mirroredKinds);

export const deletedStubSchema = z.object({ id, object: z.string(), deleted: z.literal(true) });

export const customerSchema = z.object({
  id,
  object: z.literal("customer"),
  created: time,
  email: text,
  name: text,
  phone: text,
  livemode,
  metadata,
  deleted: z.boolean().optional(),
});

export const productSchema = z.object({
  id,
  object: z.literal("product"),
  created: time,
  name: text,
  active: flag,
  description: text,
  livemode,
  metadata,
  deleted: z.boolean().optional(),
});

const recurring = z.object({ interval: z.string(), interval_count: z.number().int().nullish() }).nullish();

export const priceSchema = z.object({
  id,
  object: z.literal("price"),
  created: time,
  /** Essential: rules match a line through its price's product. */
  product: ref,
  active: flag,
  currency: text,
  unit_amount: int,
  type: text,
  recurring,
  lookup_key: text,
  nickname: text,
  livemode,
  metadata,
  deleted: z.boolean().optional(),
});

/** The price as embedded in a subscription item: its id and product are what bookings need. */
const embeddedPrice = z.object({ id, product: ref, currency: text });

const subscriptionItemSchema = z.object({
  id,
  created: time,
  price: embeddedPrice,
  quantity: int,
  current_period_start: time,
  current_period_end: time,
  metadata,
});

const list = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), has_more: flag });

export const subscriptionSchema = z
  .object({
    id,
    object: z.literal("subscription"),
    created: time,
    customer: ref,
    status: z.string().min(1),
    currency: text,
    start_date: time,
    current_period_start: time,
    current_period_end: time,
    trial_start: time,
    trial_end: time,
    cancel_at_period_end: flag,
    cancel_at: time,
    canceled_at: time,
    ended_at: time,
    pause_collection: z.object({ behavior: z.string(), resumes_at: time }).nullish(),
    items: list(subscriptionItemSchema),
    livemode,
    metadata,
  })
  .refine((s) => s.start_date != null || s.created != null, {
    message: "start_date or created is required (bookings are anchored on it)",
    path: ["start_date"],
  });

const priceDetails = z
  .object({
    type: z.string().optional(),
    price_details: z.object({ price: ref, product: optionalRef }).nullish(),
  })
  .nullish();
const linePriceSchema = z.object({ id, product: ref }).nullish();
const period = z.object({ start: ts, end: ts }).nullish();

export const invoiceLineSchema = z.object({
  id,
  amount: int,
  currency: text,
  description: text,
  quantity: int,
  period,
  metadata,
  pricing: priceDetails,
  price: linePriceSchema,
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
  created: time,
  customer: ref,
  number: text,
  status: text,
  currency: text,
  total: int,
  amount_paid: int,
  amount_remaining: int,
  post_payment_credit_notes_amount: int,
  period_start: time,
  period_end: time,
  due_date: time,
  status_transitions: z.object({ paid_at: time }).nullish(),
  attempt_count: int,
  subscription: optionalRef,
  parent: z
    .object({
      subscription_details: z.object({ subscription: optionalRef }).nullish(),
    })
    .nullish(),
  lines: list(invoiceLineSchema),
  livemode,
  metadata,
  deleted: z.boolean().optional(),
});

export const invoiceItemSchema = z.object({
  id,
  object: z.literal("invoiceitem"),
  date: time,
  created: time,
  customer: ref,
  invoice: optionalRef,
  description: text,
  quantity: int,
  amount: int,
  currency: text,
  period,
  pricing: priceDetails,
  price: linePriceSchema,
  livemode,
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

/** The Stripe `object` name of a payload, if it is one we mirror. A plain check: it runs per object. */
export function mirroredKindOf(object: unknown): MirroredKind | null {
  if (typeof object !== "object" || object === null) return null;
  const kind = (object as { object?: unknown }).object;
  return typeof kind === "string" && kindSet.has(kind) ? (kind as MirroredKind) : null;
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
