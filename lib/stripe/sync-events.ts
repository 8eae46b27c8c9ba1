// The Events API part of an incremental sync: events since the last run, page by page, each
// page applied with the events cursor in one transaction.
import { eventToIngestItem } from "@/lib/stripe/events";
import { eventsPage } from "@/lib/stripe/fetch";
import { ingestObjects, type IngestResult } from "@/lib/stripe/ingest";
import { mirrorStore } from "@/lib/stripe/mirror-store";
import { reportProgress, withConnectionRetries, type RunContext } from "@/lib/stripe/sync-context";
import { emptyCounts, saveProgress, type TypeCounts } from "@/lib/stripe/sync-run";

export async function syncEvents(ctx: RunContext, sinceMs: number): Promise<void> {
  const { db, run, clock } = ctx;
  const cursor = run.cursor.events;
  const counts = (run.counts.events ??= emptyCounts());
  const store = mirrorStore(db);
  for (;;) {
    const page = await withConnectionRetries(ctx, () =>
      eventsPage(ctx.stripe, { sinceMs, startingAfter: cursor.startingAfter }, ctx.limiter),
    );
    const fresh = page.data.filter((event) => store.dedupHash("event", event.id) === undefined);
    const items = fresh.map(eventToIngestItem).filter((item) => item !== null);
    commitPage(
      ctx,
      counts,
      () => {
        const result = ingestObjects(db, items, {
          now: clock(),
          origin: { actor: "stripe", cause: "sync:events" },
        });
        for (const event of fresh) store.recordDedup("event", event.id, event.type, clock().getTime());
        return result;
      },
      () => {
        cursor.startingAfter = page.data.at(-1)?.id ?? cursor.startingAfter;
        if (!page.hasMore) cursor.done = true;
      },
    );
    counts.unchanged += page.data.length - fresh.length;
    ctx.tracker.page("events", page.data.length);
    reportProgress(ctx, "events", counts);
    if (!page.hasMore || page.data.length === 0) break;
  }
  cursor.done = true;
  saveProgress(db, run);
}

/** Applies one page of events and the resume cursors in one transaction. */
function commitPage(
  ctx: RunContext,
  counts: TypeCounts,
  apply: () => IngestResult,
  advance: () => void,
): void {
  ctx.db
    .transaction(() => {
      const result = apply();
      counts.fetched += result.outcomes.length;
      counts.applied += result.counts.applied;
      counts.unchanged += result.counts.unchanged;
      counts.stale += result.counts.stale;
      counts.invalid += result.counts.invalid;
      advance();
      saveProgress(ctx.db, ctx.run);
    })
    .immediate();
}
