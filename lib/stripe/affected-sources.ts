// Which subscriptions and invoices must have their bookings re-derived after objects changed.
import type { Sqlite } from "@/lib/db/sqlite";
import type { SourceRef } from "@/lib/bookings/types";
import type { MirroredKind } from "@/lib/stripe/schemas";

export interface ChangedObject {
  kind: MirroredKind;
  stripeId: string;
}

const queries: Partial<Record<MirroredKind, string>> = {
  customer: `SELECT 'subscription' AS kind, stripeId FROM SubscriptionMap WHERE clientStripeId = @id
             UNION SELECT 'invoice', stripeId FROM InvoiceMap WHERE clientStripeId = @id`,
  product: `SELECT DISTINCT 'subscription' AS kind, subscriptionStripeId AS stripeId FROM SubscriptionItemMap WHERE productStripeId = @id
            UNION SELECT DISTINCT 'invoice', invoiceStripeId FROM InvoiceLineMap WHERE productStripeId = @id`,
  price: `SELECT DISTINCT 'subscription' AS kind, subscriptionStripeId AS stripeId FROM SubscriptionItemMap WHERE priceStripeId = @id
          UNION SELECT DISTINCT 'invoice', invoiceStripeId FROM InvoiceLineMap WHERE priceStripeId = @id`,
  invoiceitem: `SELECT 'invoice' AS kind, invoiceStripeId AS stripeId FROM InvoiceItem WHERE stripeId = @id AND invoiceStripeId IS NOT NULL`,
};

/** Sources whose derived bookings may differ after `changed`; each listed once, in a stable order. */
export function affectedSources(db: Sqlite, changed: ChangedObject[]): SourceRef[] {
  const found = new Map<string, SourceRef>();
  const add = (ref: SourceRef) => found.set(`${ref.kind}:${ref.stripeId}`, ref);
  for (const { kind, stripeId } of changed) {
    if (kind === "subscription" || kind === "invoice") {
      add({ kind, stripeId });
      continue;
    }
    const sql = queries[kind];
    if (!sql) continue;
    for (const row of db.prepare<{ id: string }, SourceRef>(sql).all({ id: stripeId })) add(row);
  }
  return [...found.values()].sort((a, b) => (a.kind + a.stripeId).localeCompare(b.kind + b.stripeId));
}
