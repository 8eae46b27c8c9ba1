// The read API the sync engine uses: list, retrieve, invoice lines, subscription items, events.
// Every handler returns the JSON body; failures are thrown as ApiError in Stripe's error shape.
import type Stripe from "stripe";
import { invalidRequest, noSuch, unknownCursor, unrecognizedUrl } from "@/tests/support/stripe-server/errors";
import { embedded, expand } from "@/tests/support/stripe-server/expand";
import { allowedFilters, eventMatcher, matcherFor } from "@/tests/support/stripe-server/filters";
import { type Page, pageOf, pageOfArray } from "@/tests/support/stripe-server/paginate";
import {
  type ListParams,
  type Query,
  listParams,
  retrieveExpand,
  stringFilter,
} from "@/tests/support/stripe-server/query";
import type { Listed, SortedList } from "@/tests/support/stripe-server/sorted-list";
import { type StoreKind, type StripeStore, kindOfId } from "@/tests/support/stripe-server/store";

const collections: Record<string, StoreKind> = {
  customers: "customer",
  products: "product",
  prices: "price",
  subscriptions: "subscription",
  invoices: "invoice",
  invoiceitems: "invoiceitem",
};

const kindNames: Record<StoreKind, string> = {
  customer: "customer",
  product: "product",
  price: "price",
  subscription: "subscription",
  invoice: "invoice",
  invoiceitem: "invoiceitem",
};

function listBody<T extends { object: string }>(page: Page<T>, url: string) {
  return { object: "list", data: page.data.map(embedded), has_more: page.hasMore, url };
}

function sortedPage<T extends Listed>(
  list: SortedList<T>,
  params: ListParams,
  noun: string,
  matches: ((item: T) => boolean) | undefined,
): Page<T> {
  const cursor = (id: string | undefined, param: string) => {
    if (id === undefined) return undefined;
    const key = list.cursor(id);
    if (!key) throw unknownCursor(noun, id, param);
    return key;
  };
  return pageOf(list, {
    limit: params.limit,
    startingAfter: cursor(params.startingAfter, "starting_after"),
    endingBefore: cursor(params.endingBefore, "ending_before"),
    created: params.created,
    matches,
  });
}

function nestedPage<T extends { id: string }>(
  items: readonly T[],
  params: ListParams,
  noun: string,
): Page<T> {
  const page = pageOfArray(items, params.limit, params.startingAfter, params.endingBefore);
  if (!page) {
    const param = params.startingAfter !== undefined ? "starting_after" : "ending_before";
    throw unknownCursor(noun, params.startingAfter ?? params.endingBefore ?? "", param);
  }
  return page;
}

export const LOCAL_ACCOUNT = {
  id: "acct_local_stripe_server",
  object: "account",
  business_profile: { name: "Local test account" },
  settings: { dashboard: { display_name: "Local test account" } },
};

/** Answers one request against `store`; throws ApiError for anything Stripe would refuse. */
export function route(store: StripeStore, method: string, path: string, query: Query): unknown {
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  const [version, collection, id, sub, ...extra] = parts;
  if (method !== "GET" || version !== "v1" || collection === undefined || extra.length > 0) {
    throw unrecognizedUrl(method, path);
  }
  const resolve = (ref: string) => {
    const kind = kindOfId(ref);
    return kind ? (store.get(kind, ref) ?? store.deletedStub(kind, ref)) : undefined;
  };

  if (collection === "events" && sub === undefined) {
    if (id !== undefined) {
      const event = store.events.get(id);
      if (!event) throw noSuch("event", id);
      return expand(event, retrieveExpand(query), resolve);
    }
    const params = listParams(query, allowedFilters.event);
    const page = sortedPage(store.events, params, "event", eventMatcher(params.filters));
    return expand(listBody(page, "/v1/events"), params.expand, resolve);
  }

  if (collection === "subscription_items" && sub === undefined) {
    if (id !== undefined) {
      const item = store.subscriptionItem(id);
      if (!item) throw noSuch("subscription_item", id);
      return expand(item, retrieveExpand(query), resolve);
    }
    const params = listParams(query, ["subscription"]);
    const owner = stringFilter(params.filters, "subscription");
    if (owner === undefined) throw invalidRequest("Missing required param: subscription.", "subscription");
    const subscription = store.get("subscription", owner);
    if (!subscription) throw noSuch("subscription", owner, "subscription");
    const page = nestedPage(subscription.items.data, params, "subscription_item");
    return expand(listBody(page, "/v1/subscription_items"), params.expand, resolve);
  }

  // GET /v1/account: whose key this is (Settings → Stripe checks a key with it).
  if (collection === "account" && id === undefined) return LOCAL_ACCOUNT;

  const kind = collections[collection];
  if (!kind) throw unrecognizedUrl(method, path);

  if (id !== undefined && sub === "lines" && kind === "invoice") {
    const invoice = store.get("invoice", id);
    if (!invoice) throw noSuch("invoice", id);
    const params = listParams(query, []);
    const page = nestedPage<Stripe.InvoiceLineItem>(invoice.lines.data, params, "line_item");
    return expand(listBody(page, `/v1/invoices/${id}/lines`), params.expand, resolve);
  }
  if (sub !== undefined) throw unrecognizedUrl(method, path);

  if (id !== undefined) {
    const found = store.get(kind, id);
    if (found) return expand(embedded(found), retrieveExpand(query), resolve);
    const stub = store.deletedStub(kind, id);
    if (stub) return stub;
    throw noSuch(kindNames[kind], id);
  }

  const params = listParams(query, allowedFilters[kind]);
  return expand(listOf(store, kind, params, collection), params.expand, resolve);
}

function listOf<K extends StoreKind>(store: StripeStore, kind: K, params: ListParams, collection: string) {
  const page = sortedPage(store.list(kind), params, kindNames[kind], matcherFor(kind, params.filters));
  return listBody(page, `/v1/${collection}`);
}
