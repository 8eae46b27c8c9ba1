// Profiling harness for the webhook worker (issue 14 §3), not a benchmark: a migrated database
// with the demo business (as the production server in demo mode), a backlog of N stored
// events (half customers, half subscriptions, as bench/webhooks.ts), then
// processPendingWebhooks alone, so `node --cpu-prof` sees only the worker. Usage:
//   node --experimental-wasm-modules --import tsx [--cpu-prof] bench/support/worker-profile.ts DIR [events]
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { buildEventPool } from "@/bench/support/webhook-events";
import { applyPendingMigrations } from "@/lib/db/migrations";
import { openSqlite } from "@/lib/db/sqlite";
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
  const db = openSqlite(file);
  const now = new Date();
  loadDemoData(db, now);
  if (process.env.CKPT) db.pragma(`wal_autocheckpoint = ${process.env.CKPT}`);
  const pool = buildEventPool({ tag: "prof", distinct: events, duplicateShare: 0, now, seed: 9 });
  db.transaction(() => {
    for (const body of pool.bodies) storeWebhook(db, eventSchema.parse(JSON.parse(body)), body, now);
  })();
  let slices = 0;
  let longest = 0;
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
      `${slices} batches, longest ${longest.toFixed(1)} ms\n`,
  );
  db.close();
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
}

void main();
