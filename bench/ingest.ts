// Mirroring a Stripe account. End to end: runSync through the real SDK against the local
// Stripe-compatible server (own process), compared with fetching the same lists alone. The
// ingest step alone: ingestObjects on the fetched objects, compared with plain INSERTs of the
// same mirror rows (built beforehand, outside the timing) — the physical limit.
import type Stripe from "stripe";
import { figure } from "@/bench/report";
import { freshDb } from "@/bench/support/db";
import { allObjectRows, insertRaw } from "@/bench/support/mirror-rows";
import { scaled, timed, timedAsync } from "@/bench/support/stats";
import { startStripeProcess } from "@/bench/support/stripe-process";
import type { BenchContext, BenchOutput, Benchmark } from "@/bench/types";
import { createStripe } from "@/lib/stripe/client";
import { completeNestedLists, listObjects, PAGE_SIZE } from "@/lib/stripe/fetch";
import { ingestObjects } from "@/lib/stripe/ingest";
import { mirroredKinds, type MirroredKind } from "@/lib/stripe/schemas";
import { runSync } from "@/lib/stripe/sync";

const API_KEY = "sk_test_bench_ingest";
const FULL = { customers: 10_000, subscriptionsPerCustomer: 2, invoicesPerCustomer: 10 };
/** runSync's default number of object types fetched at once. */
const SYNC_CONCURRENCY = 3;

/** Lists every object of every type, the way sync reads them (nested lists completed, 3 types at a time). */
async function fetchAll(stripe: Stripe): Promise<Map<MirroredKind, unknown[]>> {
  const byKind = new Map<MirroredKind, unknown[]>();
  const queue = [...mirroredKinds];
  const worker = async () => {
    for (let kind = queue.shift(); kind !== undefined; kind = queue.shift()) {
      const objects: unknown[] = [];
      for await (const object of listObjects(stripe, kind, {}))
        objects.push(await completeNestedLists(stripe, kind, object));
      byKind.set(kind, objects);
    }
  };
  await Promise.all(Array.from({ length: SYNC_CONCURRENCY }, worker));
  return byKind;
}

function pages<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function run(ctx: BenchContext): Promise<BenchOutput> {
  const scale = ctx.scale ?? ingest.defaultScale;
  const customers = scaled(FULL.customers, scale, 10);
  const now = ctx.now;
  ctx.progress(`ingest: generating and serving an account of ${customers} customers`);
  const server = await startStripeProcess(API_KEY, { ...FULL, customers, seed: 11, now });
  try {
    const stripe = createStripe({ apiKey: API_KEY, host: "127.0.0.1", port: server.port, protocol: "http" });

    ctx.progress("ingest: fetching every list (baseline of the sync)");
    const fetched = await timedAsync(() => fetchAll(stripe));
    const objects = mirroredKinds.flatMap((kind) => fetched.value.get(kind) ?? []);
    const count = (kind: MirroredKind) => fetched.value.get(kind)?.length ?? 0;

    ctx.progress(`ingest: runSync of ${objects.length} objects into a fresh database`);
    const syncDb = await freshDb(ctx, "ingest-sync");
    const sync = await timedAsync(() =>
      runSync(syncDb.db, stripe, { now: () => now, concurrency: SYNC_CONCURRENCY }),
    );
    syncDb.db.close();
    if (sync.value.status !== "succeeded")
      throw new Error(`runSync failed: ${sync.value.error ?? "unknown"}`);
    const synced = Object.entries(sync.value.counts)
      .filter(([kind]) => kind !== "events")
      .reduce((n, [, c]) => n + c.fetched, 0);
    if (synced !== objects.length)
      throw new Error(`runSync fetched ${synced} objects, the lists hold ${objects.length}`);

    ctx.progress("ingest: ingestObjects alone, pages of 100, reconcile off");
    const ingestDb = await freshDb(ctx, "ingest-step");
    const items = objects.map((object) => ({ object, sourceAt: now }));
    const step = timed(() => {
      let applied = 0;
      for (const page of pages(items, PAGE_SIZE))
        applied += ingestObjects(ingestDb.db, page, { now, reconcile: false }).counts.applied;
      return applied;
    });
    ingestDb.db.close();
    if (step.value !== objects.length)
      throw new Error(`ingest applied ${step.value} of ${objects.length} objects`);

    ctx.progress("ingest: plain INSERTs of the same mirror rows (baseline of the ingest step)");
    const rows = allObjectRows(objects, now.getTime(), now.getTime());
    const rawDb = await freshDb(ctx, "ingest-raw");
    const raw = timed(() => insertRaw(rawDb.db, rows, PAGE_SIZE));
    rawDb.db.close();

    const perSecond = (ms: number) => objects.length / (ms / 1000);
    return {
      scale,
      sizes: {
        customers: count("customer"),
        subscriptions: count("subscription"),
        invoices: count("invoice"),
        invoiceItems: count("invoiceitem"),
        productsAndPrices: count("product") + count("price"),
        objects: objects.length,
        childRows: rows.reduce((n, r) => n + r.children.length, 0),
      },
      figures: [
        figure({
          id: "ingest.sync",
          label: "runSync end to end",
          value: perSecond(sync.ms),
          unit: "objects/s",
          baseline: {
            label: "fetching the same lists alone",
            value: perSecond(fetched.ms),
            unit: "objects/s",
          },
        }),
        figure({
          id: "ingest.step",
          label: "ingestObjects (pages of 100, no reconcile)",
          value: perSecond(step.ms),
          unit: "objects/s",
          baseline: { label: "plain INSERT of the same rows", value: perSecond(raw.ms), unit: "objects/s" },
          goal: { on: "ratio", op: ">=", target: 0.25 },
        }),
      ],
      notes: [
        `runSync took ${(sync.ms / 1000).toFixed(1)} s, fetching alone ${(fetched.ms / 1000).toFixed(1)} s, ` +
          `ingestObjects ${(step.ms / 1000).toFixed(1)} s, plain INSERTs ${(raw.ms / 1000).toFixed(2)} s.`,
        "The sync database has no rules, so its reconcile derives no bookings (derivation is the `derive` benchmark).",
        "Raw INSERTs: one transaction per 100 objects with their subscription items / invoice lines; no DedupEvent rows.",
      ],
    };
  } finally {
    await server.stop();
  }
}

export const ingest: Benchmark = {
  name: "ingest",
  description: "Stripe account → mirror: runSync end to end, and the ingest step alone vs plain INSERTs",
  defaultScale: 0.5,
  run,
};
