// The ingest step alone (issue 14 §2): ingestObjects on already fetched objects in pages of 100,
// against plain INSERTs of the same mirror rows built beforehand (the physical limit), in
// alternating rounds on fresh databases so both see the same machine load, each with the
// connection's own checkpoints and in the bulk-write mode runSync writes in; plus where the
// time of ingest goes (validation, serialisation, hashing, row building) measured on the same
// objects, the rest being SQLite statements and commits.
import type { BenchContext } from "@/bench/types";
import { freshDb } from "@/bench/support/db";
import { withBulkWrites } from "@/lib/db/bulk-writes";
import { allObjectRows, insertRaw } from "@/bench/support/mirror-rows";
import { median, timed } from "@/bench/support/stats";
import { PAGE_SIZE } from "@/lib/stripe/fetch";
import { contentHash, ingestObjects } from "@/lib/stripe/ingest";
import { parseObject, parsedObjectRows, type ParsedObject } from "@/lib/stripe/rows";
import { normalisePhone } from "@/lib/phone";
import { mirroredKindOf } from "@/lib/stripe/schemas";

/** One way of writing: the connection's own checkpoints, or a sync's bulk-write mode. */
export interface StepTimes {
  /** Median ms of ingestObjects over the rounds. */
  ingestMs: number;
  /** Median ms of the plain INSERTs over the rounds. */
  rawMs: number;
  /** Median CPU ms (user + system) of each: unlike wall time, hardly moved by other processes. */
  ingestCpuMs: number;
  rawCpuMs: number;
}

export interface IngestStepResult extends StepTimes {
  /** The same in bulk-write mode (lib/db/bulk-writes.ts), as runSync writes its pages. */
  bulk: StepTimes;
  rounds: number;
  /** µs per object of each pure part of ingest (median of 3 passes). */
  profile: { validate: number; serialise: number; hash: number; rows: number; phones: number };
  childRows: number;
}

function pages<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function measureIngestStep(
  ctx: BenchContext,
  objects: readonly unknown[],
  rounds = 3,
): Promise<IngestStepResult> {
  const now = ctx.now;
  const rows = allObjectRows(objects, now.getTime(), now.getTime());
  const items = objects.map((object) => ({ object, sourceAt: now }));
  const cpuMs = (since: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(since);
    return (used.user + used.system) / 1000;
  };
  const modes = { plain: emptyRuns(), bulk: emptyRuns() };
  for (let round = 0; round < rounds; round += 1)
    for (const mode of ["plain", "bulk"] as const) {
      const runs = modes[mode];
      const wrap = <T>(work: () => T, db: Parameters<typeof withBulkWrites>[0]): T =>
        mode === "bulk" ? withBulkWrites(db, work) : work();
      ctx.progress(
        `ingest: round ${round + 1}/${rounds} (${mode}), ingestObjects (pages of ${PAGE_SIZE}, no reconcile)`,
      );
      const ingestDb = await freshDb(ctx, "ingest-step");
      const ingestStart = process.cpuUsage();
      const step = timed(() =>
        wrap(() => {
          let applied = 0;
          for (const page of pages(items, PAGE_SIZE))
            applied += ingestObjects(ingestDb.db, page, { now, reconcile: false }).counts.applied;
          return applied;
        }, ingestDb.db),
      );
      runs.ingestCpu.push(cpuMs(ingestStart));
      ingestDb.db.close();
      if (step.value !== objects.length)
        throw new Error(`ingest applied ${step.value} of ${objects.length} objects`);
      runs.ingest.push(step.ms);

      ctx.progress(`ingest: round ${round + 1}/${rounds} (${mode}), plain INSERTs of the same rows`);
      const rawDb = await freshDb(ctx, "ingest-raw");
      const rawStart = process.cpuUsage();
      runs.raw.push(timed(() => wrap(() => insertRaw(rawDb.db, rows, PAGE_SIZE), rawDb.db)).ms);
      runs.rawCpu.push(cpuMs(rawStart));
      rawDb.db.close();
    }
  return {
    ...medians(modes.plain),
    bulk: medians(modes.bulk),
    rounds,
    profile: profileParts(objects),
    childRows: rows.reduce((n, r) => n + r.children.length, 0),
  };
}

function emptyRuns() {
  return { ingest: [] as number[], raw: [] as number[], ingestCpu: [] as number[], rawCpu: [] as number[] };
}

function medians(runs: ReturnType<typeof emptyRuns>): StepTimes {
  return {
    ingestMs: median(runs.ingest),
    rawMs: median(runs.raw),
    ingestCpuMs: median(runs.ingestCpu),
    rawCpuMs: median(runs.rawCpu),
  };
}

/** µs per object of the pure parts of ingest, each timed alone over all objects. */
function profileParts(objects: readonly unknown[]): IngestStepResult["profile"] {
  const perObject = (work: () => void) =>
    median([0, 1, 2].map(() => timed(work).ms)) * (1000 / Math.max(objects.length, 1));
  const raws = objects.map((object) => JSON.stringify(object));
  const parsed: ParsedObject[] = [];
  for (const object of objects) {
    const kind = mirroredKindOf(object);
    const result = kind ? parseObject(kind, object) : null;
    if (result?.success) parsed.push(result.parsed);
  }
  const p = { raw: "", contentHash: "", sourceAt: 0, appliedAt: 0, deleted: false };
  return {
    validate: perObject(() => {
      for (const object of objects) parseObject(mirroredKindOf(object) ?? "customer", object);
    }),
    serialise: perObject(() => {
      for (const object of objects) JSON.stringify(object);
    }),
    hash: perObject(() => {
      for (const raw of raws) contentHash(raw, false);
    }),
    rows: perObject(() => {
      for (const object of parsed) parsedObjectRows(object, p);
    }),
    // Ingest reads each written customer's phone into E.164 (lib/phone.ts), as the benchmark's UK business.
    phones: perObject(() => {
      for (const object of parsed) if (object.kind === "customer") normalisePhone(object.data.phone, "GB");
    }),
  };
}
