// The local Stripe server, driven through the real `stripe` SDK over HTTP (no mocks).
import fc from "fast-check";
import Stripe from "stripe";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { generateAccount, type StripeAccount } from "@/lib/stripe-fixtures/generate";
import { startStripeServer, type StripeServer } from "@/tests/support/stripe-server";
import { pageOf } from "@/tests/support/stripe-server/paginate";
import { SortedList } from "@/tests/support/stripe-server/sorted-list";

const KEY = "sk_test_server_suite";
const NOW = new Date("2026-05-04T09:30:00Z");
const account: StripeAccount = generateAccount({
  customers: 240,
  invoicesPerCustomer: 2,
  seed: 11,
  now: NOW,
});
let server: StripeServer;

const sdk = (options: { key?: string; retries?: number; timeout?: number } = {}) =>
  new Stripe(options.key ?? KEY, {
    host: "127.0.0.1",
    port: server.port,
    protocol: "http",
    maxNetworkRetries: options.retries ?? 0,
    ...(options.timeout ? { timeout: options.timeout } : {}),
  });

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** Stripe's list order: newest first, ties by id descending. */
const listOrder = <T extends { id: string; created: number }>(objects: T[]) =>
  [...objects].sort((a, b) => b.created - a.created || (a.id < b.id ? 1 : -1)).map((o) => o.id);

beforeAll(async () => {
  server = await startStripeServer({ account, apiKey: KEY, now: () => NOW });
});
afterAll(() => server.close());
afterEach(() => server.setFault(null));

describe("lists", () => {
  it("auto-pagination returns every customer exactly once, newest first", async () => {
    const seen = await collect(sdk().customers.list({ limit: 100 }));
    expect(seen.map((c) => c.id)).toEqual(listOrder(account.customers));
    expect(new Set(seen.map((c) => c.id)).size).toBe(account.customers.length);
  });

  it("pages of any size 1..100 return all ids once, in order (property)", async () => {
    const expected = listOrder(account.customers);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 100 }), async (limit) => {
        const ids = (await collect(sdk().customers.list({ limit }))).map((c) => c.id);
        expect(ids).toEqual(expected);
      }),
      { numRuns: 12 },
    );
  });

  it("pages backwards with ending_before, each page still newest first", async () => {
    const expected = listOrder(account.invoices);
    const last = expected[expected.length - 1] as string;
    const page = await sdk().invoices.list({ limit: 5, ending_before: last });
    expect(page.data.map((i) => i.id)).toEqual(expected.slice(-6, -1));
    expect(page.has_more).toBe(true);
  });

  it("filters by created range", async () => {
    const pivot = account.invoices[Math.floor(account.invoices.length / 2)]!.created;
    const newer = await collect(sdk().invoices.list({ limit: 100, created: { gte: pivot } }));
    expect(newer.map((i) => i.id)).toEqual(listOrder(account.invoices.filter((i) => i.created >= pivot)));
    const older = await collect(
      sdk().invoices.list({ limit: 100, created: { lt: pivot, gt: pivot - 30 * 86400 } }),
    );
    const wanted = account.invoices.filter((i) => i.created < pivot && i.created > pivot - 30 * 86400);
    expect(older.map((i) => i.id)).toEqual(listOrder(wanted));
    expect(wanted.length).toBeGreaterThan(0);
  });

  it("leaves canceled subscriptions out unless status=all, like Stripe", async () => {
    const live = await collect(sdk().subscriptions.list({ limit: 100 }));
    const every = await collect(sdk().subscriptions.list({ limit: 100, status: "all" }));
    const canceled = account.subscriptions.filter((s) => s.status === "canceled").length;
    expect(canceled).toBeGreaterThan(0);
    expect(live).toHaveLength(account.subscriptions.length - canceled);
    expect(every).toHaveLength(account.subscriptions.length);
    expect(every[0]!.items.data[0]!.price.object).toBe("price");
  });

  it("expands data.customer and refuses limit > 100", async () => {
    const page = await sdk().subscriptions.list({ limit: 3, expand: ["data.customer"] });
    const customer = page.data[0]!.customer as Stripe.Customer;
    expect(customer.object).toBe("customer");
    expect(customer.email).toContain("@example.com");
    const error = await sdk()
      .customers.list({ limit: 101 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect((error as Stripe.errors.StripeError).param).toBe("limit");
  });

  it("rejects an unknown filter instead of ignoring it", async () => {
    const response = await fetch(`${server.url}/v1/invoices?state=paid`, {
      headers: { authorization: `Bearer ${KEY}` },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { type: "invalid_request_error", param: "state" } });
  });
});

