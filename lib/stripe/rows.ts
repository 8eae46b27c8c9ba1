// Stripe object → mirror table rows. Plain data in, plain rows out (epoch ms, 0/1, JSON text).
// Free text is cut to lib/text-limits.ts here (the screens, feeds and exports read these rows);
// `raw` keeps the object whole as Stripe sent it.
import { fastParse } from "@/lib/stripe/fast-parse";
import { TEXT_LIMITS as L, truncateNullable as cut, truncateText } from "@/lib/text-limits";
import { objectSchemas, type MirroredKind } from "@/lib/stripe/schemas";
import type {
  CustomerObject,
  InvoiceItemObject,
  InvoiceLineObject,
  InvoiceObject,
  PriceObject,
  ProductObject,
  SubscriptionObject,
} from "@/lib/stripe/schemas";

export type Row = Record<string, string | number | null>;

/** Fields every mirror row carries. */
export interface Provenance {
  raw: string;
  contentHash: string;
  /** Stripe time of this state (event `created`, or when it was fetched), epoch ms. */
  sourceAt: number;
  appliedAt: number;
  deleted: boolean;
}

const ms = (seconds: number | null | undefined) => (seconds == null ? null : seconds * 1000);
const flag = (value: boolean | null | undefined) => (value ? 1 : 0);
const json = (value: Record<string, string>) => JSON.stringify(value);

// Spreads go LAST in every row literal: V8 builds `{ ...spread, many more }` as a slow
// dictionary object (~14 µs each, measured), `{ many, ...spread }` in a fraction of a µs.
function common(
  object: {
    id: string;
    created?: number | null;
    livemode?: boolean | null;
    metadata: Record<string, string>;
  },
  p: Provenance,
  created = object.created,
): Row {
  return {
    stripeId: object.id,
    livemode: flag(object.livemode),
    metadata: json(object.metadata),
    deleted: flag(p.deleted),
    raw: p.raw,
    contentHash: p.contentHash,
    stripeCreated: ms(created ?? 0),
    sourceAt: p.sourceAt,
    appliedAt: p.appliedAt,
  };
}

export function customerRow(c: CustomerObject, p: Provenance): Row {
  return {
    email: cut(c.email ?? null, L.email),
    name: cut(c.name ?? null, L.customerName),
    phone: cut(c.phone ?? null, L.phone),
    ...common(c, p),
  };
}

export function productRow(product: ProductObject, p: Provenance): Row {
  return {
    // A nameless product still books: its id stands in for the title.
    name: truncateText(product.name ?? product.id, L.productName),
    active: flag(product.active ?? true),
    description: cut(product.description ?? null, L.description),
    serviceCode: product.metadata.service_code ?? null,
    ...common(product, p),
  };
}

export function priceRow(price: PriceObject, p: Provenance): Row {
  return {
    productStripeId: price.product,
    active: flag(price.active ?? true),
    currency: price.currency ?? "",
    unitAmount: price.unit_amount ?? null,
    type: price.type ?? (price.recurring ? "recurring" : "one_time"),
    recurringInterval: price.recurring?.interval ?? null,
    recurringCount: price.recurring ? (price.recurring.interval_count ?? 1) : null,
    lookupKey: price.lookup_key ?? null,
    nickname: cut(price.nickname ?? null, L.priceNickname),
    ...common(price, p),
  };
}

export function subscriptionRows(s: SubscriptionObject, p: Provenance): { row: Row; items: Row[] } {
  const first = s.items.data[0];
  const row: Row = {
    clientStripeId: s.customer,
    status: s.status,
    currency: s.currency ?? s.items.data.find((item) => item.price.currency)?.price.currency ?? "",
    startDate: ms(s.start_date ?? s.created),
    currentPeriodStart: ms(s.current_period_start ?? first?.current_period_start),
    currentPeriodEnd: ms(s.current_period_end ?? first?.current_period_end),
    trialStart: ms(s.trial_start),
    trialEnd: ms(s.trial_end),
    cancelAtPeriodEnd: flag(s.cancel_at_period_end),
    cancelAt: ms(s.cancel_at),
    canceledAt: ms(s.canceled_at),
    endedAt: ms(s.ended_at),
    pauseBehavior: s.pause_collection?.behavior ?? null,
    pauseResumesAt: ms(s.pause_collection?.resumes_at),
    ...common(s, p),
  };
  const items = s.items.data.map((item) => ({
    stripeId: item.id,
    subscriptionStripeId: s.id,
    priceStripeId: item.price.id,
    productStripeId: item.price.product,
    quantity: item.quantity ?? 1,
    currentPeriodStart: ms(item.current_period_start ?? s.current_period_start),
    currentPeriodEnd: ms(item.current_period_end ?? s.current_period_end),
    metadata: json(item.metadata),
    stripeCreated: ms(item.created ?? s.created ?? s.start_date),
  }));
  return { row, items };
}

function linePrice(line: Pick<InvoiceLineObject, "pricing" | "price">) {
  const details = line.pricing?.price_details;
  return {
    priceStripeId: details?.price ?? line.price?.id ?? null,
    productStripeId: details?.product ?? line.price?.product ?? null,
  };
}

