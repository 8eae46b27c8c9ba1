// Which rule wins a line item, and which live line items no rule covers.
import { afterEach, describe, expect, it } from "vitest";
import { matchRule, matcherMatches, listUnmappedLines, type LineContext } from "@/lib/rules/match";
import type { Matcher, Rule } from "@/lib/rules/schema";
import { freshDb, type TestDb } from "@/tests/support/db";
import {
  catalog,
  insertClient,
  seedCatalog,
  writeInvoice,
  writeSubscription,
} from "@/tests/support/mirror-rows";
import { seedDefaultRules } from "@/lib/rules/defaults";
import { deactivateRule } from "@/lib/rules/store";

let t: TestDb | undefined;
afterEach(() => t?.cleanup());

const line: LineContext = {
  priceStripeId: "price_walk60",
  productStripeId: "prod_walk60",
  quantity: 1,
  price: {
    stripeId: "price_walk60",
    productStripeId: "prod_walk60",
    type: "recurring",
    recurringInterval: "week",
    recurringCount: 1,
    lookupKey: "walk60_weekly",
    currency: "gbp",
    unitAmount: 2000,
  },
  product: {
    stripeId: "prod_walk60",
    name: "Weekly Walk (1h)",
    serviceCode: "WALK60",
    metadata: { service_code: "WALK60", size: "large" },
  },
};

const rule = (id: number, priority: number, matcher: Matcher, active = true): Rule => ({
  id,
  priority,
  active,
  matcher,
  name: `r${id}`,
  serviceCode: "X",
  allocation: { schedule: { kind: "weekly", byWeekday: ["MO"] }, quantity: "multiply" },
});

describe("matcherMatches", () => {
  it.each<[string, Matcher, boolean]>([
    ["price id", { priceIds: ["price_other", "price_walk60"] }, true],
    ["other price id", { priceIds: ["price_other"] }, false],
    ["product id", { productIds: ["prod_walk60"] }, true],
    ["lookup key", { lookupKeys: ["walk60_weekly"] }, true],
    ["service code", { serviceCodes: ["WALK60"] }, true],
    ["metadata (all pairs)", { productMetadata: { size: "large", service_code: "WALK60" } }, true],
    ["metadata mismatch", { productMetadata: { size: "small" } }, false],
    ["interval", { recurringInterval: "week" }, true],
    ["one_time vs recurring", { recurringInterval: "one_time" }, false],
    ["currency (any case)", { currency: "gbp" }, true],
    ["every criterion must hold", { serviceCodes: ["WALK60"], currency: "usd" }, false],
  ])("%s", (_label, matcher, expected) => {
    expect(matcherMatches(matcher, line)).toBe(expected);
  });

  it("matches one_time prices by recurringInterval one_time", () => {
    const oneOff = { ...line, price: { ...line.price!, type: "one_time", recurringInterval: null } };
    expect(matcherMatches({ recurringInterval: "one_time" }, oneOff)).toBe(true);
  });
});

describe("matchRule", () => {
  it("picks the lowest priority, then the lowest id, and skips inactive rules", () => {
    const rules = [
      rule(1, 10, { serviceCodes: ["WALK60"] }, false),
      rule(3, 20, { serviceCodes: ["WALK60"] }),
      rule(4, 20, { productIds: ["prod_walk60"] }),
      rule(2, 50, { serviceCodes: ["WALK60"] }),
    ];
    expect(matchRule(rules, line)?.id).toBe(3);
    expect(matchRule(rules, { ...line, product: null, productStripeId: "prod_other" })).toBeNull();
  });
});

describe("listUnmappedLines", () => {
  it("reports live lines no active rule matches, with client, product and price", () => {
    t = freshDb();
    seedCatalog(t.db);
    insertClient(t.db, { stripeId: "cus_1", name: "Jane Doe" });
    const now = new Date("2026-03-02T12:00:00Z");
    seedDefaultRules(t.db, now);
    const item = (product: keyof typeof catalog, id: string) => ({
      stripeId: id,
      priceStripeId: catalog[product].price,
      productStripeId: catalog[product].product,
    });
    writeSubscription(t.db, {
      stripeId: "sub_1",
      clientStripeId: "cus_1",
      status: "active",
      startDate: now,
      sourceAt: now,
      items: [item("walk60", "si_1"), item("gift", "si_gift")],
    });
    writeSubscription(t.db, {
      stripeId: "sub_dead",
      clientStripeId: "cus_1",
      status: "canceled",
      startDate: now,
      sourceAt: now,
      items: [item("gift", "si_dead")],
    });
    writeInvoice(t.db, {
      stripeId: "in_1",
      clientStripeId: "cus_1",
      status: "paid",
      created: now,
      sourceAt: now,
      lines: [item("gift", "il_gift"), item("groom", "il_groom")],
    });
    writeInvoice(t.db, {
      stripeId: "in_void",
      clientStripeId: "cus_1",
      status: "void",
      created: now,
      sourceAt: now,
      lines: [item("gift", "il_void")],
    });

    expect(listUnmappedLines(t.db)).toEqual([
      expect.objectContaining({
        sourceKind: "invoice",
        sourceStripeId: "in_1",
        lineStripeId: "il_gift",
        productName: "Gift Card",
        clientName: "Jane Doe",
        priceLabel: "20.00 GBP one-off",
        quantity: 1,
      }),
      expect.objectContaining({
        sourceKind: "subscription",
        sourceStripeId: "sub_1",
        lineStripeId: "si_gift",
        productName: "Gift Card",
      }),
    ]);
    deactivateRule(t.db, 2, now);
    expect(listUnmappedLines(t.db).map((l) => l.lineStripeId)).toEqual(["il_gift", "si_1", "si_gift"]);
  });
});
