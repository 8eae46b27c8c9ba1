// Profiling harness for the webhook worker (issue 14 §3), not a benchmark: a migrated database
// with the demo business (as the production server in demo mode), a backlog of N stored
// events (half customers, half subscriptions, as bench/webhooks.ts), then
// processPendingWebhooks alone, so `node --cpu-prof` sees only the worker. Usage:
//   node --experimental-wasm-modules --import tsx [--cpu-prof] bench/support/worker-profile.ts DIR [events]
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { buildEventPool } from "@/bench/support/webhook-events";
import { applyPendingMigrations } from "@/lib/db/migrations";
import { openSqlite, enableBackgroundCheckpoints } from "@/lib/db/sqlite";
import { startCheckpointer } from "@/lib/db/checkpointer";
import { loadDemoData } from "@/lib/demo";
import { eventSchema } from "@/lib/stripe/schemas";
import { storeWebhook } from "@/lib/webhooks/receive";
import { processPendingWebhooks } from "@/lib/webhooks/process";

async function main(): Promise<void> {
  const dir = process.argv[2] ?? "/tmp/worker-profile";
  const events = Number(process.argv[3] ?? 4000);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `worker-${process.pid}.db`);
  await applyPendingMigrations(file);
  // THREAD=1: WAL checkpoints on a worker thread, as the production server does (server/serve.ts).
  if (process.env.THREAD === "1") enableBackgroundCheckpoints();
  const db = openSqlite(file);
  const now = new Date();
  loadDemoData(db, now);
  if (process.env.CKPT) db.pragma(`wal_autocheckpoint = ${process.env.CKPT}`);
  const pool = buildEventPool({ tag: "prof", distinct: events, duplicateShare: 0, now, seed: 9 });
  db.transaction(() => {
    for (const body of pool.bodies) storeWebhook(db, eventSchema.parse(JSON.parse(body)), body, now);
  })();
  const checkpointer = process.env.THREAD === "1" ? startCheckpointer(file) : null;
  let slices = 0;
  let longest = 0;
  const durations: number[] = [];
  let last = performance.now();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const summary = await processPendingWebhooks(db, {
    now: () => new Date(),
    stripe: null,
    ...(process.env.BATCH ? { batchSize: Number(process.env.BATCH) } : {}),
    between: async () => {
      const at = performance.now();
      longest = Math.max(longest, at - last);
      durations.push(at - last);
      slices += 1;
      await new Promise((resolve) => setImmediate(resolve));
      last = performance.now();
    },
  });
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  process.stdout.write(
    `${JSON.stringify(summary)} in ${ms.toFixed(0)} ms = ${Math.round(events / (ms / 1000))} events/s; ` +
      `CPU user ${(used.user / 1000).toFixed(0)} sys ${(used.system / 1000).toFixed(0)} ms; ` +
      `${slices} batches, p50 ${quantile(durations, 0.5).toFixed(1)} p99 ${quantile(durations, 0.99).toFixed(1)} ` +
      `longest ${longest.toFixed(1)} ms\n`,
  );
  await checkpointer?.stop();
  db.close();
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

void main();
