// Objects that fail validation are quarantined whole (issue 14 §1): never dropped silently,
// counted, retried by every sync and by `quarantine:retry`.
import type Stripe from "stripe";
import { afterEach, describe, expect, it, vi } from "vitest";
import { syncCommand as sync } from "@/cli/commands/sync";
import { quarantineRetry } from "@/cli/commands/quarantine";
import { sqlite } from "@/lib/db/sqlite";
import { overview } from "@/lib/dashboard";
import { createStripe } from "@/lib/stripe/client";
import { ingestObjects } from "@/lib/stripe/ingest";
import { quarantineSummary, retryQuarantine } from "@/lib/stripe/quarantine";
import { runSync } from "@/lib/stripe/sync";
import { generateAccount } from "@/lib/stripe-fixtures/generate";
import { pointAppAtDatabase } from "@/tests/support/app-env";
import { freshDb, type TestDb } from "@/tests/support/db";
import { startStripeServer, type StripeServer } from "@/tests/support/stripe-server";
import { T0, customer, price, subscription } from "@/tests/support/stripe-objects";

const API_KEY = "sk_test_quarantine";
const now = new Date((T0 + 3600) * 1000);
const at = (seconds: number) => new Date((T0 + seconds) * 1000);

const open: { close: () => unknown }[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const item of open.splice(0)) await item.close();
});
function database(): TestDb {
  const t = freshDb();
  open.push({ close: t.cleanup });
  return t;
}
const rows = (t: TestDb, sql: string) => t.db.prepare(sql).all();

describe("quarantine", () => {
  it("keeps an invalid object whole with its error, and releases it when a valid state as new arrives", () => {
    const t = database();
    const bad = { ...customer("cus_1"), created: "yesterday", unknown_field: { nested: true } };
    const result = ingestObjects(t.db, [{ object: bad, sourceAt: at(10) }], { now });
    expect(result.counts.invalid).toBe(1);
    expect(result.invalid).toEqual([
      { kind: "customer", id: "cus_1", error: expect.stringMatching(/created/) },
    ]);
    expect(rows(t, "SELECT kind, stripeId, raw, sourceAt, attempts FROM QuarantinedObject")).toEqual([
      {
        kind: "customer",
        stripeId: "cus_1",
        raw: JSON.stringify(bad),
        sourceAt: at(10).getTime(),
        attempts: 1,
      },
    ]);
    expect(quarantineSummary(t.db)).toEqual({ total: 1, byKind: { customer: 1 }, oldest: now });
    expect(overview(t.db, now).quarantined).toBe(1);

    // The same broken state again: still one entry, one more attempt.
    ingestObjects(t.db, [{ object: bad, sourceAt: at(10) }], { now });
    expect(rows(t, "SELECT attempts FROM QuarantinedObject")).toEqual([{ attempts: 2 }]);

    // An older valid state does not supersede it; a valid one at least as new does.
    ingestObjects(t.db, [{ object: customer("cus_1", { name: "Old" }), sourceAt: at(5) }], { now });
    expect(quarantineSummary(t.db).total).toBe(1);
    ingestObjects(t.db, [{ object: customer("cus_1", { name: "New" }), sourceAt: at(10) }], { now });
    expect(quarantineSummary(t.db).total).toBe(0);
    expect(rows(t, "SELECT name FROM Client")).toEqual([{ name: "New" }]);
  });

  it("does not quarantine an invalid state older than the mirrored one (it could change nothing)", () => {
    const t = database();
    ingestObjects(t.db, [{ object: customer("cus_1"), sourceAt: at(20) }], { now });
    const result = ingestObjects(
      t.db,
      [{ object: { ...customer("cus_1"), created: "x" }, sourceAt: at(10) }],
      {
        now,
      },
    );
    expect(result.outcomes).toEqual(["stale"]);
    expect(quarantineSummary(t.db).total).toBe(0);
  });

  it("keys an object without an id by its content", () => {
    const t = database();
    const { id: _id, ...anonymous } = customer("cus_x");
    ingestObjects(t.db, [{ object: anonymous, sourceAt: at(1) }], { now });
    expect(rows(t, "SELECT stripeId FROM QuarantinedObject")).toEqual([
      { stripeId: expect.stringMatching(/^\?/) },
    ]);
  });

  it("reads a subscription without a currency (from its prices) instead of dropping it", () => {
    const t = database();
    const sub = subscription("sub_1", "cus_1", [{ id: "si_1", price: "price_w", product: "prod_w" }]);
    const { currency: _currency, ...noCurrency } = sub;
    noCurrency.items.data[0]!.price = { ...noCurrency.items.data[0]!.price, currency: "eur" } as never;
    expect(ingestObjects(t.db, [{ object: noCurrency, sourceAt: at(1) }], { now }).counts.applied).toBe(1);
    expect(rows(t, "SELECT currency FROM SubscriptionMap")).toEqual([{ currency: "eur" }]);
  });

  it("retry re-validates: still-invalid ones stay with their new error, fixed ones are mirrored", () => {
    const t = database();
    ingestObjects(
      t.db,
      [
        { object: { ...price("price_1", "prod_1", "week"), product: null }, sourceAt: at(1) },
        { object: { ...customer("cus_1"), email: 42 }, sourceAt: at(1) },
      ],
      { now },
    );
    expect(quarantineSummary(t.db).total).toBe(2);
    t.db
      .prepare("UPDATE QuarantinedObject SET raw = ? WHERE stripeId = 'cus_1'")
      .run(JSON.stringify(customer("cus_1")));
    expect(retryQuarantine(t.db, { now })).toEqual({ tried: 2, released: 1, invalid: 1 });
    expect(rows(t, "SELECT stripeId, attempts FROM QuarantinedObject")).toEqual([
      { stripeId: "price_1", attempts: 2 },
    ]);
    expect(rows(t, "SELECT stripeId FROM Client")).toEqual([{ stripeId: "cus_1" }]);
  });
});