describe("nested lists", () => {
  it("embeds the first 10 lines and serves the rest from /v1/invoices/:id/lines", async () => {
    const base = account.invoices[0]!;
    const lines = Array.from({ length: 25 }, (_, i) => ({
      ...base.lines.data[0]!,
      id: `il_many_${String(i).padStart(2, "0")}`,
    }));
    const invoice: Stripe.Invoice = { ...base, id: "in_many_lines", lines: { ...base.lines, data: lines } };
    server.upsert("invoice", invoice);
    const fetched = await sdk().invoices.retrieve("in_many_lines");
    expect(fetched.lines.data).toHaveLength(10);
    expect(fetched.lines.has_more).toBe(true);
    const all = await collect(sdk().invoices.listLineItems("in_many_lines", { limit: 7 }));
    expect(all.map((l) => l.id)).toEqual(lines.map((l) => l.id));
    server.remove("invoice", "in_many_lines");
  });

  it("lists a subscription's items", async () => {
    const subscription = account.subscriptions.find((s) => s.items.data.length > 1)!;
    const items = await collect(sdk().subscriptionItems.list({ subscription: subscription.id, limit: 1 }));
    expect(items.map((i) => i.id)).toEqual(subscription.items.data.map((i) => i.id));
  });
});

describe("retrieve", () => {
  it("returns the stored object in the current API shape", async () => {
    const invoice = account.invoices.find((i) => i.parent !== null)!;
    const fetched = await sdk().invoices.retrieve(invoice.id);
    expect(fetched.parent?.subscription_details?.subscription).toBe(
      invoice.parent?.subscription_details?.subscription,
    );
    expect(fetched.lines.data[0]!.pricing?.price_details?.price).toBe(
      invoice.lines.data[0]!.pricing?.price_details?.price,
    );
    expect(String(fetched.lines.data[0]!.pricing?.unit_amount_decimal)).toBe(
      String(invoice.lines.data[0]!.pricing?.unit_amount_decimal),
    );
  });

  it("answers an unknown id with 404 resource_missing", async () => {
    const error = await sdk()
      .customers.retrieve("cus_missing")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    const stripeError = error as Stripe.errors.StripeError;
    expect([stripeError.statusCode, stripeError.code, stripeError.param]).toEqual([
      404,
      "resource_missing",
      "id",
    ]);
  });

  it("answers a removed customer with a deleted stub and drops it from lists", async () => {
    const gone = account.customers[5]!;
    server.remove("customer", gone.id);
    expect(await sdk().customers.retrieve(gone.id)).toMatchObject({
      id: gone.id,
      object: "customer",
      deleted: true,
    });
    const ids = (await collect(sdk().customers.list({ limit: 100 }))).map((c) => c.id);
    expect(ids).not.toContain(gone.id);
    server.upsert("customer", gone);
  });

  it("refuses a wrong or missing key with 401", async () => {
    const error = await sdk({ key: "sk_test_wrong" })
      .customers.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect((error as Stripe.errors.StripeError).statusCode).toBe(401);
    const bare = await fetch(`${server.url}/v1/customers`);
    expect(bare.status).toBe(401);
  });
});

