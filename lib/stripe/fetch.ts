// Reading Stripe: auto-paginated lists at the maximum page size, and completing the nested
// lists (subscription items, invoice lines) that a list or event cuts off after 10 entries.
import type Stripe from "stripe";
import type { MirroredKind } from "@/lib/stripe/schemas";

export const PAGE_SIZE = 100;

export interface ListParams {
  startingAfter?: string;
  /** Only objects created at or after this (epoch ms). */
  createdGte?: number;
}

type Listable = { id: string };

/** Auto-paginating iterator over one object type, newest first, as Stripe lists them. */
export function listObjects(stripe: Stripe, kind: MirroredKind, params: ListParams): AsyncIterable<Listable> {
  const base = {
    limit: PAGE_SIZE,
    ...(params.startingAfter ? { starting_after: params.startingAfter } : {}),
    ...(params.createdGte ? { created: { gte: Math.floor(params.createdGte / 1000) } } : {}),
  };
  switch (kind) {
    case "customer":
      return stripe.customers.list(base);
    case "product":
      return stripe.products.list(base);
    case "price":
      return stripe.prices.list(base);
    case "subscription":
      return stripe.subscriptions.list({ ...base, status: "all" });
    case "invoice":
      return stripe.invoices.list(base);
    case "invoiceitem":
      return stripe.invoiceItems.list(base);
  }
}

export function listEvents(stripe: Stripe, params: { sinceMs: number; startingAfter?: string }) {
  return stripe.events.list({
    limit: PAGE_SIZE,
    created: { gte: Math.floor(params.sinceMs / 1000) },
    ...(params.startingAfter ? { starting_after: params.startingAfter } : {}),
  });
}

interface NestedList {
  data: unknown[];
  has_more?: boolean;
}

function nested(object: unknown, field: "items" | "lines"): NestedList | null {
  const value = (object as Record<string, unknown>)[field];
  if (!value || typeof value !== "object" || !Array.isArray((value as NestedList).data)) return null;
  return value as NestedList;
}

/** Fetches the rest of a truncated items/lines list so the mirror holds every line. */
export async function completeNestedLists<T>(stripe: Stripe, kind: MirroredKind, object: T): Promise<T> {
  const id = (object as { id: string }).id;
  if (kind === "subscription") {
    const items = nested(object, "items");
    if (!items?.has_more) return object;
    const data: unknown[] = [];
    for await (const item of stripe.subscriptionItems.list({ subscription: id, limit: PAGE_SIZE }))
      data.push(item);
    return { ...object, items: { ...items, data, has_more: false } };
  }
  if (kind === "invoice") {
    const lines = nested(object, "lines");
    if (!lines?.has_more) return object;
    const data: unknown[] = [];
    for await (const line of stripe.invoices.listLineItems(id, { limit: PAGE_SIZE })) data.push(line);
    return { ...object, lines: { ...lines, data, has_more: false } };
  }
  return object;
}
