// Stripe event envelopes built from a generated account, and their signed deliveries.
import Stripe from "stripe";
import type { StripeAccount } from "@/lib/stripe-fixtures/generate";

export interface TestEvent {
  id: string;
  object: "event";
  type: string;
  created: number;
  livemode: false;
  api_version: string;
  pending_webhooks: number;
  request: null;
  data: { object: { id: string; object: string } & Record<string, unknown> };
}

type Versioned = { id: string; object: string; metadata?: unknown } & object;

const created: Record<string, string> = {
  customer: "customer.created",
  product: "product.created",
  price: "price.created",
  subscription: "customer.subscription.created",
  invoice: "invoice.created",
  invoiceitem: "invoiceitem.created",
};
const updated: Record<string, string> = {
  customer: "customer.updated",
  subscription: "customer.subscription.updated",
  invoice: "invoice.updated",
};

/**
 * Two states per customer, subscription and invoice (a first one that differs only in metadata,
 * then the account's), one per product, price and invoice item; `created` strictly increasing.
 * Catalog objects come first, then each customer with what it bought.
 */
export function eventsFromAccount(account: StripeAccount, firstCreated: number): TestEvent[] {
  const events: TestEvent[] = [];
  const push = (type: string, object: Versioned) => {
    const n = events.length + 1;
    events.push({
      id: `evt_fault_${String(n).padStart(6, "0")}`,
      object: "event",
      type,
      created: firstCreated + n,
      livemode: false,
      api_version: "2026-08-27",
      pending_webhooks: 1,
      request: null,
      data: { object: JSON.parse(JSON.stringify(object)) as TestEvent["data"]["object"] },
    });
  };
  const twice = (object: Versioned) => {
    const metadata = typeof object.metadata === "object" && object.metadata ? object.metadata : {};
    push(created[object.object] ?? `${object.object}.created`, {
      ...object,
      metadata: { ...metadata, draft: "1" },
    });
    push(updated[object.object] ?? `${object.object}.updated`, object);
  };
  for (const object of [...account.products, ...account.prices]) push(created[object.object] ?? "", object);
  for (const customer of account.customers) {
    twice(customer);
    for (const sub of account.subscriptions.filter((s) => s.customer === customer.id)) twice(sub);
    for (const item of account.invoiceItems.filter((i) => i.customer === customer.id))
      push(created.invoiceitem ?? "", item);
    for (const invoice of account.invoices.filter((i) => i.customer === customer.id)) twice(invoice);
  }
  return events;
}

export function signature(body: string, secret: string): string {
  return Stripe.webhooks.generateTestHeaderString({ payload: body, secret });
}

/** A signed webhook delivery for the route handler in-process. */
export function signedRequest(body: string, secret: string, headers: Record<string, string> = {}): Request {
  return new Request("http://localhost/api/stripe/webhook", {
    method: "POST",
    headers: { "content-type": "application/json", "stripe-signature": signature(body, secret), ...headers },
    body,
  });
}

/** Delivers over HTTP; resolves to the status, or null when the connection died before an answer. */
export async function deliver(
  url: string,
  body: string,
  secret: string,
  timeoutMs = 15_000,
): Promise<number | null> {
  try {
    const response = await fetch(`${url}/api/stripe/webhook`, {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": signature(body, secret) },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return null;
  }
}
