// Stripe's cursor pagination: `starting_after` pages forward, `ending_before` backward (the page
// holds the items just before the cursor, still newest first); `has_more` says whether another
// page exists in the direction of travel.
import type { CursorKey, Listed, SortedList } from "@/tests/support/stripe-server/sorted-list";

export interface CreatedRange {
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
}

export interface PageRequest<T> {
  limit: number;
  startingAfter?: CursorKey;
  endingBefore?: CursorKey;
  created?: CreatedRange;
  matches?: (item: T) => boolean;
}

export interface Page<T> {
  data: T[];
  hasMore: boolean;
}

function bounds(range: CreatedRange | undefined): { upper?: number; lower?: number } {
  if (!range) return {};
  const uppers = [range.lte, range.lt === undefined ? undefined : range.lt - 1].filter(
    (v) => v !== undefined,
  );
  const lowers = [range.gte, range.gt === undefined ? undefined : range.gt + 1].filter(
    (v) => v !== undefined,
  );
  return {
    upper: uppers.length ? Math.min(...uppers) : undefined,
    lower: lowers.length ? Math.max(...lowers) : undefined,
  };
}

/** One page of `list`, honouring the created range, the filter and either cursor. */
export function pageOf<T extends Listed>(list: SortedList<T>, request: PageRequest<T>): Page<T> {
  const { upper, lower } = bounds(request.created);
  let lo = upper === undefined ? 0 : list.firstCreatedAtMost(upper);
  let hi = lower === undefined ? list.size : list.firstCreatedBelow(lower);
  const matches = request.matches ?? (() => true);
  const data: T[] = [];

  if (request.endingBefore) {
    hi = Math.min(hi, list.lowerBound(request.endingBefore));
    let i = hi - 1;
    for (; i >= lo && data.length < request.limit; i--) {
      const item = list.at(i) as T;
      if (matches(item)) data.push(item);
    }
    data.reverse();
    return { data, hasMore: anyMatch(list, lo, i + 1, matches, -1) };
  }

  if (request.startingAfter) lo = Math.max(lo, list.upperBound(request.startingAfter));
  let i = lo;
  for (; i < hi && data.length < request.limit; i++) {
    const item = list.at(i) as T;
    if (matches(item)) data.push(item);
  }
  return { data, hasMore: anyMatch(list, i, hi, matches, 1) };
}

/** Whether an item in [from, to) matches, scanning from the side nearest the page. */
function anyMatch<T extends Listed>(
  list: SortedList<T>,
  from: number,
  to: number,
  matches: (item: T) => boolean,
  direction: 1 | -1,
): boolean {
  if (direction === 1) {
    for (let i = from; i < to; i++) if (matches(list.at(i) as T)) return true;
  } else {
    for (let i = to - 1; i >= from; i--) if (matches(list.at(i) as T)) return true;
  }
  return false;
}

/** One page of a nested list kept in its own order (invoice lines, subscription items); null on an unknown cursor. */
export function pageOfArray<T extends { id: string }>(
  items: readonly T[],
  limit: number,
  startingAfter?: string,
  endingBefore?: string,
): Page<T> | null {
  if (endingBefore !== undefined) {
    const end = items.findIndex((item) => item.id === endingBefore);
    if (end < 0) return null;
    const start = Math.max(0, end - limit);
    return { data: items.slice(start, end), hasMore: start > 0 };
  }
  let start = 0;
  if (startingAfter !== undefined) {
    const at = items.findIndex((item) => item.id === startingAfter);
    if (at < 0) return null;
    start = at + 1;
  }
  return { data: items.slice(start, start + limit), hasMore: start + limit < items.length };
}
