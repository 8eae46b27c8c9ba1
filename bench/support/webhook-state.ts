// What the server did with the deliveries, read from its SQLite file through a read-only
// connection (WAL lets it read while the server writes).
import Database from "better-sqlite3";
import { z } from "zod";
import type { Check } from "@/bench/types";
import type { EventPool } from "@/bench/support/webhook-events";
import { sleep } from "@/bench/support/stats";

export type ReadOnlyDb = Database.Database;

export function openReadOnly(file: string): ReadOnlyDb {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  return db;
}

const countRow = z.object({ n: z.number() });
const prefixCount = (db: ReadOnlyDb, sql: string, prefix: string) =>
  countRow.parse(db.prepare(sql).get(`${prefix}%`)).n;

/** Events of a pool by status (plus `stored`, the number of rows). */
export function poolStatus(db: ReadOnlyDb, pool: EventPool): Record<string, number> {
  const rows = z
    .array(z.object({ status: z.string(), n: z.number() }))
    .parse(
      db
        .prepare("SELECT status, count(*) AS n FROM WebhookEvent WHERE stripeEventId LIKE ? GROUP BY status")
        .all(`evt_${pool.tag}%`),
    );
  const status: Record<string, number> = { stored: 0 };
  for (const row of rows) {
    status[row.status] = row.n;
    status.stored = (status.stored ?? 0) + row.n;
  }
  return status;
}

const settled = (status: Record<string, number>) => (status.processed ?? 0) + (status.ignored ?? 0);

/** Waits until every event of the pools is stored and processed/ignored; returns the ms waited (or null on timeout). */
export async function waitUntilApplied(
  db: ReadOnlyDb,
  pools: EventPool[],
  timeoutMs: number,
): Promise<number | null> {
  const start = performance.now();
  while (performance.now() - start < timeoutMs) {
    const done = pools.every((pool) => settled(poolStatus(db, pool)) === pool.eventIds.length);
    if (done) return performance.now() - start;
    await sleep(25);
  }
  return null;
}

/** Nothing lost, nothing doubled: stored events, their statuses, and the mirror rows they produced. */
export function verifyPools(db: ReadOnlyDb, pools: EventPool[], clientsBefore: number): Check[] {
  const sent = pools.reduce((n, p) => n + p.eventIds.length, 0);
  const stored = pools.reduce(
    (n, p) =>
      n +
      prefixCount(db, "SELECT count(*) AS n FROM WebhookEvent WHERE stripeEventId LIKE ?", `evt_${p.tag}`),
    0,
  );
  const applied = pools.reduce((n, p) => n + settled(poolStatus(db, p)), 0);
  const customers = pools.reduce((n, p) => n + p.customerIds.length, 0);
  const subscriptions = pools.reduce((n, p) => n + p.subscriptionIds.length, 0);
  const clients = pools.reduce(
    (n, p) => n + prefixCount(db, "SELECT count(*) AS n FROM Client WHERE stripeId LIKE ?", `cus_${p.tag}`),
    0,
  );
  const subs = pools.reduce(
    (n, p) =>
      n + prefixCount(db, "SELECT count(*) AS n FROM SubscriptionMap WHERE stripeId LIKE ?", `sub_${p.tag}`),
    0,
  );
  const allClients = countRow.parse(db.prepare("SELECT count(*) AS n FROM Client").get()).n;
  return [
    {
      label: "WebhookEvent rows = distinct event ids sent",
      ok: stored === sent,
      detail: `${stored} stored, ${sent} sent`,
    },
    {
      label: "every stored event processed or ignored",
      ok: applied === sent,
      detail: `${applied} of ${sent}`,
    },
    {
      label: "Client rows = distinct customers sent (+ demo clients)",
      ok: clients === customers && allClients === clientsBefore + customers,
      detail: `${clients} bench clients for ${customers} customers; ${allClients} in all = ${clientsBefore} before + ${allClients - clientsBefore}`,
    },
    {
      label: "SubscriptionMap rows = distinct subscriptions sent",
      ok: subs === subscriptions,
      detail: `${subs} rows, ${subscriptions} sent`,
    },
  ];
}

export function countClients(db: ReadOnlyDb): number {
  return countRow.parse(db.prepare("SELECT count(*) AS n FROM Client").get()).n;
}
