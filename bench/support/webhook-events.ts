// Stripe webhook deliveries for load tests: realistic customers and subscriptions from the
// fixture generator, renamed under a tag so they never collide with the demo business, and a
// share of redeliveries (byte-identical copies of earlier deliveries). Deliveries are signed
// just before sending (`signPool`): Stripe's signatures expire after 300 s.
import Stripe from "stripe";
import type { RequestSpec } from "autocannon";
import { generateAccount } from "@/lib/stripe-fixtures/generate";
import { API_VERSION } from "@/lib/stripe-fixtures/shapes";
import { createRng } from "@/lib/stripe-fixtures/random";

export const WEBHOOK_PATH = "/api/stripe/webhook";

export interface EventPool {
  tag: string;
  /** Event payloads (JSON text), one per distinct event. */
  bodies: string[];
  /** Sending order as indexes into `bodies`; `duplicateShare` of them repeat an earlier one. */
  order: number[];
  eventIds: string[];
  customerIds: string[];
  subscriptionIds: string[];
}

export interface EventPoolOptions {
  /** Letters only: becomes part of every id (`cus_<tag>00000001`, `evt_<tag>…`). */
  tag: string;
  /** Distinct events; half customers, half their subscriptions. */
  distinct: number;
  /** Fraction of requests that are redeliveries (0.5 = every other request). */
  duplicateShare: number;
  now: Date;
  seed?: number;
}

function renamed<T>(object: T, tag: string): T {
  const text = JSON.stringify(object).replace(/"(cus|sub|si)_(\d+)"/g, `"$1_${tag}$2"`);
  return JSON.parse(text) as T;
}

function envelope(id: string, type: string, object: unknown, created: number) {
  return {
    id,
    object: "event",
    api_version: API_VERSION,
    created,
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  };
}

/** Builds the payloads and their sending order (unsigned). */
export function buildEventPool(options: EventPoolOptions): EventPool {
  const customers = Math.ceil(options.distinct / 2);
  const account = generateAccount({
    customers,
    subscriptionsPerCustomer: 1,
    invoicesPerCustomer: 0,
    seed: options.seed ?? 7,
    now: options.now,
  });
  const created = Math.floor(options.now.getTime() / 1000);
  const bodies: { id: string; body: string }[] = [];
  const add = (type: string, object: unknown): boolean => {
    if (bodies.length >= options.distinct) return false;
    const id = `evt_${options.tag}${String(bodies.length + 1).padStart(8, "0")}`;
    bodies.push({ id, body: JSON.stringify(envelope(id, type, object, created)) });
    return true;
  };
  const customerIds: string[] = [];
  const subscriptionIds: string[] = [];
  account.customers.forEach((customer, i) => {
    const c = renamed(customer, options.tag);
    if (add("customer.created", c)) customerIds.push(c.id);
    const subscription = account.subscriptions[i];
    if (!subscription) return;
    const s = renamed(subscription, options.tag);
    if (add("customer.subscription.created", s)) subscriptionIds.push(s.id);
  });

  const rng = createRng(options.seed ?? 7);
  const order: number[] = [];
  const perDistinct = options.duplicateShare / (1 - options.duplicateShare);
  let owed = 0;
  bodies.forEach((_, i) => {
    order.push(i);
    for (owed += perDistinct; owed >= 1; owed -= 1) order.push(rng.int(0, i));
  });
  return {
    tag: options.tag,
    bodies: bodies.map((b) => b.body),
    order,
    eventIds: bodies.map((b) => b.id),
    customerIds,
    subscriptionIds,
  };
}

/** The deliveries in sending order, signed now; a redelivery is the same request object again. */
export function signPool(pool: EventPool, secret: string): RequestSpec[] {
  const signed: RequestSpec[] = pool.bodies.map((body) => ({
    method: "POST",
    path: WEBHOOK_PATH,
    headers: {
      "content-type": "application/json",
      "stripe-signature": Stripe.webhooks.generateTestHeaderString({ payload: body, secret }),
    },
    body,
  }));
  return pool.order.map((i) => {
    const request = signed[i];
    if (!request) throw new Error(`no delivery ${i}`);
    return request;
  });
}

/** A `next()` for runLoad that walks the pool in order (wrapping, should autocannon ask for more). */
export function sequence(requests: readonly RequestSpec[]): () => RequestSpec {
  let i = 0;
  return () => {
    const request = requests[i % requests.length];
    i += 1;
    if (!request) throw new Error("empty request pool");
    return request;
  };
}
