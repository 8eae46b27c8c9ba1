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
/**
 * Ids starting with a prefix as an index range (`>= prefix AND < prefix + U+FFFF`): a LIKE is
 * case-insensitive, so SQLite scanned the whole table, payloads included, at every poll — tens
 * of ms of the benchmark process's thread (which also paces the 200/s deliveries) every 25 ms.
 */
const prefixRange = (prefix: string) => [prefix, `${prefix}\uffff`] as const;
const prefixCount = (db: ReadOnlyDb, table: string, column: string, prefix: string) =>
  countRow.parse(
    db
      .prepare(`SELECT count(*) AS n FROM ${table} WHERE ${column} >= ? AND ${column} < ?`)
      .get(...prefixRange(prefix)),
  ).n;

/** Events of a pool by status (plus `stored`, the number of rows). */
export function poolStatus(db: ReadOnlyDb, pool: EventPool): Record<string, number> {
  const rows = z
    .array(z.object({ status: z.string(), n: z.number() }))
    .parse(
      db
        .prepare(
          "SELECT status, count(*) AS n FROM WebhookEvent WHERE stripeEventId >= ? AND stripeEventId < ? GROUP BY status",
        )
        .all(...prefixRange(`evt_${pool.tag}`)),
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
    // 50 ms: the drain time is measured to ±1% of its seconds, and the reader stays out of the way.
    await sleep(50);
  }
  return null;
}

/** Statuses of an event not applied yet (lib/webhooks/admin-log.ts lists them all). */
const UNSETTLED = ["pending", "failed", "quarantined"] as const;

/**
 * Waits until no event received at or before `receivedAt` (epoch ms) is left unapplied; returns
 * the ms waited (or null on timeout). For the backlog phase, whose events all carry one
 * receipt time: the count is read from the server's (status, receivedAt) index alone.
 * `poolStatus` reads every event row of the pool (payloads included, 20 MB for a 10,000-event
 * backlog) at every poll, which took the benchmark's thread — the one pacing the 200/s
 * deliveries, whose lateness counts as latency — and a share of the second core.
 */
export async function waitUntilReceivedApplied(
  db: ReadOnlyDb,
  receivedAt: number,
  timeoutMs: number,
): Promise<number | null> {
  const statement = db.prepare(
    `SELECT count(*) AS n FROM WebhookEvent INDEXED BY WebhookEvent_status_receivedAt_idx
     WHERE status IN (${UNSETTLED.map(() => "?").join(", ")}) AND receivedAt <= ?`,
  );
  const start = performance.now();
  while (performance.now() - start < timeoutMs) {
    if (countRow.parse(statement.get(...UNSETTLED, receivedAt)).n === 0) return performance.now() - start;
    await sleep(50);
  }
  return null;
}

/** Nothing lost, nothing doubled: stored events, their statuses, and the mirror rows they produced. */
export function verifyPools(db: ReadOnlyDb, pools: EventPool[], clientsBefore: number): Check[] {
  const sent = pools.reduce((n, p) => n + p.eventIds.length, 0);
  const stored = pools.reduce(
    (n, p) => n + prefixCount(db, "WebhookEvent", "stripeEventId", `evt_${p.tag}`),
    0,
  );
  const applied = pools.reduce((n, p) => n + settled(poolStatus(db, p)), 0);
  const customers = pools.reduce((n, p) => n + p.customerIds.length, 0);
  const subscriptions = pools.reduce((n, p) => n + p.subscriptionIds.length, 0);
  const clients = pools.reduce((n, p) => n + prefixCount(db, "Client", "stripeId", `cus_${p.tag}`), 0);
  const subs = pools.reduce((n, p) => n + prefixCount(db, "SubscriptionMap", "stripeId", `sub_${p.tag}`), 0);
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