export function invoiceRows(inv: InvoiceObject, p: Provenance): { row: Row; lines: Row[] } {
  const refunded = inv.post_payment_credit_notes_amount ?? 0;
  const status = inv.status ?? "draft";
  const currency = inv.currency ?? inv.lines.data.find((line) => line.currency)?.currency ?? "";
  // Amounts missing from an older or trimmed shape follow from the lines and the status.
  const total = inv.total ?? inv.lines.data.reduce((sum, line) => sum + (line.amount ?? 0), 0);
  const amountPaid = inv.amount_paid ?? (status === "paid" ? total : 0);
  const amountRemaining = inv.amount_remaining ?? (status === "open" ? total - amountPaid : 0);
  const row: Row = {
    clientStripeId: inv.customer,
    subscriptionStripeId: inv.parent?.subscription_details?.subscription ?? inv.subscription ?? null,
    number: inv.number ?? null,
    status,
    currency,
    total,
    amountPaid,
    amountRemaining,
    amountRefunded: refunded,
    periodStart: ms(inv.period_start),
    periodEnd: ms(inv.period_end),
    paidAt: ms(inv.status_transitions?.paid_at),
    dueDate: ms(inv.due_date),
    paymentFailed: flag(status === "open" && (inv.attempt_count ?? 0) > 0 && amountRemaining > 0),
    ...common(inv, p),
  };
  const lines = inv.lines.data.map((line) => ({
    stripeId: line.id,
    invoiceStripeId: inv.id,
    invoiceItemStripeId: line.parent?.invoice_item_details?.invoice_item ?? line.invoice_item ?? null,
    subscriptionItemStripeId:
      line.parent?.subscription_item_details?.subscription_item ?? line.subscription_item ?? null,
    description: cut(line.description ?? null, L.description),
    quantity: line.quantity ?? 1,
    amount: line.amount ?? 0,
    currency: line.currency ?? currency,
    periodStart: ms(line.period?.start),
    periodEnd: ms(line.period?.end),
    metadata: json(line.metadata),
    ...linePrice(line),
  }));
  return { row, lines };
}

export function invoiceItemRow(item: InvoiceItemObject, p: Provenance): Row {
  return {
    clientStripeId: item.customer,
    invoiceStripeId: item.invoice ?? null,
    description: cut(item.description ?? null, L.description),
    quantity: item.quantity ?? 1,
    amount: item.amount ?? 0,
    currency: item.currency ?? "",
    periodStart: ms(item.period?.start),
    periodEnd: ms(item.period?.end),
    ...linePrice(item),
    ...common(item, p, item.created ?? item.date),
  };
}

/** One object's row and its children's rows (subscription items, invoice lines), with their tables. */
export interface ObjectRows {
  table: string;
  row: Row;
  childTable: "SubscriptionItemMap" | "InvoiceLineMap" | null;
  children: Row[];
}

/** A Stripe object that passed its schema, tagged with its kind. */
export type ParsedObject =
  | { kind: "customer"; data: CustomerObject }
  | { kind: "product"; data: ProductObject }
  | { kind: "price"; data: PriceObject }
  | { kind: "subscription"; data: SubscriptionObject }
  | { kind: "invoice"; data: InvoiceObject }
  | { kind: "invoiceitem"; data: InvoiceItemObject };

/** The rows of one already validated object (the ingest hot path parses once). */
export function parsedObjectRows(parsed: ParsedObject, p: Provenance): ObjectRows {
  const single = (table: string, row: Row): ObjectRows => ({ table, row, childTable: null, children: [] });
  switch (parsed.kind) {
    case "customer":
      return single("Client", customerRow(parsed.data, p));
    case "product":
      return single("Product", productRow(parsed.data, p));
    case "price":
      return single("Price", priceRow(parsed.data, p));
    case "invoiceitem":
      return single("InvoiceItem", invoiceItemRow(parsed.data, p));
    case "subscription": {
      const { row, items } = subscriptionRows(parsed.data, p);
      return { table: "SubscriptionMap", row, childTable: "SubscriptionItemMap", children: items };
    }
    case "invoice": {
      const { row, lines } = invoiceRows(parsed.data, p);
      return { table: "InvoiceMap", row, childTable: "InvoiceLineMap", children: lines };
    }
  }
}

export type ParseResult = { success: true; parsed: ParsedObject } | { success: false; error: string };

/** Validates a payload of `kind`: the hand-checked fast path when it can vouch for it, else zod. */
export function parseObject(kind: MirroredKind, object: unknown): ParseResult {
  const parsed = fastParse(kind, object);
  return parsed ? { success: true, parsed } : parseWithZod(kind, object);
}

/** Validates with the zod schemas alone: the reference the fast path is held to, and its error messages. */
export function parseWithZod(kind: MirroredKind, object: unknown): ParseResult {
  const result = objectSchemas[kind].safeParse(object);
  if (!result.success) {
    const error = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    return { success: false, error };
  }
  return { success: true, parsed: { kind, data: result.data } as ParsedObject };
}

/** The rows of one Stripe object of `kind` (throws if it does not parse). */
export function objectRows(kind: MirroredKind, object: unknown, p: Provenance): ObjectRows {
  const result = parseObject(kind, object);
  if (!result.success) throw new Error(`invalid ${kind}: ${result.error}`);
  return parsedObjectRows(result.parsed, p);
}
