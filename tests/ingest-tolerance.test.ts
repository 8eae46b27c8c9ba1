// Tolerant reading (issue 14 §1): fixture objects — ours (the account generator, the small test
// builders) and Stripe's own published examples (../shared/stripe/fixtures3.json) — with random
// non-essential fields removed and unknown fields added are still mirrored, and where the
// removed fields are ones bookings do not read, the bookings are exactly the same as before.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Sqlite } from "@/lib/db/sqlite";
import { fastParse } from "@/lib/stripe/fast-parse";
import { ingestObjects } from "@/lib/stripe/ingest";
import { parseWithZod, parsedObjectRows } from "@/lib/stripe/rows";
import { mirroredKindOf } from "@/lib/stripe/schemas";
import { insertRule } from "@/lib/rules/store";
import { ruleInputSchema } from "@/lib/rules/schema";
import { seedDefaultRules } from "@/lib/rules/defaults";
import { generateAccount } from "@/lib/stripe-fixtures/generate";
import { freshDb } from "@/tests/support/db";
import { MIRROR_TABLES } from "@/tests/support/faults/state";
import {
  T0,
  customer,
  dumpState,
  invoice,
  price,
  product,
  subscription,
} from "@/tests/support/stripe-objects";

const NOW = new Date("2026-11-02T10:00:00Z");
type Obj = Record<string, unknown>;

/** What a level of an object must keep: its essential fields (docs/STRIPE_FIELDS.md), and below. */
interface Spec {
  essential: string[];
  /** Fields bookings are derived from: kept when the bookings must not change. */
  bookings: string[];
  /** Nested lists (`items.data`, `lines.data`) and objects whose own fields are mutated too. */
  lists?: Record<string, Spec>;
  objects?: Record<string, Spec>;
}

const itemPrice: Spec = { essential: ["id", "product"], bookings: ["currency"] };
const specs: Record<string, Spec> = {
  customer: { essential: ["id", "object"], bookings: ["name"] },
  product: { essential: ["id", "object"], bookings: ["name", "metadata", "active"] },
  price: {
    essential: ["id", "object", "product"],
    bookings: ["type", "recurring", "lookup_key", "currency", "unit_amount", "metadata", "active"],
  },
  subscription: {
    essential: ["id", "object", "customer", "status", "items", "start_date"],
    bookings: [
      ...["created", "current_period_start", "current_period_end", "trial_start", "trial_end"],
      ...["cancel_at_period_end", "cancel_at", "canceled_at", "ended_at", "pause_collection", "metadata"],
    ],
    lists: {
      items: {
        essential: ["id", "price"],
        bookings: ["quantity", "current_period_start", "current_period_end", "metadata", "created"],
        objects: { price: itemPrice },
      },
    },
  },
  invoice: {
    essential: ["id", "object", "customer", "lines"],
    bookings: [
      ...["status", "total", "amount_paid", "amount_remaining", "post_payment_credit_notes_amount"],
      ...["status_transitions", "attempt_count", "created", "subscription", "parent", "period_start"],
      ...["period_end", "currency", "metadata"],
    ],
    lists: {
      lines: {
        essential: ["id"],
        bookings: [
          ...["amount", "currency", "quantity", "period", "pricing", "price", "parent", "metadata"],
          ...["subscription_item", "invoice_item", "description"],
        ],
      },
    },
  },
  invoiceitem: {
    essential: ["id", "object", "customer"],
    bookings: [
      ...["invoice", "pricing", "price", "quantity", "period", "amount", "currency", "date", "created"],
      ...["metadata", "description"],
    ],
  },
};

type Mode = "any" | "bookings";

