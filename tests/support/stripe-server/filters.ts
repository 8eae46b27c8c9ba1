// The list filters each endpoint accepts, as predicates. A filter the server does not know is
// rejected (like Stripe's "Received unknown parameter"), so a client typo fails loudly.
import type Stripe from "stripe";
import { invalidRequest } from "@/tests/support/stripe-server/errors";
import { type Query, listFilter, stringFilter } from "@/tests/support/stripe-server/query";
import type { KindMap, StoreKind } from "@/tests/support/stripe-server/store";

type Predicate<T> = (object: T) => boolean;

export const allowedFilters: { [K in StoreKind]: readonly string[] } & { event: readonly string[] } = {
  customer: ["email"],
  product: ["active", "ids"],
  price: ["active", "product", "type", "currency", "lookup_keys"],
  subscription: ["customer", "price", "status"],
  invoice: ["customer", "status", "subscription", "collection_method"],
  invoiceitem: ["customer", "invoice", "pending"],
  event: ["type", "types"],
};

function booleanFilter(filters: Query, name: string): boolean | undefined {
  const value = stringFilter(filters, name);
  if (value === undefined) return undefined;
  if (value !== "true" && value !== "false") throw invalidRequest(`Invalid boolean: ${value}`, name);
  return value === "true";
}

function all<T>(predicates: (Predicate<T> | false | undefined)[]): Predicate<T> | undefined {
  const active = predicates.filter((p): p is Predicate<T> => typeof p === "function");
  if (active.length === 0) return undefined;
  return (object) => active.every((p) => p(object));
}

const idOf = (value: string | { id: string } | null | undefined): string | null =>
  value === null || value === undefined ? null : typeof value === "string" ? value : value.id;

const subscriptionStatuses = [
  "active",
  "all",
  "canceled",
  "ended",
  "incomplete",
  "incomplete_expired",
  "past_due",
  "paused",
  "trialing",
  "unpaid",
];

function subscriptionStatus(status: string | undefined): Predicate<Stripe.Subscription> {
  if (status === undefined) return (s) => s.status !== "canceled";
  if (!subscriptionStatuses.includes(status)) throw invalidRequest(`Invalid status: ${status}`, "status");
  if (status === "all") return () => true;
  if (status === "ended") return (s) => s.status === "canceled" || s.status === "incomplete_expired";
  return (s) => s.status === status;
}

/** The predicate for a list of `kind` under `filters`; undefined when everything matches. */
export function matcherFor<K extends StoreKind>(kind: K, filters: Query): Predicate<KindMap[K]> | undefined {
  const text = (name: string) => stringFilter(filters, name);
  switch (kind) {
    case "customer": {
      const email = text("email");
      return all<Stripe.Customer>([email !== undefined && ((c) => c.email === email)]) as
        Predicate<KindMap[K]> | undefined;
    }
    case "product": {
      const active = booleanFilter(filters, "active");
      const ids = listFilter(filters, "ids");
      return all<Stripe.Product>([
        active !== undefined && ((p) => p.active === active),
        ids !== undefined && ((p) => ids.includes(p.id)),
      ]) as Predicate<KindMap[K]> | undefined;
    }
    case "price": {
      const active = booleanFilter(filters, "active");
      const [product, type, currency] = [text("product"), text("type"), text("currency")];
      const lookupKeys = listFilter(filters, "lookup_keys");
      return all<Stripe.Price>([
        active !== undefined && ((p) => p.active === active),
        product !== undefined && ((p) => idOf(p.product) === product),
        type !== undefined && ((p) => p.type === type),
        currency !== undefined && ((p) => p.currency === currency),
        lookupKeys !== undefined && ((p) => p.lookup_key !== null && lookupKeys.includes(p.lookup_key)),
      ]) as Predicate<KindMap[K]> | undefined;
    }
    case "subscription": {
      const [customer, price] = [text("customer"), text("price")];
      return all<Stripe.Subscription>([
        subscriptionStatus(text("status")),
        customer !== undefined && ((s) => idOf(s.customer) === customer),
        price !== undefined && ((s) => s.items.data.some((item) => item.price.id === price)),
      ]) as Predicate<KindMap[K]> | undefined;
    }
    case "invoice": {
      const [customer, status, subscription, method] = [
        text("customer"),
        text("status"),
        text("subscription"),
        text("collection_method"),
      ];
      return all<Stripe.Invoice>([
        customer !== undefined && ((i) => idOf(i.customer) === customer),
        status !== undefined && ((i) => i.status === status),
        subscription !== undefined &&
          ((i) => idOf(i.parent?.subscription_details?.subscription) === subscription),
        method !== undefined && ((i) => i.collection_method === method),
      ]) as Predicate<KindMap[K]> | undefined;
    }
    case "invoiceitem": {
      const [customer, invoice] = [text("customer"), text("invoice")];
      const pending = booleanFilter(filters, "pending");
      return all<Stripe.InvoiceItem>([
        customer !== undefined && ((i) => idOf(i.customer) === customer),
        invoice !== undefined && ((i) => idOf(i.invoice) === invoice),
        pending !== undefined && ((i) => (i.invoice === null) === pending),
      ]) as Predicate<KindMap[K]> | undefined;
    }
  }
  return undefined;
}

/** `type` (with `*` wildcards like `invoice.*`) and `types[]` filters of the events list. */
export function eventMatcher(filters: Query): Predicate<Stripe.Event> | undefined {
  const type = stringFilter(filters, "type");
  const types = listFilter(filters, "types");
  if (type !== undefined && types !== undefined) {
    throw invalidRequest("You may only specify one of these parameters: type, types.", "types");
  }
  const patterns = type !== undefined ? [type] : types;
  if (!patterns) return undefined;
  const tests = patterns.map((pattern) =>
    pattern.includes("*")
      ? new RegExp(
          `^${pattern
            .split("*")
            .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
            .join(".*")}$`,
        )
      : pattern,
  );
  return (event) =>
    tests.some((test) => (typeof test === "string" ? event.type === test : test.test(event.type)));
}
