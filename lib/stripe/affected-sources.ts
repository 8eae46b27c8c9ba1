// Which subscriptions and invoices must have their bookings re-derived after objects changed.
import type { Statement } from "better-sqlite3";
import type { Sqlite } from "@/lib/db/sqlite";
import type { SourceRef } from "@/lib/bookings/types";
import type { MirroredKind } from "@/lib/stripe/schemas";

export interface ChangedObject {
  kind: MirroredKind;
  stripeId: string;
}

type LinkedKind = "customer" | "product" | "price" | "invoiceitem";

const queries: Record<LinkedKind, string> = {
  customer: `SELECT 'subscription' AS kind, stripeId FROM SubscriptionMap WHERE clientStripeId = @id
             UNION SELECT 'invoice', stripeId FROM InvoiceMap WHERE clientStripeId = @id`,
  product: `SELECT DISTINCT 'subscription' AS kind, subscriptionStripeId AS stripeId FROM SubscriptionItemMap WHERE productStripeId = @id
            UNION SELECT DISTINCT 'invoice', invoiceStripeId FROM InvoiceLineMap WHERE productStripeId = @id`,
  price: `SELECT DISTINCT 'subscription' AS kind, subscriptionStripeId AS stripeId FROM SubscriptionItemMap WHERE priceStripeId = @id
          UNION SELECT DISTINCT 'invoice', invoiceStripeId FROM InvoiceLineMap WHERE priceStripeId = @id`,
  invoiceitem: `SELECT 'invoice' AS kind, invoiceStripeId AS stripeId FROM InvoiceItem WHERE stripeId = @id AND invoiceStripeId IS NOT NULL`,
};

const prepared = new WeakMap<Sqlite, Record<LinkedKind, Statement<{ id: string }, SourceRef>>>();

/** The queries compiled once per connection (ingest asks them for every changed object). */
function statements(db: Sqlite) {
  let found = prepared.get(db);
  if (!found) {
    const make = (kind: LinkedKind) => db.prepare<{ id: string }, SourceRef>(queries[kind]);
    found = {
      customer: make("customer"),
      product: make("product"),
      price: make("price"),
      invoiceitem: make("invoiceitem"),
    };
    prepared.set(db, found);
  }
  return found;
}

/** Sources whose derived bookings may differ after `changed`; each listed once, in a stable order. */
export function affectedSources(db: Sqlite, changed: ChangedObject[]): SourceRef[] {
  const found = new Map<string, SourceRef>();
  const add = (ref: SourceRef) => found.set(`${ref.kind}:${ref.stripeId}`, ref);
  for (const { kind, stripeId } of changed) {
    if (kind === "subscription" || kind === "invoice") {
      add({ kind, stripeId });
      continue;
    }
    for (const row of statements(db)[kind].all({ id: stripeId })) add(row);
  }
  return [...found.values()].sort((a, b) => (a.kind + a.stripeId).localeCompare(b.kind + b.stripeId));
}
