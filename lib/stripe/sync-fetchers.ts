// The fetchers of a sync: every unfinished `created` range listed page by page through the
// run's limiter, the pages handed to the one writer (lib/stripe/sync-writer.ts).
import {
  completeNestedLists,
  createdOf,
  hasTruncatedLists,
  listPage,
  type Listed,
  type Page,
} from "@/lib/stripe/fetch";
import type { MirroredKind } from "@/lib/stripe/schemas";
import {
  CONNECTION_RETRIES,
  defaultConcurrency,
  reportProgress,
  withConnectionRetries,
  type RunContext,
} from "@/lib/stripe/sync-context";
import { RangeScheduler, type RangeTask } from "@/lib/stripe/sync-ranges";
import { saveProgress } from "@/lib/stripe/sync-run";
import { PageWriter } from "@/lib/stripe/sync-writer";

/**
 * Lists every unfinished range with the run's fetchers; throws the first failure once all
 * stopped. Fetchers hand their pages to the one writer (lib/stripe/sync-writer.ts), which
 * commits a later phase's pages only once the earlier phases are done (see `phases`); until
 * then a later phase's fetchers read a few pages ahead, so the rate budget is not left idle.
 */
export async function syncRanges(ctx: RunContext, phases: MirroredKind[][]): Promise<void> {
  const scheduler = new RangeScheduler(ctx.run.cursor, phases);
  ctx.tracker.watch(scheduler, phases.flat());
  const size = Math.max(1, ctx.options.concurrency ?? defaultConcurrency(ctx.limiter.perSecond));
  const writer = new PageWriter(ctx, scheduler, (kind, counts) => {
    ctx.retriesLeft = CONNECTION_RETRIES;
    reportProgress(ctx, kind, counts);
  });
  const fetcher = async () => {
    while (!ctx.failure) {
      const task = scheduler.next();
      if (task) {
        await syncRange(ctx, scheduler, writer, task, size).catch((error: unknown) => {
          ctx.failure ??= { error };
          task.busy = false;
        });
        scheduler.progressed(undefined); // wakes idle fetchers: there may be work, or a failure
        continue;
      }
      if (!scheduler.anyBusy()) return;
      await scheduler.changed();
    }
  };
  await Promise.all(Array.from({ length: size }, fetcher));
  // Not saved after a failure: what was committed is stored with its pages, and a commit that
  // failed may have moved cursors in memory past pages it rolled back.
  if (ctx.failure) throw ctx.failure.error;
  saveProgress(ctx.db, ctx.run);
}

/** Pages of one range fetched and not written yet, at most (the writer's back-pressure). */
const READ_AHEAD_PAGES = 4;

/**
 * Lists one range to its end (or until the run fails, or the writer ends the range at a
 * split) and queues its pages for the writer. The range stays busy until its last page is
 * written: the writer finishes it.
 */
async function syncRange(
  ctx: RunContext,
  scheduler: RangeScheduler,
  writer: PageWriter,
  task: RangeTask,
  fetchers: number,
): Promise<void> {
  const { range, kind } = task;
  const fetch = (startingAfter: string | undefined) =>
    withConnectionRetries(ctx, () =>
      listPage(
        ctx.stripe,
        kind,
        { startingAfter, createdGte: range.gte, createdLt: range.lt },
        ctx.limiter,
        ctx.lister,
      ),
    );
  // Pages behind an earlier phase, at most: a later phase reads ahead, but not without end.
  const maxWaiting = READ_AHEAD_PAGES * fetchers;
  const room = (inHand: number) =>
    task.queued + inHand < READ_AHEAD_PAGES &&
    (scheduler.earlierPhasesDone(kind) || writer.waiting() + inHand < maxWaiting);
  const listed = (task.listed ??= {
    newest: range.newest,
    last: range.last,
    fetched: range.fetched,
    hasMore: range.hasMore,
  });
  let next: Promise<Page<Listed>> | null = fetch(range.startingAfter);
  while (next) {
    const page: Page<Listed> = await next;
    next = null;
    if (ctx.failure || task.ended) return;
    const after = page.data.at(-1);
    const more = page.hasMore && after !== undefined;
    if (after) {
      listed.newest ??= createdOf(page.data[0]);
      listed.last = createdOf(after);
      listed.fetched += page.data.length;
    }
    listed.hasMore = more;
    // Prefetch: the next page is requested before this one is completed and written.
    if (more && room(1)) next = fetch(after.id);
    next?.catch(() => undefined); // awaited below, or dropped when the range ends early
    // Most objects carry their whole nested lists: no promise for those.
    const objects = page.data.some((object) => hasTruncatedLists(kind, object))
      ? await Promise.all(
          page.data.map((object) =>
            hasTruncatedLists(kind, object)
              ? completeNestedLists(ctx.stripe, kind, object, ctx.limiter)
              : object,
          ),
        )
      : page.data;
    if (ctx.failure || task.ended) return;
    writer.push({ task, objects, hasMore: page.hasMore, texts: page.texts });
    if (!more) return;
    if (!next) {
      while (!room(0) && !ctx.failure && !task.ended) await scheduler.changed();
      if (ctx.failure || task.ended) return;
      next = fetch(after.id);
    }
  }
}
