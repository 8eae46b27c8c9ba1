// Profiling harness for runSync (issue 14 §2 (b)), not a benchmark: a generated account served
// by the local Stripe-compatible server in its own process, synced into a fresh database with
// no latency and no limit, so `node --cpu-prof` sees the sync's own thread. Usage:
//   [MAIN_THREAD=1] node --experimental-wasm-modules --import tsx [--cpu-prof] bench/support/sync-profile.ts DIR [customers]
// MAIN_THREAD=1 lists the pages on the sync's own thread instead of the fetch thread.
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { startStripeProcess } from "@/bench/support/stripe-process";
import { applyPendingMigrations } from "@/lib/db/migrations";
import { openSqlite } from "@/lib/db/sqlite";
import { createStripe } from "@/lib/stripe/client";
import { runSync } from "@/lib/stripe/sync";

async function main(): Promise<void> {
  const dir = process.argv[2] ?? "/tmp/sync-profile";
  const customers = Number(process.argv[3] ?? 2500);
  mkdirSync(dir, { recursive: true });
  const now = new Date("2026-12-01T00:00:00Z");
  const server = await startStripeProcess("sk_test_profile", {
    customers,
    subscriptionsPerCustomer: 2,
    invoicesPerCustomer: 10,
    seed: 13,
    now,
  });
  const file = path.join(dir, `sync-${process.pid}.db`);
  try {
    await applyPendingMigrations(file);
    const db = openSqlite(file);
    if (process.env.CKPT) db.pragma(`wal_autocheckpoint = ${process.env.CKPT}`);
    const client = {
      apiKey: "sk_test_profile",
      host: "127.0.0.1",
      port: server.port,
      protocol: "http",
    } as const;
    const stripe = createStripe(client);
    const cpu = process.cpuUsage();
    const started = performance.now();
    const report = await runSync(db, stripe, {
      now: () => now,
      ...(process.env.MAIN_THREAD === "1" ? {} : { client }),
    });
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    process.stdout.write(
      `${report.status}: ${server.objects} objects in ${ms.toFixed(0)} ms = ${Math.round(server.objects / (ms / 1000))} objects/s; ` +
        `CPU user ${(used.user / 1000).toFixed(0)} sys ${(used.system / 1000).toFixed(0)} ms; ${report.requests} requests\n`,
    );
    db.close();
  } finally {
    await server.stop();
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
  }
}

void main();
