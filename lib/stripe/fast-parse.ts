// A hand-checked fast path for the ingest hot path: validation was the largest part of ingest
// after the SQLite work (zod ~10–30 µs per object, this ~1 µs; docs/BENCHMARKS.md). It accepts
// only objects it can verify completely, with the same result as the zod schemas of
// lib/stripe/schemas.ts; anything else returns null and goes through zod, which stays the
// reference (and the source of error messages). tests/ingest-tolerance.test.ts holds the two
// to the same rows on every fixture and on randomly altered ones.
import type { ParsedObject } from "@/lib/stripe/rows";
import type { MirroredKind } from "@/lib/stripe/schemas";

type O = Record<string, unknown>;
/** Thrown inside a check to leave the fast path; never escapes fastParse. */
const REJECT = Symbol("reject");
const MAX_TS = 253_402_300_799;

const fail = (): never => {
  throw REJECT;
};
const isObject = (v: unknown): v is O => typeof v === "object" && v !== null && !Array.isArray(v);
const id = (v: unknown): string => (typeof v === "string" && v.length > 0 ? v : fail());
const optId = (v: unknown) => (v == null ? v : id(v));
const time = (v: unknown) =>
  v == null ? v : typeof v === "number" && Number.isSafeInteger(v) && v >= 0 && v <= MAX_TS ? v : fail();
const reqTime = (v: unknown): number => (v == null ? fail() : (time(v) as number));
const int = (v: unknown) => (v == null ? v : typeof v === "number" && Number.isSafeInteger(v) ? v : fail());
const text = (v: unknown) => (v == null || typeof v === "string" ? v : fail());
const flag = (v: unknown) => (v == null || typeof v === "boolean" ? v : fail());
const optionalFlag = (v: unknown) => (v === undefined || typeof v === "boolean" ? v : fail());
const ref = (v: unknown): string => (typeof v === "string" ? id(v) : isObject(v) ? id(v.id) : fail());
const optRef = (v: unknown) => (v == null ? v : ref(v));
function metadata(v: unknown): Record<string, string> {
  if (v == null) return {};
  if (!isObject(v)) return fail();
  for (const key in v) if (typeof v[key] !== "string") fail();
  return v as Record<string, string>;
}
const nested = <T>(v: unknown, read: (o: O) => T): T | null | undefined =>
  v == null ? (v as null | undefined) : isObject(v) ? read(v) : fail();
function list<T>(v: unknown, read: (o: O) => T): { data: T[]; has_more: boolean | null | undefined } {
  if (!isObject(v) || !Array.isArray(v.data)) return fail();
  return {
    data: v.data.map((entry) => (isObject(entry) ? read(entry) : fail())),
    has_more: flag(v.has_more) as boolean | null | undefined,
  };
}
const period = (v: unknown) => nested(v, (p) => ({ start: reqTime(p.start), end: reqTime(p.end) }));
const pricing = (v: unknown) =>
  nested(v, (p) => ({
    type: p.type === undefined || typeof p.type === "string" ? p.type : fail(),
    price_details: nested(p.price_details, (d) => ({ price: ref(d.price), product: optRef(d.product) })),
  }));
const linePrice = (v: unknown) => nested(v, (p) => ({ id: id(p.id), product: ref(p.product) }));
// Spread last in each literal (see lib/stripe/rows.ts: V8 makes `{ ...x, many }` a slow object).
const common = (o: O, kind: string) => {
  if (o.object !== kind) fail();
  return { id: id(o.id), object: kind, livemode: flag(o.livemode), metadata: metadata(o.metadata) };
};

