// Processing stored webhook events. Pending events are applied in batches: each batch's events
// go through ingest together, with their status changes, in ONE transaction, so a crash
// leaves them all pending and they are applied at the next start: none is lost, none doubled.
import type { Statement } from "better-sqlite3";
import type Stripe from "stripe";
import { z } from "zod";
import type { Sqlite } from "@/lib/db/sqlite";
import { log } from "@/lib/log";
import { contentHash, ingestObjects, type IngestItem, type TiedObject } from "@/lib/stripe/ingest";
import { resolveTies } from "@/lib/stripe/refetch";
import type { ChangeOrigin } from "@/lib/bookings/history";
import { eventObjectKind, eventToIngestItem } from "@/lib/stripe/events";
import { completeNestedLists } from "@/lib/stripe/fetch";
import { mirrorStore } from "@/lib/stripe/mirror-store";

const MAX_ATTEMPTS = 5;
/**
 * A batch (one transaction, commit included) takes about this much CPU time and at most about
 * this much wall time, so a request arriving meanwhile waits little (issue 14: p99 < 50 ms
 * during a backlog). Wall time alone shrank batches to one or two events on a busy machine
 * (other processes' turns count), each paying a batch's fixed cost (~2–4 ms: the commit, and
 * reconcile loading settings and rules and compiling its statements) again: MIN_BATCH bounds
 * that; CPU time alone let one batch hold the loop for several times its target there.
 * 12 / 17 ms: measured against 10 / 15 (backlog 982–1,031 events/s, p99 19–27 ms) and
 * 15 / 20 (1,226–1,443 events/s, p99 44–51 ms) in docs/BENCHMARKS.md.
 */
const TARGET_BATCH_CPU_MS = 12;
const TARGET_BATCH_WALL_MS = 17;
const MIN_BATCH = 3;
const FIRST_BATCH = 5;
const MAX_BATCH = 500;

const pendingRow = z.object({
  id: z.number(),
  stripeEventId: z.string(),
  payload: z.string(),
  attempts: z.number(),
  // Epoch ms as this app writes it; compared by SQLite only, so any stored form is kept as is.
  receivedAt: z.union([z.number(), z.string()]),
});
type PendingRow = z.infer<typeof pendingRow>;
/** The stored payload was verified and validated on receipt; this re-reads what the worker needs. */
const storedEventSchema = z.object({
  id: z.string(),
  type: z.string(),
  created: z.number(),
  data: z.object({ object: z.unknown() }),
});

export interface ProcessOptions {
  now: () => Date;
  /** When online, truncated item/line lists are completed from the API. */
  stripe?: Stripe | null;
  /** Events per transaction; default adaptive (see TARGET_BATCH_CPU_MS). 1 = one by one. */
  batchSize?: number;
  /** Awaited between batches (the worker lets incoming requests go first). */
  between?: () => Promise<void>;
}

export interface ProcessSummary {
  processed: number;
  ignored: number;
  failed: number;
  retrying: number;
  /** The event's object failed validation: it is in the quarantine, the event waits there. */
  quarantined: number;
}

type Outcome = keyof ProcessSummary;