/** Removes a random subset of the removable fields of every level and adds unknown ones. */
function mutated(object: Obj, spec: Spec, mode: Mode): fc.Arbitrary<Obj> {
  const protectedKeys = new Set([
    ...spec.essential,
    ...(mode === "bookings" ? spec.bookings : []),
    ...Object.keys(spec.lists ?? {}),
    ...Object.keys(spec.objects ?? {}),
  ]);
  const removable = Object.keys(object).filter((key) => !protectedKeys.has(key));
  const lists = Object.entries(spec.lists ?? {}).map(([field, child]) => {
    const list = object[field] as { data: Obj[] };
    return fc
      .tuple(...list.data.map((entry) => mutated(entry, child, mode)))
      .map((data): [string, unknown] => [field, { ...list, data }]);
  });
  const objects = Object.entries(spec.objects ?? {})
    .filter(([field]) => typeof object[field] === "object" && object[field] !== null)
    .map(([field, child]) =>
      mutated(object[field] as Obj, child, mode).map((v): [string, unknown] => [field, v]),
    );
  const unknown = fc.dictionary(
    fc.string({ minLength: 1, maxLength: 8 }).map((name) => `zz_unknown_${name}`),
    fc.jsonValue({ maxDepth: 2 }),
    { maxKeys: 3 },
  );
  return fc
    .record({ drop: fc.subarray(removable), unknown, nested: fc.tuple(...lists, ...objects) })
    .map(({ drop, unknown, nested }) => {
      const copy: Obj = { ...object, ...unknown };
      for (const key of drop) delete copy[key];
      for (const [field, value] of nested) copy[field] = value;
      return copy;
    });
}

function accountArbitrary(objects: Obj[], mode: Mode): fc.Arbitrary<Obj[]> {
  return fc.tuple(...objects.map((object) => mutated(object, specs[String(object.object)]!, mode)));
}

/** Mirrors the objects into a fresh database with rules; returns what the test compares. */
function mirror(objects: Obj[], seed: (db: Sqlite) => void) {
  const t = freshDb();
  try {
    seed(t.db);
    const items = objects.map((object) => ({ object, sourceAt: NOW }));
    const result = ingestObjects(t.db, items, { now: NOW });
    const ids = (table: string) =>
      (t.db.prepare(`SELECT stripeId FROM ${table} ORDER BY stripeId`).all() as { stripeId: string }[]).map(
        (row) => row.stripeId,
      );
    return {
      counts: result.counts,
      ids: Object.fromEntries(MIRROR_TABLES.map((table) => [table, ids(table)])),
      bookings: dumpState(t.db, ["Booking"], ["createdAt", "updatedAt", "ruleId"]).Booking,
    };
  } finally {
    t.cleanup();
  }
}

const account = generateAccount({ customers: 4, seed: 21, now: NOW });
const generated: Obj[] = [
  ...account.products,
  ...account.prices,
  ...account.customers,
  ...account.subscriptions,
  ...account.invoices,
  ...account.invoiceItems,
] as unknown as Obj[];
const builders: Obj[] = [
  product("prod_w", "WALK60"),
  price("price_w", "prod_w", "week"),
  customer("cus_1"),
  subscription("sub_1", "cus_1", [{ id: "si_1", price: "price_w", product: "prod_w" }], {
    start_date: T0 - 7 * 86400,
  }),
  invoice("in_1", "cus_1", [{ id: "il_1", price: "price_w", product: "prod_w" }]),
];
const stripeExamples = (() => {
  const resources = (
    JSON.parse(readFileSync("/work/shared/stripe/fixtures3.json", "utf8")) as {
      resources: Record<string, Obj>;
    }
  ).resources;
  return ["product", "price", "customer", "subscription", "invoice", "invoiceitem"].map(
    (kind) => resources[kind]!,
  );
})();
/** A rule for the example product, so Stripe's example subscription is matched too. */
function seedExampleRule(db: Sqlite) {
  insertRule(
    db,
    ruleInputSchema.parse({
      name: "Example",
      serviceCode: "EXAMPLE",
      matcher: { productIds: [String(stripeExamples[0]!.id)] },
      allocation: { durationMin: 60, startTimes: ["09:00"], schedule: { kind: "weekly", byWeekday: ["MO"] } },
    }),
    NOW,
  );
}

