// Reading Stripe one page at a time, each request through the sync's rate limiter: list pages
// of one `created` range at the maximum page size, the Events API, and the rest of the nested
// lists (subscription items, invoice lines) that a list or event cuts off after 10 entries.
import Stripe from "stripe";
import type { MirroredKind } from "@/lib/stripe/schemas";
import { unlimited, type RateLimiter } from "@/lib/stripe/rate-limit";

export const PAGE_SIZE = 100;

export interface ListParams {
  startingAfter?: string;
  /** Only objects created at or after this (epoch seconds). */
  createdGte?: number;
  /** Only objects created before this (epoch seconds). */
  createdLt?: number;
}

export interface Listed {
  id: string;
  created: number;
}

export interface Page<T> {
  data: T[];
  hasMore: boolean;
  /** Each object's JSON text and hash, when the fetch thread listed the page. */
  texts?: Map<T, RawText>;
}

/** The time Stripe lists an object by (invoice items carry `date` in older API versions). */
export function createdOf(object: unknown): number {
  const o = object as { created?: unknown; date?: unknown };
  return typeof o.created === "number" ? o.created : typeof o.date === "number" ? o.date : 0;
}

const RATE_LIMIT_RETRIES = 8;

/**
 * One request through the limiter. The SDK retries 5xx and network errors itself (as
 * configured); a 429 that reaches here pauses every request of the sync for its Retry-After.
 */
export async function limited<T>(limiter: RateLimiter, request: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    await limiter.take();
    try {
      return await request();
    } catch (error) {
      if (!(error instanceof Stripe.errors.StripeRateLimitError) || attempt >= RATE_LIMIT_RETRIES)
        throw error;
      const header = Number(error.headers?.["retry-after"]);
      limiter.backOff(Number.isFinite(header) && header > 0 ? header * 1000 : 500 * 2 ** attempt);
    }
  }
}

/** The SDK's list resource of each kind (`stripe[resource].list(params)`). */
export const listResources = {
  customer: "customers",
  product: "products",
  price: "prices",
  subscription: "subscriptions",
  invoice: "invoices",
  invoiceitem: "invoiceItems",
} as const satisfies Record<MirroredKind, keyof Stripe>;

export type ListResource = (typeof listResources)[MirroredKind];

/** One list request of `kind`: the SDK resource and its parameters (plain data, for the fetch thread too). */
export function listRequest(
  kind: MirroredKind,
  params: ListParams,
): { resource: ListResource; params: Record<string, unknown> } {
  const created =
    params.createdGte !== undefined || params.createdLt !== undefined
      ? {
          created: {
            ...(params.createdGte !== undefined ? { gte: params.createdGte } : {}),
            ...(params.createdLt !== undefined ? { lt: params.createdLt } : {}),
          },
        }
      : {};
  return {
    resource: listResources[kind],
    params: {
      limit: PAGE_SIZE,
      ...(params.startingAfter ? { starting_after: params.startingAfter } : {}),
      ...created,
      // Without it Stripe lists only subscriptions that are not canceled.
      ...(kind === "subscription" ? { status: "all" } : {}),
    },
  };
}

/** One object's JSON text and its content hash (not deleted), made off the main thread. */
export interface RawText {
  text: string;
  hash: string;
}

/** Lists pages off the main thread (lib/stripe/fetch-thread.ts). */
export interface PageLister {
  list(request: ReturnType<typeof listRequest>): Promise<{ texts: RawText[]; hasMore: boolean }>;
}

/**
 * One page of one object type, newest first, as Stripe lists them. Through `lister` (the
 * sync's fetch thread) each object comes with its JSON text and hash in `texts`.
 */
export async function listPage(
  stripe: Stripe,
  kind: MirroredKind,
  params: ListParams,
  limiter: RateLimiter = unlimited,
  lister?: PageLister | null,
): Promise<Page<Listed>> {
  const request = listRequest(kind, params);
  if (lister) {
    const page = await limited(limiter, () => lister.list(request));
    const texts = new Map<Listed, RawText>();
    const data = page.texts.map((raw) => {
      const object = JSON.parse(raw.text) as Listed;
      texts.set(object, raw);
      return object;
    });
    return { data, hasMore: page.hasMore, texts };
  }
  const resource = stripe[request.resource] as unknown as {
    list(params: Record<string, unknown>): Promise<{ data: unknown[]; has_more: boolean }>;
  };
  const page = await limited(limiter, () => resource.list(request.params));
  return { data: page.data as Listed[], hasMore: page.has_more };
}

/** Auto-paginating iterator over one object type (every page through the limiter). */
export async function* listObjects(
  stripe: Stripe,
  kind: MirroredKind,
  params: ListParams,
  limiter: RateLimiter = unlimited,
): AsyncIterable<Listed> {
  let startingAfter = params.startingAfter;
  for (;;) {
    const page = await listPage(stripe, kind, { ...params, startingAfter }, limiter);
    yield* page.data;
    startingAfter = page.data.at(-1)?.id;
    if (!page.hasMore || !startingAfter) return;
  }
}

/** One page of events created since `sinceMs`, newest first. */
export async function eventsPage(
  stripe: Stripe,
  params: { sinceMs: number; startingAfter?: string },
  limiter: RateLimiter = unlimited,
): Promise<Page<Stripe.Event>> {
  const page = await limited(limiter, () =>
    stripe.events.list({
      limit: PAGE_SIZE,
      created: { gte: Math.floor(params.sinceMs / 1000) },
      ...(params.startingAfter ? { starting_after: params.startingAfter } : {}),
    }),
  );
  return { data: page.data, hasMore: page.has_more };
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

async function allPages(
  limiter: RateLimiter,
  page: (startingAfter: string | undefined) => Promise<{ data: { id: string }[]; has_more: boolean }>,
): Promise<unknown[]> {
  const data: unknown[] = [];
  let after: string | undefined;
  for (;;) {
    const next = await limited(limiter, () => page(after));
    data.push(...next.data);
    after = next.data.at(-1)?.id;
    if (!next.has_more || !after) return data;
  }
}

/** Whether `object` has a nested list cut off (`completeNestedLists` would fetch its rest). */
export function hasTruncatedLists(kind: MirroredKind, object: unknown): boolean {
  if (kind === "subscription") return nested(object, "items")?.has_more === true;
  if (kind === "invoice") return nested(object, "lines")?.has_more === true;
  return false;
}

/** Fetches the rest of a truncated items/lines list so the mirror holds every line. */
export async function completeNestedLists<T>(
  stripe: Stripe,
  kind: MirroredKind,
  object: T,
  limiter: RateLimiter = unlimited,
): Promise<T> {
  const id = (object as { id: string }).id;
  const cursor = (after: string | undefined) => ({
    limit: PAGE_SIZE,
    ...(after ? { starting_after: after } : {}),
  });
  if (kind === "subscription") {
    const items = nested(object, "items");
    if (!items?.has_more) return object;
    const data = await allPages(limiter, (after) =>
      stripe.subscriptionItems.list({ subscription: id, ...cursor(after) }),
    );
    return { ...object, items: { ...items, data, has_more: false } };
  }
  if (kind === "invoice") {
    const lines = nested(object, "lines");
    if (!lines?.has_more) return object;
    const data = await allPages(limiter, (after) => stripe.invoices.listLineItems(id, cursor(after)));
    return { ...object, lines: { ...lines, data, has_more: false } };
  }
  return object;
}
