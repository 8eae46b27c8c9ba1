// Billing-period arithmetic in Stripe's terms: periods are counted from a billing-cycle anchor;
// monthly periods keep the anchor's day of month, clamped to shorter months (Jan 31 → Feb 28 → Mar 31).
import { DAY } from "@/lib/stripe-fixtures/shapes";

export interface Interval {
  interval: "week" | "month";
  intervalCount: number;
}

export interface Period {
  /** 0 for the period that starts at the anchor. */
  index: number;
  start: number;
  end: number;
}

/** Start of period `index` (epoch seconds); boundary(anchor, 0) === anchor. */
export function boundary(anchor: number, every: Interval, index: number): number {
  if (every.interval === "week") return anchor + index * every.intervalCount * 7 * DAY;
  const date = new Date(anchor * 1000);
  const months = date.getUTCMonth() + index * every.intervalCount;
  const year = date.getUTCFullYear() + Math.floor(months / 12);
  const month = ((months % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(date.getUTCDate(), lastDay);
  return Date.UTC(year, month, day, date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()) / 1000;
}

/** The period (counted from `anchor`) that contains `at`; `at` before the anchor gives period 0. */
export function periodAt(anchor: number, every: Interval, at: number): Period {
  let index = 0;
  if (every.interval === "week") {
    index = Math.max(0, Math.floor((at - anchor) / (every.intervalCount * 7 * DAY)));
  } else {
    while (boundary(anchor, every, index + 1) <= at) index += 1;
  }
  return { index, start: boundary(anchor, every, index), end: boundary(anchor, every, index + 1) };
}

/** Period `index` counted from `anchor`. */
export function periodByIndex(anchor: number, every: Interval, index: number): Period {
  return { index, start: boundary(anchor, every, index), end: boundary(anchor, every, index + 1) };
}