describe.each([
  { name: "generated account", objects: generated, seed: (db: Sqlite) => void seedDefaultRules(db, NOW) },
  { name: "test builders", objects: builders, seed: (db: Sqlite) => void seedDefaultRules(db, NOW) },
  { name: "Stripe's published examples", objects: stripeExamples, seed: seedExampleRule },
])("$name", ({ objects, seed }) => {
  const baseline = mirror(objects, seed);

  it("is mirrored whole as published", () => {
    expect(baseline.counts.applied).toBe(objects.length);
    expect(Object.values(baseline.ids).flat()).toHaveLength(
      objects.length +
        objects.flatMap((o) => ((o.items ?? o.lines) as { data?: unknown[] } | undefined)?.data ?? []).length,
    );
  });

  it("still mirrors every object with any non-essential fields removed and unknown ones added", () => {
    fc.assert(
      fc.property(accountArbitrary(objects, "any"), (changed) => {
        const result = mirror(changed, seed);
        expect(result.counts.invalid).toBe(0);
        expect(result.counts.applied).toBe(objects.length);
        expect(result.ids).toEqual(baseline.ids);
      }),
      { numRuns: 25 },
    );
  });

  it("derives the same bookings when the removed fields are ones bookings do not read", () => {
    fc.assert(
      fc.property(accountArbitrary(objects, "bookings"), (changed) => {
        const result = mirror(changed, seed);
        expect(result.counts.applied).toBe(objects.length);
        expect(result.bookings).toEqual(baseline.bookings);
      }),
      { numRuns: 25 },
    );
  });
});

/** Replaces random fields (top level and one level down) with random JSON: wrong types included. */
function scrambled(object: Obj): fc.Arbitrary<Obj> {
  const keys = Object.keys(object);
  const nestedKeys = keys.filter((key) => typeof object[key] === "object" && object[key] !== null);
  return fc
    .record({
      top: fc.dictionary(fc.constantFrom(...keys), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
      inner: nestedKeys.length
        ? fc.option(
            fc.tuple(
              fc.constantFrom(...nestedKeys),
              fc.string({ maxLength: 12 }),
              fc.jsonValue({ maxDepth: 1 }),
            ),
          )
        : fc.constant(null),
    })
    .map(({ top, inner }) => {
      const copy: Obj = { ...object, ...top };
      if (inner) {
        const [field, key, value] = inner;
        const child = copy[field];
        copy[field] = Array.isArray(child) ? [...child, value] : { ...(child as Obj), [key]: value };
      }
      return copy;
    });
}

describe("the hand-checked fast path of validation", () => {
  const p = { raw: "", contentHash: "", sourceAt: 0, appliedAt: 0, deleted: false };
  /** Whenever the fast path accepts, zod accepts too and the rows are identical. */
  function agrees(object: Obj) {
    const kind = mirroredKindOf(object);
    if (!kind) return;
    const fast = fastParse(kind, object);
    if (!fast) return;
    const zod = parseWithZod(kind, object);
    expect(
      zod.success,
      JSON.stringify(object, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v)),
    ).toBe(true);
    if (zod.success) expect(parsedObjectRows(fast, p)).toEqual(parsedObjectRows(zod.parsed, p));
  }
  const all = [...generated, ...builders, ...stripeExamples];

  it("takes every fixture object, with the rows zod gives", () => {
    for (const object of all) {
      expect(fastParse(mirroredKindOf(object)!, object), String(object.id)).not.toBeNull();
      agrees(object);
    }
  });

  it("agrees with zod on altered objects: fields removed, unknown ones added, values of any type", () => {
    fc.assert(
      fc.property(
        fc
          .constantFrom(...all)
          .chain((object) =>
            fc.oneof(mutated(object, specs[String(object.object)]!, "any"), scrambled(object)),
          ),
        agrees,
      ),
      { numRuns: 3000 },
    );
  });
});

it("the generated account and the builders yield bookings (the comparison is not vacuous)", () => {
  expect(mirror(generated, (db) => void seedDefaultRules(db, NOW)).bookings?.length).toBeGreaterThan(0);
  expect(mirror(builders, (db) => void seedDefaultRules(db, NOW)).bookings?.length).toBeGreaterThan(0);
});
