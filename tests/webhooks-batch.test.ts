// Property: applying stored webhook events in batches (one transaction per batch) ends in the
// same state as applying them one by one: the same mirror rows, the same seen events, the same
// status of every event (failed ones included), and the same live bookings. One by one may
// also leave cancelled rows and higher SEQUENCE numbers for intermediate states that a batch
// derives past; calendar apps never saw those states from a batch.
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import type { Sqlite } from "@/lib/db/sqlite";
import { seedDefaultRules } from "@/lib/rules/defaults";
import { ingestObjects } from "@/lib/stripe/ingest";
import { eventSchema } from "@/lib/stripe/schemas";
import { generateAccount } from "@/lib/stripe-fixtures/generate";
import { processPendingWebhooks } from "@/lib/webhooks/process";
import { storeWebhook } from "@/lib/webhooks/receive";
import { freshDb, type TestDb } from "@/tests/support/db";
import { MIRROR_TABLES } from "@/tests/support/faults/state";
import { dumpState } from "@/tests/support/stripe-objects";

const NOW = new Date("2026-11-02T10:00:00Z");
const account = generateAccount({ customers: 6, seed: 21, now: NOW });
const T = Math.floor(NOW.getTime() / 1000) - 3600;

const open: TestDb[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.cleanup();
});

type Obj = { id: string; object: string } & Record<string, unknown>;
const subjects: Obj[] = [
  ...(account.customers as unknown as Obj[]),
  ...(account.subscriptions as unknown as Obj[]),
  ...(account.invoices as unknown as Obj[]).slice(0, 12),
];
const subStatuses = ["incomplete", "active", "past_due", "canceled", "trialing"];
const invoiceStatuses = ["draft", "open", "paid", "void"];

/** One state of one object: a variant of its status or name, or a broken copy. */
const eventSpec = fc.record({
  subject: fc.integer({ min: 0, max: subjects.length - 1 }),
  variant: fc.integer({ min: 0, max: 4 }),
  second: fc.integer({ min: 0, max: 5 }),
  broken: fc.constantFrom(false, false, false, false, false, false, false, true),
  unmirrored: fc.constantFrom(false, false, false, false, false, true),
});
type EventSpec = ValueOf<typeof eventSpec>;
type ValueOf<A> = A extends fc.Arbitrary<infer V> ? V : never;

function payload(spec: EventSpec, index: number): string {
  const base = subjects[spec.subject] as Obj;
  const object: Record<string, unknown> = { ...base };
  if (base.object === "subscription") object.status = subStatuses[spec.variant % subStatuses.length];
  else if (base.object === "invoice") object.status = invoiceStatuses[spec.variant % invoiceStatuses.length];
  else object.name = `Name ${spec.variant}`;
  if (spec.broken) delete object.customer;
  if (spec.broken && base.object === "customer") object.created = "yesterday";
  const type = spec.unmirrored
    ? "charge.succeeded"
    : `${base.object === "subscription" ? "customer.subscription" : base.object}.updated`;
  return JSON.stringify({
    id: `evt_batch${String(index).padStart(6, "0")}`,
    object: "event",
    type,
    created: T + spec.second,
    livemode: false,
    data: { object: spec.unmirrored ? { id: `ch_${index}`, object: "charge" } : object },
  });
}

function database(): Sqlite {
  const db = freshDb();
  open.push(db);
  seedDefaultRules(db.db, NOW);
  const catalog = [...account.products, ...account.prices].map((object) => ({ object, sourceAt: NOW }));
  ingestObjects(db.db, catalog, { now: NOW });
  return db.db;
}

async function applied(payloads: string[], batchSize: number | undefined) {
  const db = database();
  for (const body of payloads) storeWebhook(db, eventSchema.parse(JSON.parse(body)), body, NOW);
  await processPendingWebhooks(db, { now: () => NOW, stripe: null, batchSize });
  return {
    mirror: dumpState(db, [...MIRROR_TABLES]),
    seen: dumpState(db, ["DedupEvent"]),
    events: db.prepare("SELECT stripeEventId, status, error, attempts FROM WebhookEvent ORDER BY id").all(),
    liveBookings: dumpState(db, ["Booking"], ["sequence", "createdAt", "updatedAt"]).Booking?.filter(
      (row) => (row as { status: string }).status !== "cancelled",
    ),
  };
}

describe("webhook events applied in batches", () => {
  it("derive bookings and quarantine a broken object in a batch as one by one does", async () => {
    const specs: EventSpec[] = subjects.map((_, subject) => ({
      subject,
      variant: 1,
      second: 0,
      broken: subject === 0,
      unmirrored: false,
    }));
    const payloads = specs.map(payload);
    const batched = await applied(payloads, 50);
    expect(batched.liveBookings?.length).toBeGreaterThan(0);
    expect(batched.events.filter((e) => (e as { status: string }).status === "quarantined")).toHaveLength(1);
    expect(batched).toEqual(await applied(payloads, 1));
  });

  it("end in the same state as applied one by one (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(eventSpec, { minLength: 1, maxLength: 60 }),
        fc.option(fc.integer({ min: 2, max: 40 }), { nil: undefined }),
        async (specs, batchSize) => {
          const payloads = specs.map(payload);
          const one = await applied(payloads, 1);
          const batched = await applied(payloads, batchSize);
          expect(batched.events).toEqual(one.events);
          expect(batched.mirror).toEqual(one.mirror);
          expect(batched.seen).toEqual(one.seen);
          expect(batched.liveBookings).toEqual(one.liveBookings);
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});
