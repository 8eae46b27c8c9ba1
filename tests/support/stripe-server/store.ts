// The server's state: one sorted list per object kind plus the event log. Tests change it
// directly (upsert/remove) or through addEvent, which also records the event like Stripe does.
import type Stripe from "stripe";
import type { StripeAccount } from "@/lib/stripe-fixtures/generate";
import { SortedList } from "@/tests/support/stripe-server/sorted-list";

export const storeKinds = ["customer", "product", "price", "subscription", "invoice", "invoiceitem"] as const;
export type StoreKind = (typeof storeKinds)[number];

export interface KindMap {
  customer: Stripe.Customer;
  product: Stripe.Product;
  price: Stripe.Price;
  subscription: Stripe.Subscription;
  invoice: Stripe.Invoice;
  invoiceitem: Stripe.InvoiceItem;
}

/** Kinds whose retrieve answers `{ id, object, deleted: true }` after removal (others answer 404). */
const stubbedKinds: ReadonlySet<StoreKind> = new Set(["customer", "product"]);

const idPrefixes: Record<string, StoreKind> = {
  cus: "customer",
  prod: "product",
  price: "price",
  sub: "subscription",
  in: "invoice",
  ii: "invoiceitem",
};

export function isStoreKind(value: string): value is StoreKind {
  return (storeKinds as readonly string[]).includes(value);
}

/** The kind an id belongs to, judged by its prefix (`cus_…` → customer); undefined when unknown. */
export function kindOfId(id: string): StoreKind | undefined {
  return idPrefixes[id.slice(0, id.indexOf("_"))];
}

export interface DeletedStub {
  id: string;
  object: StoreKind;
  deleted: true;
}

const created = (object: { created: number }) => object.created;

export class StripeStore {
  private readonly lists: { [K in StoreKind]: SortedList<KindMap[K]> };
  readonly events = new SortedList<Stripe.Event>(created);
  /** subscription item id → subscription id. */
  private readonly itemOwners = new Map<string, string>();

  constructor(account: StripeAccount) {
    this.lists = {
      customer: new SortedList(created, account.customers),
      product: new SortedList(created, account.products),
      price: new SortedList(created, account.prices),
      subscription: new SortedList(created, account.subscriptions),
      invoice: new SortedList(created, account.invoices),
      invoiceitem: new SortedList((item) => item.date, account.invoiceItems),
    };
    for (const subscription of account.subscriptions) this.indexItems(subscription);
  }

  list<K extends StoreKind>(kind: K): SortedList<KindMap[K]> {
    return this.lists[kind];
  }

  get<K extends StoreKind>(kind: K, id: string): KindMap[K] | undefined {
    return this.list(kind).get(id);
  }

  /** The stub Stripe returns for a deleted customer or product; undefined for anything else. */
  deletedStub(kind: StoreKind, id: string): DeletedStub | undefined {
    return stubbedKinds.has(kind) && this.list(kind).wasRemoved(id)
      ? { id, object: kind, deleted: true }
      : undefined;
  }

  upsert<K extends StoreKind>(kind: K, object: KindMap[K]): void {
    this.list(kind).upsert(object);
    if (kind === "subscription") this.indexItems(object as Stripe.Subscription);
  }

  remove(kind: StoreKind, id: string): boolean {
    return this.list(kind).remove(id) !== undefined;
  }

  subscriptionItem(id: string): Stripe.SubscriptionItem | undefined {
    const owner = this.itemOwners.get(id);
    const subscription = owner ? this.get("subscription", owner) : undefined;
    return subscription?.items.data.find((item) => item.id === id);
  }

  private indexItems(subscription: Stripe.Subscription): void {
    for (const item of subscription.items.data) this.itemOwners.set(item.id, subscription.id);
  }
}
