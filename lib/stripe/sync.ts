// Sync: mirror a Stripe account through the one ingest path. A full run lists every object;
// an incremental run lists what was created since the last run plus the events since then.
// Every page is committed with its resume cursor, so an interrupted run continues where it stopped.
import Stripe from "stripe";
import type { Sqlite } from "@/lib/db/sqlite";
import { ingestObjects, type IngestResult } from "@/lib/stripe/ingest";
import { completeNestedLists, listEvents, listObjects, PAGE_SIZE } from "@/lib/stripe/fetch";
import { markVanished } from "@/lib/stripe/vanished";
import { eventToIngestItem } from "@/lib/stripe/events";
import type { MirroredKind } from "@/lib/stripe/schemas";
import {
  beginSyncRun,
  emptyCounts,
  finishSyncRun,
  saveProgress,
  type SyncRunRow,
  type TypeCounts,
} from "@/lib/stripe/sync-run";
import { mirrorStore } from "@/lib/stripe/mirror-store";

/**
 * What bookings are made of comes first, so a booking is created complete (its client's name,
 * its product) instead of being created and then updated, which would bump its SEQUENCE.
 */
const phases: MirroredKind[][] = [
  ["product", "price", "customer"],
  ["subscription", "invoice", "invoiceitem"],
];

export interface SyncProgress {
  kind: string;
  counts: TypeCounts;
  perSecond: number;
}

export interface SyncOptions {
  now?: () => Date;
  full?: boolean;
  /** Object types fetched at the same time (Stripe's rate limit is per account). */
  concurrency?: number;
  onProgress?: (progress: SyncProgress) => void;
}

export interface SyncReport {
  runId: number;
  mode: "full" | "incremental";
  status: "succeeded" | "failed";
  counts: SyncRunRow["counts"];
  markedDeleted: number;
  error?: string;
  durationMs: number;
}

/** Runs (or resumes) one sync. Never leaves half a page applied. */
export async function runSync(db: Sqlite, stripe: Stripe, options: SyncOptions = {}): Promise<SyncReport> {
  const clock = options.now ?? (() => new Date());
  const started = performance.now();
  const run = beginSyncRun(db, { now: clock(), full: options.full });
  let markedDeleted = 0;
  try {
    for (const phase of phases) {
      const pending = phase.filter((kind) => !run.cursor.types[kind]?.done);
      await pool(pending, options.concurrency ?? 3, (kind) =>
        withRetries(() => syncType(db, stripe, run, kind, clock, options)),
      );
    }
    if (!run.cursor.events.done && run.cursor.since !== undefined) {
      await syncEvents(db, stripe, run, run.cursor.since, clock, options);
    }
    if (!run.cursor.vanishedMarked) {
      markedDeleted = markVanished(db, run.id, run.cursor.scanStartedAt, clock());
      run.cursor.vanishedMarked = true;
      saveProgress(db, run);
    }
    finishSyncRun(db, run.id, clock());
    return report(run, "succeeded", markedDeleted, started);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    finishSyncRun(db, run.id, clock(), message);
    return { ...report(run, "failed", markedDeleted, started), error: message };
  }
}

function report(
  run: SyncRunRow,
  status: SyncReport["status"],
  markedDeleted: number,
  started: number,
): SyncReport {
  return {
    runId: run.id,
    mode: run.mode,
    status,
    counts: run.counts,
    markedDeleted,
    durationMs: Math.round(performance.now() - started),
  };
}

async function syncType(
  db: Sqlite,
  stripe: Stripe,
  run: SyncRunRow,
  kind: MirroredKind,
  clock: () => Date,
  options: SyncOptions,
): Promise<void> {
  const cursor = run.cursor.types[kind] ?? { done: false };
  run.cursor.types[kind] = cursor;
  const counts = (run.counts[kind] ??= emptyCounts());
  const started = performance.now();
  const list = listObjects(stripe, kind, {
    startingAfter: cursor.startingAfter,
    createdGte: run.cursor.mode === "incremental" ? run.cursor.since : undefined,
  });
  let page: { id: string }[] = [];
  const flush = async () => {
    const fetchedAt = clock();
    const objects = await Promise.all(page.map((object) => completeNestedLists(stripe, kind, object)));
    const items = objects.map((object) => ({ object, sourceAt: fetchedAt }));
    commitPage(
      db,
      run,
      () =>
        ingestObjects(db, items, {
          now: fetchedAt,
          syncRunId: run.id,
          origin: { actor: "stripe", cause: "sync" },
        }),
      counts,
      () => {
        cursor.startingAfter = page.at(-1)?.id ?? cursor.startingAfter;
      },
    );
    options.onProgress?.({ kind, counts, perSecond: rate(counts.fetched, started) });
    page = [];
  };
  for await (const object of list) {
    page.push(object);
    if (page.length === PAGE_SIZE) await flush();
  }
  if (page.length) await flush();
  cursor.done = true;
  saveProgress(db, run);
}

async function syncEvents(
  db: Sqlite,
  stripe: Stripe,
  run: SyncRunRow,
  sinceMs: number,
  clock: () => Date,
  options: SyncOptions,
): Promise<void> {
  const cursor = run.cursor.events;
  const counts = (run.counts.events ??= emptyCounts());
  const store = mirrorStore(db);
  const started = performance.now();
  let page: Stripe.Event[] = [];
  const flush = () => {
    const fresh = page.filter((event) => store.dedupHash("event", event.id) === undefined);
    const items = fresh.map(eventToIngestItem).filter((item) => item !== null);
    commitPage(
      db,
      run,
      () => {
        const result = ingestObjects(db, items, {
          now: clock(),
          origin: { actor: "stripe", cause: "sync:events" },
        });
        for (const event of fresh) store.recordDedup("event", event.id, event.type, clock().getTime());
        return result;
      },
      counts,
      () => {
        cursor.startingAfter = page.at(-1)?.id ?? cursor.startingAfter;
      },
    );
    counts.unchanged += page.length - fresh.length;
    options.onProgress?.({ kind: "events", counts, perSecond: rate(counts.fetched, started) });
    page = [];
  };
  for await (const event of listEvents(stripe, { sinceMs, startingAfter: cursor.startingAfter })) {
    page.push(event);
    if (page.length === PAGE_SIZE) flush();
  }
  if (page.length) flush();
  cursor.done = true;
  saveProgress(db, run);
}

/** Applies one page and its resume cursor in one transaction. */
function commitPage(
  db: Sqlite,
  run: SyncRunRow,
  apply: () => IngestResult,
  counts: TypeCounts,
  advance: () => void,
): void {
  db.transaction(() => {
    const result = apply();
    counts.fetched += result.outcomes.length;
    counts.applied += result.counts.applied;
    counts.unchanged += result.counts.unchanged;
    counts.stale += result.counts.stale;
    counts.invalid += result.counts.invalid;
    advance();
    saveProgress(db, run);
  }).immediate();
}

const PAGE_RETRIES = 3;

/**
 * The SDK retries 429/5xx itself but not a response cut off mid-body. Every committed page
 * moved the cursor on, so running the type again resumes after the last good page.
 */
async function withRetries(work: () => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= PAGE_RETRIES || !(error instanceof Stripe.errors.StripeConnectionError)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }
}

function rate(count: number, started: number): number {
  const seconds = (performance.now() - started) / 1000;
  return seconds > 0 ? Math.round(count / seconds) : 0;
}

async function pool<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  const workers = Array.from({ length: Math.max(1, Math.min(size, queue.length)) }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
  });
  await Promise.all(workers);
}
