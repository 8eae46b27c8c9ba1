// Profiling harness for the ingest step (issue 14 §2), not a benchmark: fetches a generated
// account once through the real SDK (cached as JSON in the given directory), then runs
// ingestObjects on it in pages of 100 into a fresh database, so `node --cpu-prof` sees only
// ingest. Usage:
//   node --experimental-wasm-modules --import tsx --cpu-prof --cpu-prof-dir DIR \
//     bench/support/ingest-profile.ts DIR [customers]
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startStripeProcess } from "@/bench/support/stripe-process";
import { applyPendingMigrations } from "@/lib/db/migrations";
import { openSqlite } from "@/lib/db/sqlite";
import { createStripe } from "@/lib/stripe/client";
import { completeNestedLists, listObjects, PAGE_SIZE } from "@/lib/stripe/fetch";
import { ingestObjects } from "@/lib/stripe/ingest";
import { allObjectRows, insertRaw } from "@/bench/support/mirror-rows";
import { mirroredKinds } from "@/lib/stripe/schemas";

async function fetchObjects(file: string, customers: number): Promise<unknown[]> {
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as unknown[];
  const now = new Date("2026-12-01T00:00:00Z");
  const server = await startStripeProcess("sk_test_profile", {
    customers,
    subscriptionsPerCustomer: 2,
    invoicesPerCustomer: 10,
    seed: 11,
    now,
  });
  try {
    const stripe = createStripe({
      apiKey: "sk_test_profile",
      host: "127.0.0.1",
      port: server.port,
      protocol: "http",
    });
    const objects: unknown[] = [];
    for (const kind of mirroredKinds)
      for await (const object of listObjects(stripe, kind, {}))
        objects.push(await completeNestedLists(stripe, kind, object));
    writeFileSync(file, JSON.stringify(objects));
    return objects;
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const dir = process.argv[2] ?? "/tmp/ingest-profile";
  const customers = Number(process.argv[3] ?? 2000);
  mkdirSync(dir, { recursive: true });
  const objects = await fetchObjects(path.join(dir, `objects-${customers}.json`), customers);
  const template = path.join(dir, `template-${process.pid}.db`);
  await applyPendingMigrations(template);
  const now = new Date("2026-12-01T00:00:00Z");
  const items = objects.map((object) => ({ object, sourceAt: now }));
  const rows = allObjectRows(objects, now.getTime(), now.getTime());
  const rounds = Number(process.env.ROUNDS ?? 1);
  const modes = (process.env.MODES ?? "ingest").split(",");
  // Objects per ingestObjects call (and per plain-INSERT transaction): a sync's page, or several.
  const pageSize = Number(process.env.PAGE ?? PAGE_SIZE);
  for (let round = 0; round < rounds; round += 1)
    for (const mode of modes) {
      const file = path.join(dir, `ingest-${process.pid}-${round}-${mode}.db`);
      copyFileSync(template, file);
      const db = openSqlite(file);
      if (process.env.CKPT) db.pragma(`wal_autocheckpoint = ${process.env.CKPT}`);
      const cpu = process.cpuUsage();
      const started = performance.now();
      let applied = 0;
      if (mode === "raw") insertRaw(db, rows, pageSize);
      else
        for (let i = 0; i < items.length; i += pageSize)
          applied += ingestObjects(db, items.slice(i, i + pageSize), { now, reconcile: false }).counts
            .applied;
      const ms = performance.now() - started;
      const used = process.cpuUsage(cpu);
      process.stdout.write(
        `${mode} round ${round + 1}: ${objects.length} objects, ${applied} applied in ${ms.toFixed(0)} ms = ` +
          `${Math.round(objects.length / (ms / 1000))} objects/s; CPU user ${(used.user / 1000).toFixed(0)} sys ${(used.system / 1000).toFixed(0)} ms\n`,
      );
      db.close();
      rmSync(file, { force: true });
      rmSync(`${file}-wal`, { force: true });
      rmSync(`${file}-shm`, { force: true });
    }
}

void main();