describe("faults", () => {
  it("429 with Retry-After is retried by the SDK and then succeeds", async () => {
    const before = server.requests.length;
    server.setFault({ kind: "429", retryAfterSeconds: 0, times: 2 });
    const page = await sdk({ retries: 2 }).products.list({ limit: 3 });
    expect(page.data).toHaveLength(3);
    expect(server.requests.length - before).toBe(3);
  });

  it("429 without retries surfaces as a rate-limit error carrying Retry-After", async () => {
    server.setFault({ kind: "429", retryAfterSeconds: 7 });
    const error = (await sdk()
      .products.list()
      .catch((e: unknown) => e)) as Stripe.errors.StripeError;
    expect(error).toBeInstanceOf(Stripe.errors.StripeRateLimitError);
    expect(error.headers?.["retry-after"]).toBe("7");
    expect((await sdk().products.list()).data.length).toBeGreaterThan(0);
  });

  it("failAfter lets n requests through, then fails until cleared", async () => {
    server.setFault({ kind: "failAfter", requests: 2, status: 500 });
    await sdk().prices.list();
    await sdk().prices.list();
    const error = await sdk()
      .prices.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeAPIError);
    await expect(sdk().prices.list()).rejects.toBeInstanceOf(Stripe.errors.StripeAPIError);
    server.setFault(null);
    expect((await sdk().prices.list()).data.length).toBeGreaterThan(0);
  });

  it("a held request times out on the client; the next one is served", async () => {
    server.setFault({ kind: "timeout" });
    const error = await sdk({ timeout: 300 })
      .customers.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeConnectionError);
    expect((await sdk().customers.list({ limit: 1 })).data).toHaveLength(1);
  });

  it("a truncated body fails the request instead of returning partial data", async () => {
    server.setFault({ kind: "truncated" });
    const error = await sdk()
      .invoices.list({ limit: 50 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeError);
    expect((await sdk().invoices.list({ limit: 50 })).data).toHaveLength(50);
  });
});

describe("events", () => {
  it("lists added events newest first, filtered by created and type, and applies them", async () => {
    const base = Math.floor(NOW.getTime() / 1000);
    const customer = account.customers[0]!;
    const renamed = server.addEvent("customer.updated", { ...customer, name: "Renamed" }, base + 10);
    const product = server.addEvent(
      "product.updated",
      { ...account.products[0]!, name: "Long Walk" },
      base + 20,
    );
    expect(renamed).toMatchObject({
      object: "event",
      type: "customer.updated",
      api_version: Stripe.API_VERSION,
    });

    const since = await collect(sdk().events.list({ created: { gt: base }, limit: 100 }));
    expect(since.map((e) => e.id)).toEqual([product.id, renamed.id]);
    const typed = await collect(sdk().events.list({ types: ["customer.*"], limit: 100 }));
    expect(typed.map((e) => e.id)).toEqual([renamed.id]);
    expect((await sdk().customers.retrieve(customer.id)) as Stripe.Customer).toMatchObject({
      name: "Renamed",
    });

    server.addEvent("customer.deleted", customer, base + 30);
    expect(await sdk().customers.retrieve(customer.id)).toMatchObject({ deleted: true });
    server.upsert("customer", customer);
  });
});

describe("pagination core", () => {
  it("walks any list forwards and backwards, ties on created included (property)", () => {
    const objects = fc.uniqueArray(
      fc.record({ id: fc.stringMatching(/^obj_[a-z0-9]{1,6}$/), created: fc.integer({ min: 0, max: 5 }) }),
      {
        selector: (o) => o.id,
        maxLength: 60,
      },
    );
    fc.assert(
      fc.property(objects, fc.integer({ min: 1, max: 25 }), (items, limit) => {
        const list = new SortedList((o: { id: string; created: number }) => o.created, items);
        const expected = listOrder(items);
        const forward: string[] = [];
        let page = pageOf(list, { limit });
        forward.push(...page.data.map((o) => o.id));
        while (page.hasMore) {
          page = pageOf(list, { limit, startingAfter: list.cursor(forward[forward.length - 1]!) });
          forward.push(...page.data.map((o) => o.id));
        }
        expect(forward).toEqual(expected);

        const backward: string[] = [];
        let cursor = expected[expected.length - 1];
        if (cursor === undefined) return;
        backward.unshift(cursor);
        do {
          page = pageOf(list, { limit, endingBefore: list.cursor(cursor) });
          backward.unshift(...page.data.map((o) => o.id));
          cursor = page.data[0]?.id ?? cursor;
        } while (page.hasMore);
        expect(backward).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
