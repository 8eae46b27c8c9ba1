import { buildEventPool } from "@/bench/support/webhook-events";
import { openSqlite } from "@/lib/db/sqlite";
import { applyPendingMigrations } from "@/lib/db/migrations";
import { loadDemoData } from "@/lib/demo";
import { storeWebhook } from "@/lib/webhooks/receive";
import { processPendingWebhooks } from "@/lib/webhooks/process";
import { eventSchema } from "@/lib/stripe/schemas";
const now = new Date();
const n = Number(process.argv[2] ?? 2000);
async function once(batchSize: number | undefined) {
  const file = `/tmp/diag/w-${Date.now()}-${Math.random()}.db`;
  await applyPendingMigrations(file);
  const db = openSqlite(file);
  loadDemoData(db, now);
  const pool = buildEventPool({ tag: "bx", distinct: n, duplicateShare: 0, now, seed: 3 });
  for (const body of pool.bodies) storeWebhook(db, eventSchema.parse(JSON.parse(body)), body, now);
  const t0 = performance.now();
  await processPendingWebhooks(db, { now: () => now, stripe: null, batchSize });
  const ms = performance.now() - t0;
  db.close();
  return n / (ms / 1000);
}
for (let i = 0; i < 2; i++) {
  const one = await once(1); const batch = await once(undefined);
  console.log(`one-by-one ${one.toFixed(0)}/s  batched ${batch.toFixed(0)}/s  ratio ${(batch / one).toFixed(2)}`);
}
