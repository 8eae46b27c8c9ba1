// Bookings of a first full sync, derived behind the fetch (issue 14: sync speed). The sync
// writes such pages without deriving (`SyncCursor.deriveAtEnd`); the sources they hold are
// derived here in batches of DERIVE_BATCH, each its own transaction, while the fetchers wait
// for Stripe; whatever is left, and every source of a resumed run, once the lists are done.
// A source reads only its own rows and those of earlier phases (customers, products, prices),
// all committed before it, so deriving it early gives what deriving it at the end would.
import type { Sqlite } from "@/lib/db/sqlite";
import type { ChangeOrigin } from "@/lib/bookings/history";
import { listAllSourceRefs, refKey } from "@/lib/bookings/load-source";
import { reconcileSources } from "@/lib/bookings/reconcile";
import type { SourceRef } from "@/lib/bookings/types";
import type { MirroredKind } from "@/lib/stripe/schemas";

/** Sources per transaction: the fixed cost of a reconcile amortised, each well under 100 ms. */
export const DERIVE_BATCH = 250;

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

export class BackgroundDerive {
  private readonly pending = new Map<string, SourceRef>();
  private readonly derived = new Set<string>();
  private running: Promise<void> | null = null;
  private failure: { error: unknown } | null = null;

  constructor(
    private readonly db: Sqlite,
    private readonly clock: () => Date,
    private readonly origin: ChangeOrigin,
  ) {}

  /** Objects of `kind` just committed: subscriptions and invoices are sources. */
  committed(kind: MirroredKind, ids: readonly string[]): void {
    if (kind !== "subscription" && kind !== "invoice") return;
    for (const stripeId of ids) {
      const ref: SourceRef = { kind, stripeId };
      const key = refKey(ref);
      if (!this.derived.has(key)) this.pending.set(key, ref);
    }
    if (this.pending.size >= DERIVE_BATCH) this.running ??= this.drain();
  }

  /** Derives every source not derived yet (all of them after a resume); throws a batch's failure. */
  async finish(): Promise<void> {
    await this.running;
    if (this.failure) throw this.failure.error;
    for (const ref of listAllSourceRefs(this.db)) {
      const key = refKey(ref);
      if (!this.derived.has(key)) this.pending.set(key, ref);
    }
    while (this.pending.size > 0) {
      this.deriveBatch();
      await nextTurn();
    }
  }

  /** Full batches, one per turn of the event loop, so pages arriving meanwhile are written. */
  private async drain(): Promise<void> {
    try {
      while (this.pending.size >= DERIVE_BATCH) {
        await nextTurn();
        this.deriveBatch();
      }
    } catch (error) {
      this.failure = { error };
    } finally {
      this.running = null;
    }
  }

  private deriveBatch(): void {
    const batch = [...this.pending.values()].slice(0, DERIVE_BATCH);
    reconcileSources(this.db, batch, { now: this.clock(), origin: this.origin });
    for (const ref of batch) {
      const key = refKey(ref);
      this.pending.delete(key);
      this.derived.add(key);
    }
  }
}
