// Progress of one sync: objects done, the rate, and an estimate of the time left. Stripe gives
// no counts, so what is left is estimated from each range's density of `created` times and,
// for types not started yet, from the rows a previous sync mirrored; null until it can be.
import type { Sqlite } from "@/lib/db/sqlite";
import { mirrorTables } from "@/lib/stripe/mirror-store";
import { mirroredKinds, type MirroredKind } from "@/lib/stripe/schemas";
import type { RangeScheduler } from "@/lib/stripe/sync-ranges";
import type { SyncRunRow } from "@/lib/stripe/sync-run";

export interface OverallProgress {
  /** Objects listed by this run so far (all types, a resumed run's earlier pages included). */
  done: number;
  /** Objects per second since this process started the run. */
  perSecond: number;
  /** Estimated objects still to list; null while unknown. */
  remaining: number | null;
  /** Estimated seconds left; null while unknown. */
  etaSeconds: number | null;
}

export class ProgressTracker {
  private readonly started = performance.now();
  private listedHere = 0;
  private readonly schedulers = new Map<MirroredKind, RangeScheduler>();
  private readonly prior: Partial<Record<MirroredKind, number>> = {};

  constructor(
    db: Sqlite,
    private readonly run: SyncRunRow,
  ) {
    // A full re-sync lists about what the mirror holds; a first sync has no prior.
    if (run.mode === "full") {
      for (const kind of mirroredKinds) {
        const row = db.prepare(`SELECT count(*) AS n FROM ${mirrorTables[kind]}`).get() as { n: number };
        this.prior[kind] = row.n;
      }
    }
  }

  watch(scheduler: RangeScheduler, kinds: MirroredKind[]): void {
    for (const kind of kinds) this.schedulers.set(kind, scheduler);
  }

  page(_kind: string, objects: number): void {
    this.listedHere += objects;
  }

  snapshot(): OverallProgress {
    const done = Object.entries(this.run.counts).reduce((sum, [, c]) => sum + c.fetched, 0);
    const seconds = (performance.now() - this.started) / 1000;
    const perSecond = seconds > 0 ? Math.round(this.listedHere / seconds) : 0;
    const remaining = this.remaining();
    const etaSeconds =
      remaining === null
        ? null
        : perSecond > 0
          ? Math.round(remaining / perSecond)
          : remaining === 0
            ? 0
            : null;
    return { done, perSecond, remaining, etaSeconds };
  }

  private remaining(): number | null {
    let left = 0;
    for (const kind of mirroredKinds) {
      if (this.run.cursor.types[kind]?.done) continue;
      const scheduler = this.schedulers.get(kind);
      const fetched = this.run.counts[kind]?.fetched ?? 0;
      const estimate = scheduler ? scheduler.remaining(kind) : Infinity;
      const fromPrior = this.prior[kind] ? Math.max(0, (this.prior[kind] ?? 0) - fetched) : Infinity;
      const best = Number.isFinite(estimate) ? estimate : fromPrior;
      if (!Number.isFinite(best)) return null;
      left += best;
    }
    return Math.round(left);
  }
}