const readers: { [K in MirroredKind]: (o: O) => Extract<ParsedObject, { kind: K }>["data"] } = {
  customer: (o) =>
    ({
      created: time(o.created),
      email: text(o.email),
      name: text(o.name),
      phone: text(o.phone),
      deleted: optionalFlag(o.deleted),
      ...common(o, "customer"),
    }) as never,
  product: (o) =>
    ({
      created: time(o.created),
      name: text(o.name),
      active: flag(o.active),
      description: text(o.description),
      deleted: optionalFlag(o.deleted),
      ...common(o, "product"),
    }) as never,
  price: (o) =>
    ({
      created: time(o.created),
      product: ref(o.product),
      active: flag(o.active),
      currency: text(o.currency),
      unit_amount: int(o.unit_amount),
      type: text(o.type),
      recurring: nested(o.recurring, (r) => ({
        interval: typeof r.interval === "string" ? r.interval : fail(),
        interval_count: int(r.interval_count),
      })),
      lookup_key: text(o.lookup_key),
      nickname: text(o.nickname),
      deleted: optionalFlag(o.deleted),
      ...common(o, "price"),
    }) as never,
  subscription: (o) => {
    const s = {
      created: time(o.created),
      customer: ref(o.customer),
      status: typeof o.status === "string" && o.status.length > 0 ? o.status : fail(),
      currency: text(o.currency),
      start_date: time(o.start_date),
      current_period_start: time(o.current_period_start),
      current_period_end: time(o.current_period_end),
      trial_start: time(o.trial_start),
      trial_end: time(o.trial_end),
      cancel_at_period_end: flag(o.cancel_at_period_end),
      cancel_at: time(o.cancel_at),
      canceled_at: time(o.canceled_at),
      ended_at: time(o.ended_at),
      pause_collection: nested(o.pause_collection, (p) => ({
        behavior: typeof p.behavior === "string" ? p.behavior : fail(),
        resumes_at: time(p.resumes_at),
      })),
      items: list(o.items, (item) => ({
        id: id(item.id),
        created: time(item.created),
        price: isObject(item.price)
          ? { id: id(item.price.id), product: ref(item.price.product), currency: text(item.price.currency) }
          : fail(),
        quantity: int(item.quantity),
        current_period_start: time(item.current_period_start),
        current_period_end: time(item.current_period_end),
        metadata: metadata(item.metadata),
      })),
      ...common(o, "subscription"),
    };
    if (s.start_date == null && s.created == null) fail();
    return s as never;
  },
  invoice: (o) =>
    ({
      created: time(o.created),
      customer: ref(o.customer),
      number: text(o.number),
      status: text(o.status),
      currency: text(o.currency),
      total: int(o.total),
      amount_paid: int(o.amount_paid),
      amount_remaining: int(o.amount_remaining),
      post_payment_credit_notes_amount: int(o.post_payment_credit_notes_amount),
      period_start: time(o.period_start),
      period_end: time(o.period_end),
      due_date: time(o.due_date),
      status_transitions: nested(o.status_transitions, (t) => ({ paid_at: time(t.paid_at) })),
      attempt_count: int(o.attempt_count),
      subscription: optRef(o.subscription),
      parent: nested(o.parent, (p) => ({
        subscription_details: nested(p.subscription_details, (d) => ({
          subscription: optRef(d.subscription),
        })),
      })),
      lines: list(o.lines, (line) => ({
        id: id(line.id),
        amount: int(line.amount),
        currency: text(line.currency),
        description: text(line.description),
        quantity: int(line.quantity),
        period: period(line.period),
        metadata: metadata(line.metadata),
        pricing: pricing(line.pricing),
        price: linePrice(line.price),
        parent: nested(line.parent, (p) => ({
          invoice_item_details: nested(p.invoice_item_details, (d) => ({
            invoice_item: optId(d.invoice_item),
          })),
          subscription_item_details: nested(p.subscription_item_details, (d) => ({
            subscription_item: optId(d.subscription_item),
          })),
        })),
        subscription_item: optId(line.subscription_item),
        invoice_item: optId(line.invoice_item),
      })),
      deleted: optionalFlag(o.deleted),
      ...common(o, "invoice"),
    }) as never,
  invoiceitem: (o) =>
    ({
      date: time(o.date),
      created: time(o.created),
      customer: ref(o.customer),
      invoice: optRef(o.invoice),
      description: text(o.description),
      quantity: int(o.quantity),
      amount: int(o.amount),
      currency: text(o.currency),
      period: period(o.period),
      pricing: pricing(o.pricing),
      price: linePrice(o.price),
      deleted: optionalFlag(o.deleted),
      ...common(o, "invoiceitem"),
    }) as never,
};

/** The parsed object when every field checks out by hand; null means "ask zod". */
export function fastParse(kind: MirroredKind, object: unknown): ParsedObject | null {
  if (!isObject(object)) return null;
  try {
    return { kind, data: readers[kind](object) } as ParsedObject;
  } catch (error) {
    if (error === REJECT) return null;
    throw error;
  }
}
