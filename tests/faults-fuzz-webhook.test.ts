// Malformed input to POST /api/stripe/webhook (route handler in-process): random bodies,
// random headers, validly signed random JSON, validly signed event envelopes carrying random
// objects. Never a 500; every error is problem JSON and changes nothing; an accepted event is
// stored once and its processing ends in a recorded outcome, never a broken file.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/stripe/webhook/route";
import { closeSqlite, openSqlite, type Sqlite } from "@/lib/db/sqlite";
import { mirroredKinds } from "@/lib/stripe/schemas";
import { webhookWorkerIdle } from "@/lib/webhooks/worker";
import { preparedDataDir, removeDataDirs } from "@/tests/support/faults/data-dir";
import { signature } from "@/tests/support/faults/events";
import {
  anyBody,
  badSignature,
  contentType,
  expectProblem,
  headerName,
  headerValue,
} from "@/tests/support/faults/fuzz";
import { IN_PROCESS_SECRET, pointAppAt } from "@/tests/support/faults/in-process";
import { integrity, rowCounts } from "@/tests/support/faults/state";

const ctx = { params: Promise.resolve({}) };
let db: Sqlite;
beforeAll(() => {
  const dir = preparedDataDir();
  pointAppAt(dir.file);
  db = openSqlite(dir.file);
});
afterAll(async () => {
  await webhookWorkerIdle();
  closeSqlite();
  db.close();
  removeDataDirs();
});

function request(body: string, headers: Record<string, string | undefined>): Request {
  const defined = Object.fromEntries(
    Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  return new Request("http://localhost/api/stripe/webhook", { method: "POST", headers: defined, body });
}

/** Sends, waits for the worker, and returns the answer with the row counts before and after. */
async function send(req: Request) {
  const before = rowCounts(db);
  const response = await POST(req, ctx);
  await webhookWorkerIdle();
  return { response, before, after: rowCounts(db) };
}

async function expectRejectedWithoutChange(req: Request, allowed: number[]): Promise<void> {
  const { response, before, after } = await send(req);
  expect(allowed).toContain(response.status);
  await expectProblem(response);
  expect(after).toEqual(before);
}

describe("webhook route under malformed input", () => {
  it("random bodies and headers, unsigned or badly signed: 4xx problem JSON, no change (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        anyBody,
        contentType,
        badSignature,
        fc.dictionary(headerName, headerValue, { maxKeys: 4 }),
        async (body, type, sig, extra) => {
          await expectRejectedWithoutChange(
            request(body, { ...extra, "content-type": type, "stripe-signature": sig }),
            [400, 413, 415],
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it("validly signed JSON that is not a Stripe event: 400 problem JSON, no change (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.json({ maxDepth: 4 }), fc.string()), async (body) => {
        await expectRejectedWithoutChange(
          request(body, {
            "content-type": "application/json",
            "stripe-signature": signature(body, IN_PROCESS_SECRET),
          }),
          [400],
        );
      }),
      { numRuns: 150 },
    );
  });

  it("validly signed envelopes carrying random objects: stored once, processed to a recorded outcome (property)", async () => {
    // Mostly plausible timestamps, sometimes far outside what a Date can hold.
    const created = fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: 1_500_000_000, max: 2_000_000_000 }) },
      { weight: 1, arbitrary: fc.oneof(fc.maxSafeNat(), fc.integer({ min: -10, max: -1 }), fc.double()) },
    );
    const id = fc.oneof(
      fc.constantFrom("cus_1", "cus_2", "sub_1", "in_1", "prod_1", "price_1", "ii_1"),
      fc.string({ maxLength: 12 }),
    );
    const maybe = <T>(value: fc.Arbitrary<T>) => fc.oneof(value, fc.jsonValue());
    // Objects that are nearly a customer or product (each field right or random), or anything.
    const object = fc.oneof(
      fc.record(
        {
          id,
          object: fc.constantFrom(...mirroredKinds),
          created,
          name: maybe(fc.string()),
          email: maybe(fc.option(fc.string())),
          active: maybe(fc.boolean()),
          deleted: fc.boolean(),
          metadata: maybe(fc.dictionary(fc.string(), fc.string())),
          items: fc.jsonValue(),
          lines: fc.record({
            object: fc.constant("list"),
            data: fc.array(fc.jsonValue(), { maxLength: 2 }),
            has_more: fc.constant(false),
          }),
        },
        { requiredKeys: ["object"] },
      ),
      fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 5 }),
    );
    const envelope = fc.record({
      id: fc.oneof(
        { weight: 5, arbitrary: fc.string().map((s) => `evt_${s}`) },
        { weight: 1, arbitrary: fc.string() },
      ),
      object: fc.oneof({ weight: 5, arbitrary: fc.constant("event") }, { weight: 1, arbitrary: fc.string() }),
      type: fc.oneof(
        fc.constantFrom("customer.created", "customer.deleted", "product.updated", "invoice.paid"),
        fc.string(),
      ),
      created,
      livemode: fc.oneof({ weight: 5, arbitrary: fc.boolean() }, { weight: 1, arbitrary: fc.jsonValue() }),
      data: fc.oneof(
        { weight: 5, arbitrary: fc.record({ object }) },
        { weight: 1, arbitrary: fc.jsonValue() },
      ),
    });
    await fc.assert(
      fc.asyncProperty(envelope, async (event) => {
        const body = JSON.stringify(event);
        const sig = signature(body, IN_PROCESS_SECRET);
        const { response, before, after } = await send(
          request(body, { "content-type": "application/json", "stripe-signature": sig }),
        );
        expect([200, 400]).toContain(response.status);
        if (response.status !== 200) {
          await expectProblem(response);
          expect(after).toEqual(before);
          return;
        }
        const answer = (await response.json()) as { duplicate: boolean };
        expect(after.WebhookEvent).toBe(before.WebhookEvent + (answer.duplicate ? 0 : 1));
        const row = db
          .prepare("SELECT status, attempts, error FROM WebhookEvent WHERE stripeEventId = ?")
          .get(event.id) as {
          status: string;
          attempts: number;
          error: string | null;
        };
        // Applied, ignored, failed with a reason, quarantined with the reason (its object kept whole),
        // or waiting for a retry with the reason recorded.
        if (row.status === "pending") expect(row.error && row.attempts > 0).toBeTruthy();
        else if (row.status === "quarantined") {
          expect(row.error).toBeTruthy();
          const kept = db.prepare("SELECT count(*) AS n FROM QuarantinedObject").get() as { n: number };
          expect(kept.n).toBeGreaterThan(0);
        } else expect(["processed", "ignored", "failed"]).toContain(row.status);
      }),
      { numRuns: 200 },
    );
    expect(integrity(db)).toBe("ok");
  });
});
