// What a stored object looks like on the wire: nested lists cut to their first page (as Stripe
// embeds them), and `expand[]` paths replaced by the objects they name. Stored objects are never
// mutated: only the objects along an expanded path are copied.
import type Stripe from "stripe";
import { invalidRequest } from "@/tests/support/stripe-server/errors";
import { kindOfId } from "@/tests/support/stripe-server/store";

/** How many entries of a nested list Stripe embeds in its parent. */
export const EMBEDDED_PAGE = 10;

function firstPage<T>(list: Stripe.ApiList<T>): Stripe.ApiList<T> {
  return list.data.length <= EMBEDDED_PAGE
    ? list
    : { ...list, data: list.data.slice(0, EMBEDDED_PAGE), has_more: true };
}

/** A subscription or invoice with its items/lines cut to the first page; anything else unchanged. */
export function embedded<T extends { object: string }>(object: T): T {
  if (object.object === "subscription") {
    const subscription = object as unknown as Stripe.Subscription;
    if (subscription.items.data.length <= EMBEDDED_PAGE) return object;
    return { ...object, items: firstPage(subscription.items) };
  }
  if (object.object === "invoice") {
    const invoice = object as unknown as Stripe.Invoice;
    if (invoice.lines.data.length <= EMBEDDED_PAGE) return object;
    return { ...object, lines: firstPage(invoice.lines) };
  }
  return object;
}

export type Resolve = (id: string) => object | undefined;

/** `value` with every `expand` path (dot-separated, through arrays) replaced by the named objects. */
export function expand(value: unknown, paths: readonly string[], resolve: Resolve): unknown {
  let result = value;
  for (const path of paths) result = expandPath(result, path.split("."), resolve, path);
  return result;
}

function expandPath(value: unknown, path: string[], resolve: Resolve, full: string): unknown {
  const [head, ...rest] = path;
  if (head === undefined || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => expandPath(item, path, resolve, full));
  const record = value as Record<string, unknown>;
  if (!(head in record)) throw invalidRequest(`This property cannot be expanded (${full}).`, "expand");
  let child = record[head];
  if (typeof child === "string") {
    if (!kindOfId(child)) throw invalidRequest(`This property cannot be expanded (${full}).`, "expand");
    const found = resolve(child);
    child = found ? embedded(found as { object: string }) : child;
  }
  return { ...record, [head]: expandPath(child, rest, resolve, full) };
}