/** Applies every pending event, oldest received first. Safe to call at any time, from any number of places. */
export async function processPendingWebhooks(db: Sqlite, options: ProcessOptions): Promise<ProcessSummary> {
  const summary: ProcessSummary = { processed: 0, ignored: 0, failed: 0, retrying: 0, quarantined: 0 };
  const { selectPending } = statements(db);
  // Resume point in (receivedAt, id) order, so an event left pending (retrying) is not read again.
  let after: { receivedAt: number | string; id: number } = { receivedAt: -Infinity, id: 0 };
  let size = options.batchSize ?? FIRST_BATCH;
  // Cost per event (CPU and wall), smoothed over batches, so one slow batch (a checkpoint, GC)
  // does not halve the next one and a fast one does not double it.
  let perEvent: { cpu: number; wall: number } | null = null;
  for (;;) {
    const rows = selectPending.all(after.receivedAt, after.id, size).map((row) => pendingRow.parse(row));
    const last = rows.at(-1);
    if (!last) return summary;
    after = { receivedAt: last.receivedAt, id: last.id };
    const cpuStart = process.cpuUsage();
    const wallStart = performance.now();
    for (const outcome of await processBatch(db, rows, options)) summary[outcome] += 1;
    if (options.batchSize === undefined) {
      const used = process.cpuUsage(cpuStart);
      const measured = {
        cpu: (used.user + used.system) / 1000 / rows.length,
        wall: (performance.now() - wallStart) / rows.length,
      };
      perEvent = perEvent
        ? { cpu: 0.7 * perEvent.cpu + 0.3 * measured.cpu, wall: 0.7 * perEvent.wall + 0.3 * measured.wall }
        : measured;
      const fits = Math.min(
        TARGET_BATCH_CPU_MS / Math.max(perEvent.cpu, 0.005),
        TARGET_BATCH_WALL_MS / Math.max(perEvent.wall, 0.005),
      );
      size = Math.max(MIN_BATCH, Math.min(MAX_BATCH, Math.floor(fits)));
    }
    // Applying is synchronous SQLite work: yield to the event loop between batches so incoming
    // requests (webhooks among them) are answered during a burst, not after it.
    await (options.between?.() ?? new Promise((resolve) => setImmediate(resolve)));
  }
}

type StatementName = "selectPending" | "setStatus" | "setFailure" | "quarantined";
const compiled = new WeakMap<Sqlite, Record<StatementName, Statement>>();

/** Statements of the worker, compiled once per connection (they run for every event). */
function statements(db: Sqlite): Record<StatementName, Statement> {
  let found = compiled.get(db);
  if (!found) {
    found = {
      // Oldest first in the order of the (status, receivedAt) index: no sort, and only the rows
      // returned are read (ORDER BY id read every pending row, payloads included, to sort them:
      // O(backlog) per batch).
      selectPending: db.prepare(
        `SELECT id, stripeEventId, payload, attempts, receivedAt FROM WebhookEvent
         WHERE status = 'pending' AND (receivedAt, id) > (?, ?) ORDER BY receivedAt, id LIMIT ?`,
      ),
      setStatus: db.prepare(
        `UPDATE WebhookEvent SET status = ?, processedAt = ?, error = ?, attempts = attempts + 1 WHERE id = ?`,
      ),
      setFailure: db.prepare(`UPDATE WebhookEvent SET attempts = ?, status = ?, error = ? WHERE id = ?`),
      quarantined: db.prepare(`SELECT 1 FROM QuarantinedObject WHERE stripeId = ? LIMIT 1`),
    };
    compiled.set(db, found);
  }
  return found;
}

interface Prepared {
  row: PendingRow;
  eventId: string;
  item: IngestItem | null;
}

/**
 * One batch in one transaction. Ingest is order-independent and idempotent per object, so the
 * mirror ends as if the events were applied one by one; bookings are derived once, from the
 * final state. If the batch fails as a whole, each event is tried alone, so one bad event
 * cannot hold back the others and its attempts are counted.
 */
async function processBatch(db: Sqlite, rows: PendingRow[], options: ProcessOptions): Promise<Outcome[]> {
  if (rows.length === 1) return [await processOne(db, rows[0] as PendingRow, options)];
  let prepared: Prepared[];
  try {
    prepared = await Promise.all(rows.map((row) => prepare(row, options)));
  } catch {
    return oneByOne(db, rows, options);
  }
  let applied: Applied;
  try {
    applied = applyTogether(db, prepared, options.now());
  } catch {
    return oneByOne(db, rows, options);
  }
  await settleTies(db, applied.ties, options);
  return applied.outcomes;
}

/** Same-second ties: ask Stripe which state is current (queued for the next sync if that fails). */
async function settleTies(db: Sqlite, ties: TiedObject[], options: ProcessOptions): Promise<void> {
  if (ties.length === 0 || !options.stripe) return;
  await resolveTies(db, options.stripe, { now: options.now(), only: ties }).catch((error: unknown) =>
    log.warn({ ties: ties.length, err: error }, "re-fetch after a tie failed"),
  );
}

interface Applied {
  outcomes: Outcome[];
  ties: TiedObject[];
}

async function oneByOne(db: Sqlite, rows: PendingRow[], options: ProcessOptions): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const row of rows) outcomes.push(await processOne(db, row, options));
  return outcomes;
}

