// Objects kept in Stripe's list order (newest `created` first, ties by id descending), sorted
// once and maintained by binary insertion, so a page costs O(log n + limit) rather than a sort.

export interface Listed {
  id: string;
}

/** Where an object stands in its list: Stripe orders by creation time (invoice items by `date`). */
export interface CursorKey {
  id: string;
  created: number;
}

/** Negative when `a` comes before `b` in list order. */
export function compareListOrder(a: CursorKey, b: CursorKey): number {
  if (a.created !== b.created) return b.created - a.created;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

export class SortedList<T extends Listed> {
  private items: T[] = [];
  private readonly byId = new Map<string, T>();
  /** Where removed objects stood, so a page cursor pointing at one still resolves. */
  private readonly removed = new Map<string, number>();

  constructor(
    readonly createdOf: (item: T) => number,
    initial: readonly T[] = [],
  ) {
    this.items = [...initial].sort(
      (a, b) => createdOf(b) - createdOf(a) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
    );
    for (const item of this.items) this.byId.set(item.id, item);
  }

  key(item: T): CursorKey {
    return { id: item.id, created: this.createdOf(item) };
  }

  get size(): number {
    return this.items.length;
  }

  all(): readonly T[] {
    return this.items;
  }

  at(index: number): T | undefined {
    return this.items[index];
  }

  get(id: string): T | undefined {
    return this.byId.get(id);
  }

  wasRemoved(id: string): boolean {
    return this.removed.has(id);
  }

  /** The list position of `id`, also for removed objects; undefined when never seen. */
  cursor(id: string): CursorKey | undefined {
    const item = this.byId.get(id);
    if (item) return this.key(item);
    const created = this.removed.get(id);
    return created === undefined ? undefined : { id, created };
  }

  upsert(item: T): void {
    const existing = this.byId.get(item.id);
    if (existing && this.createdOf(existing) === this.createdOf(item)) {
      this.items[this.lowerBound(this.key(existing))] = item;
    } else {
      if (existing) this.items.splice(this.lowerBound(this.key(existing)), 1);
      this.items.splice(this.lowerBound(this.key(item)), 0, item);
    }
    this.byId.set(item.id, item);
    this.removed.delete(item.id);
  }

  remove(id: string): T | undefined {
    const existing = this.byId.get(id);
    if (!existing) return undefined;
    this.items.splice(this.lowerBound(this.key(existing)), 1);
    this.byId.delete(id);
    this.removed.set(id, this.createdOf(existing));
    return existing;
  }

  /** First index whose item does not come before `key` (the index of `key` itself when present). */
  lowerBound(key: CursorKey): number {
    return this.firstIndex((item) => compareListOrder(this.key(item), key) >= 0);
  }

  /** First index whose item comes after `key`. */
  upperBound(key: CursorKey): number {
    return this.firstIndex((item) => compareListOrder(this.key(item), key) > 0);
  }

  /** First index whose item has `created <= value` (items are newest first). */
  firstCreatedAtMost(value: number): number {
    return this.firstIndex((item) => this.createdOf(item) <= value);
  }

  /** First index whose item has `created < value`. */
  firstCreatedBelow(value: number): number {
    return this.firstIndex((item) => this.createdOf(item) < value);
  }

  /** Binary search for the first index where a predicate, false then true along the list, holds. */
  private firstIndex(holds: (item: T) => boolean): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (holds(this.items[mid] as T)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
