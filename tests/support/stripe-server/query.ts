// Stripe's form-style query strings (`created[gt]=1`, `expand[0]=data.customer`, `types[]=a`)
// parsed into nested values, then validated with zod into list parameters.
import { z } from "zod";
import { invalidRequest } from "@/tests/support/stripe-server/errors";
import type { CreatedRange } from "@/tests/support/stripe-server/paginate";

export type QueryValue = string | QueryValue[] | { [key: string]: QueryValue };
export type Query = Record<string, QueryValue>;

function segments(key: string): string[] {
  const head = key.indexOf("[");
  if (head < 0) return [key];
  const rest = [...key.slice(head).matchAll(/\[([^\]]*)\]/g)].map((match) => match[1] ?? "");
  return [key.slice(0, head), ...rest];
}

function emptyFor(next: string | undefined): Query | QueryValue[] {
  return next === "" || /^\d+$/.test(next ?? "") ? [] : {};
}

function assign(target: Query | QueryValue[], path: string[], value: string): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  const slots = target as Record<string | number, QueryValue | undefined>;
  const key = Array.isArray(target) ? (head === "" ? target.length : Number(head)) : head;
  if (rest.length === 0) {
    slots[key] = value;
    return;
  }
  const child = slots[key] ?? emptyFor(rest[0]);
  slots[key] = child;
  if (typeof child !== "string") assign(child, rest, value);
}

/** Nested parameters from a query string; arrays keep their index order. */
export function parseQuery(params: URLSearchParams): Query {
  const query: Query = {};
  for (const [key, value] of params) assign(query, segments(key), value);
  return query;
}

const integer = z
  .string()
  .regex(/^-?\d+$/, "must be an integer")
  .transform(Number);

const createdSchema = z.union([
  integer.transform((value): CreatedRange => ({ gte: value, lte: value })),
  z.strictObject({
    gt: integer.optional(),
    gte: integer.optional(),
    lt: integer.optional(),
    lte: integer.optional(),
  }),
]);

const stringList = z.union([z.string().transform((value) => [value]), z.array(z.string())]);

const listSchema = z.object({
  limit: integer.optional(),
  starting_after: z.string().min(1).optional(),
  ending_before: z.string().min(1).optional(),
  created: createdSchema.optional(),
  expand: stringList.optional(),
});

export interface ListParams {
  limit: number;
  startingAfter?: string;
  endingBefore?: string;
  created?: CreatedRange;
  expand: string[];
  /** The remaining (endpoint-specific) filters, already checked against the allowed names. */
  filters: Query;
}

/** List parameters as Stripe validates them: limit 1..100 (default 10), one cursor at most, no unknown names. */
export function listParams(query: Query, allowedFilters: readonly string[]): ListParams {
  const { limit, starting_after, ending_before, created, expand, ...filters } = query;
  for (const name of Object.keys(filters)) {
    if (!allowedFilters.includes(name)) throw invalidRequest(`Received unknown parameter: ${name}`, name);
  }
  const parsed = listSchema.safeParse({ limit, starting_after, ending_before, created, expand });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const param = String(issue?.path[0] ?? "");
    throw invalidRequest(`Invalid ${param}: ${issue?.message ?? "malformed"}`, param);
  }
  const value = parsed.data;
  const size = value.limit ?? 10;
  if (size < 1) throw invalidRequest("This value must be greater than or equal to 1.", "limit");
  if (size > 100) {
    throw invalidRequest(`This value must be less than or equal to 100 (it currently is '${size}')`, "limit");
  }
  if (value.starting_after && value.ending_before) {
    throw invalidRequest(
      "You may only specify one of these parameters: ending_before, starting_after.",
      "ending_before",
    );
  }
  return {
    limit: size,
    startingAfter: value.starting_after,
    endingBefore: value.ending_before,
    created: value.created,
    expand: value.expand ?? [],
    filters,
  };
}

/** `expand[]` of a retrieve; anything else is an unknown parameter. */
export function retrieveExpand(query: Query): string[] {
  const { expand, ...rest } = query;
  const unknown = Object.keys(rest)[0];
  if (unknown) throw invalidRequest(`Received unknown parameter: ${unknown}`, unknown);
  const parsed = stringList.optional().safeParse(expand);
  if (!parsed.success) throw invalidRequest("Invalid expand: must be a list of strings", "expand");
  return parsed.data ?? [];
}

/** A filter's string value, or undefined; a nested value where a string belongs is a 400. */
export function stringFilter(filters: Query, name: string): string | undefined {
  const value = filters[name];
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw invalidRequest(`Invalid ${name}: must be a string`, name);
  return value;
}

/** A filter's list value (`types[]=a&types[]=b`), or undefined. */
export function listFilter(filters: Query, name: string): string[] | undefined {
  const parsed = stringList.optional().safeParse(filters[name]);
  if (!parsed.success) throw invalidRequest(`Invalid ${name}: must be a list of strings`, name);
  return parsed.data;
}
