// Mirroring a Stripe account. End to end: runSync through the real SDK against the local
// Stripe-compatible server (own process), compared with fetching the same lists alone. The
// ingest step alone: ingestObjects on the fetched objects, compared with plain INSERTs of the
// same mirror rows (built beforehand, outside the timing) — the physical limit.
import type Stripe from "stripe";
import { figure } from "@/bench/report";
import { freshDb } from "@/bench/support/db";
import { measureIngestStep } from "@/bench/support/ingest-step";
import { scaled, timedAsync } from "@/bench/support/stats";
import { startStripeProcess } from "@/bench/support/stripe-process";
import type { BenchContext, BenchOutput, Benchmark } from "@/bench/types";
import { createStripe } from "@/lib/stripe/client";
import { completeNestedLists, listObjects } from "@/lib/stripe/fetch";
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

    const step = await measureIngestStep(ctx, objects);
    const { profile } = step;
    const perObjectUs = (step.bulk.ingestMs * 1000) / objects.length;

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
        childRows: step.childRows,
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
          label: "ingestObjects as a sync runs it (pages of 100, bulk-write mode, no reconcile)",
          value: perSecond(step.bulk.ingestMs),
          unit: "objects/s",
          baseline: {
            label: "plain INSERT of the same rows, bulk-write mode",
            value: perSecond(step.bulk.rawMs),
            unit: "objects/s",
          },
          goal: { on: "value", op: ">=", target: 10_000, note: "Stripe's live-mode ceiling (issue 14)" },
        }),
        figure({
          id: "ingest.step.plain",
          label: "ingestObjects with SQLite's default checkpoints (pages of 100, no reconcile)",
          value: perSecond(step.ingestMs),
          unit: "objects/s",
          baseline: {
            label: "plain INSERT of the same rows, default checkpoints",
            value: perSecond(step.rawMs),
            unit: "objects/s",
          },
        }),
      ],
      notes: [
        `runSync took ${(sync.ms / 1000).toFixed(1)} s, fetching alone ${(fetched.ms / 1000).toFixed(1)} s, ` +
          `ingestObjects ${(step.bulk.ingestMs / 1000).toFixed(1)} s in bulk-write mode (${(step.ingestMs / 1000).toFixed(1)} s with default checkpoints), ` +
          `plain INSERTs ${(step.bulk.rawMs / 1000).toFixed(2)} s (${(step.rawMs / 1000).toFixed(2)} s) (medians of ${step.rounds} alternating rounds).`,
        "Bulk-write mode (lib/db/bulk-writes.ts) is how runSync writes: automatic checkpoints 64 MB apart instead of SQLite's 4 MB, one at the end. Webhook batches write with the connection's own setting, and in the server a background thread checkpoints (lib/db/checkpointer.ts).",
        `CPU time (user + system, medians, bulk-write mode): ingestObjects ${perSecond(step.bulk.ingestCpuMs).toFixed(0)} objects per CPU-second, ` +
          `plain INSERTs ${perSecond(step.bulk.rawCpuMs).toFixed(0)}; the gap to wall time is waiting for the disk and for other processes.`,
        `Ingest profile, µs per object: ${perObjectUs.toFixed(0)} in all = validation ${profile.validate.toFixed(1)}, ` +
          `JSON serialisation ${profile.serialise.toFixed(1)}, hashing ${profile.hash.toFixed(1)}, ` +
          `row building ${profile.rows.toFixed(1)}, phone numbers ${profile.phones.toFixed(1)}, SQLite statements and commits ` +
          `${(perObjectUs - profile.validate - profile.serialise - profile.hash - profile.rows - profile.phones).toFixed(0)}.`,
        "The sync database has no rules, so its reconcile derives no bookings (derivation is the `derive` benchmark).",
        "Raw INSERTs: one transaction per 100 objects with their subscription items / invoice lines (ingest writes no more rows than these); rows, JSON and hashes built before the timing.",
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