describe("sync with an object that fails validation", () => {
  async function setup(): Promise<{
    server: StripeServer;
    stripe: Stripe;
    t: TestDb;
    broken: Stripe.Subscription;
  }> {
    const account = generateAccount({ customers: 3, seed: 5, now });
    const server = await startStripeServer({ account, apiKey: API_KEY });
    open.push(server);
    const stripe = createStripe({ apiKey: API_KEY, host: "127.0.0.1", port: server.port, protocol: "http" });
    const first = account.subscriptions[0]!;
    // A shape no schema of ours reads: the subscription's status is missing.
    const broken = { ...first, status: undefined } as unknown as Stripe.Subscription;
    server.upsert("subscription", broken);
    return { server, stripe, t: database(), broken: first };
  }

  it("counts it as invalid, quarantines it, and mirrors it on the next sync once it reads", async () => {
    const { server, stripe, t, broken } = await setup();
    const report = await runSync(t.db, stripe, { now: () => now });
    expect(report.status).toBe("succeeded");
    expect(report.counts.subscription?.invalid).toBe(1);
    expect(report.invalid).toBe(1);
    expect(report.quarantined).toBe(1);
    expect(rows(t, "SELECT kind, stripeId FROM QuarantinedObject")).toEqual([
      { kind: "subscription", stripeId: broken.id },
    ]);

    server.upsert("subscription", broken); // Stripe's object reads again (or the reader was upgraded)
    const next = await runSync(t.db, stripe, { now: () => now, full: true });
    expect(next.quarantined).toBe(0);
    expect(rows(t, `SELECT status FROM SubscriptionMap WHERE stripeId = '${broken.id}'`)).toEqual([
      { status: broken.status },
    ]);
  });

  it("makes `./run sync` exit 3 (completed with problems) and name the quarantine", async () => {
    const { server, t } = await setup();
    pointAppAtDatabase(t.file, {
      STRIPE_SECRET_KEY: API_KEY,
      STRIPE_API_HOST: "127.0.0.1",
      STRIPE_API_PORT: String(server.port),
      STRIPE_API_PROTOCOL: "http",
    });
    vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const lines: string[] = [];
    const ctx = {
      db: sqlite(),
      now,
      out: (line: string) => lines.push(line),
      publicUrl: "http://127.0.0.1:3000",
    };
    expect(await sync.run({ values: {}, positionals: [] }, ctx)).toBe(3);
    expect(lines.join("\n")).toMatch(/invalid\s+1/);
    expect(lines.join("\n")).toMatch(/Completed with problems: 1 .*quarantine:list/);
    expect(await quarantineRetry.run({ values: {}, positionals: [] }, ctx)).toBe(3);
    pointAppAtDatabase(":memory:");
  });
});