async function prepare(row: PendingRow, options: ProcessOptions): Promise<Prepared> {
  const event = storedEventSchema.parse(JSON.parse(row.payload));
  const item = eventToIngestItem(event);
  const kind = eventObjectKind(event.data.object);
  if (item && kind && options.stripe)
    item.object = await completeNestedLists(options.stripe, kind, item.object);
  return { row, eventId: event.id, item };
}

function applyTogether(db: Sqlite, batch: Prepared[], now: Date): Applied {
  const store = mirrorStore(db);
  return db
    .transaction((): Applied => {
      const outcomes: Outcome[] = batch.map(() => "processed");
      const fresh: number[] = [];
      batch.forEach(({ row, eventId, item }, index) => {
        if (!item) {
          outcomes[index] = "ignored";
          setStatus(db, row.id, "ignored", now);
        } else if (store.dedupHash("event", eventId) !== undefined) {
          setStatus(db, row.id, "processed", now);
        } else fresh.push(index);
      });
      const items = fresh.map((index) => batch[index]?.item as IngestItem);
      const result = ingestObjects(db, items, {
        now,
        origin: batchOrigin(fresh.map((i) => batch[i] as Prepared)),
      });
      fresh.forEach((index, position) => {
        const { row, eventId, item } = batch[index] as Prepared;
        if (result.outcomes[position] === "invalid") {
          const id = (item?.object as { id?: unknown }).id;
          const error = result.invalid.find((entry) => entry.id === id)?.error ?? "invalid Stripe object";
          // Kept whole in the quarantine; `quarantine:retry` or the next sync marks it processed —
          // unless a valid state later in this batch already superseded it (as one by one would).
          const held = stillQuarantined(db, typeof id === "string" ? id : "");
          outcomes[index] = held ? "quarantined" : "processed";
          setStatus(db, row.id, held ? "quarantined" : "processed", now, held ? error : undefined);
          return;
        }
        // Only an applied event counts as seen: a failed one must apply when it is retried.
        store.recordDedup("event", eventId, contentHash(row.payload, false), now.getTime());
        setStatus(db, row.id, "processed", now);
      });
      return { outcomes, ties: result.ties };
    })
    .immediate();
}

async function processOne(db: Sqlite, row: PendingRow, options: ProcessOptions): Promise<Outcome> {
  let eventId = row.stripeEventId;
  try {
    const prepared = await prepare(row, options);
    eventId = prepared.eventId;
    const applied = applyTogether(db, [prepared], options.now());
    await settleTies(db, applied.ties, options);
    return applied.outcomes[0] ?? "processed";
  } catch (error) {
    // The storage failed, not the event: no attempt is counted (the worker retries the pass).
    if (isStorageFailure(error)) throw error;
    // Transient (a locked database, the API unreachable): leave pending and count the attempt.
    const message = error instanceof Error ? error.message : String(error);
    const attempts = row.attempts + 1;
    const status = attempts >= MAX_ATTEMPTS ? "failed" : "pending";
    statements(db).setFailure.run(attempts, status, message, row.id);
    log.warn({ eventId, attempts, err: error }, "webhook event processing failed");
    return status === "failed" ? "failed" : "retrying";
  }
}

/** A full disk or an I/O error: SQLite could not write, whatever the event held. */
export function isStorageFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && (code === "SQLITE_FULL" || code.startsWith("SQLITE_IOERR"));
}

/**
 * The cause booking history names. Bookings are derived once per batch from the final state,
 * so a batch of several events names them all (a batch is one event unless a burst queued more).
 */
function batchOrigin(events: Prepared[]): ChangeOrigin {
  const ids = events.map((event) => event.eventId);
  const shown = ids.slice(0, 5).join(",") + (ids.length > 5 ? `,+${ids.length - 5} more` : "");
  return { actor: "stripe", cause: `stripe:${shown}` };
}

function stillQuarantined(db: Sqlite, stripeId: string): boolean {
  return statements(db).quarantined.get(stripeId) !== undefined;
}

function setStatus(db: Sqlite, id: number, status: string, now: Date, error?: string): void {
  statements(db).setStatus.run(status, now.getTime(), error ?? null, id);
}
