// One subscription with a believable history: a start within the last ~6 months, periods that
// follow its price's interval up to `now`, and an optional trial, cancellation or pause.
import type Stripe from "stripe";
import { PRICE_IDS } from "@/lib/stripe-fixtures/catalog";
import type { GenContext } from "@/lib/stripe-fixtures/context";
import { subscriptionItemObject, subscriptionObject } from "@/lib/stripe-fixtures/objects";
import { type Interval, type Period, periodAt, periodByIndex } from "@/lib/stripe-fixtures/periods";
import { DAY, HOUR } from "@/lib/stripe-fixtures/shapes";

const TRIAL_DAYS = 14;
const HISTORY_DAYS = 182;

export interface PlannedSubscription {
  subscription: Stripe.Subscription;
  every: Interval;
  anchor: number;
  trial: { start: number; end: number } | null;
  /** Index (from the anchor) of the newest billed period; -1 while still in the trial. */
  lastBilledIndex: number;
}

/** How many invoices the subscription's history can hold (one per billed period, plus the trial's). */
export function billablePeriods(plan: PlannedSubscription): number {
  return plan.lastBilledIndex + 1 + (plan.trial ? 1 : 0);
}

/** The `n`-th newest billed period (0 = newest), trial included; `trial` marks the £0 trial period. */
export function billedPeriod(plan: PlannedSubscription, n: number): Period & { trial: boolean } {
  const index = plan.lastBilledIndex - n;
  if (index >= 0) return { ...periodByIndex(plan.anchor, plan.every, index), trial: false };
  if (!plan.trial) throw new Error(`Subscription ${plan.subscription.id} has no period ${n}`);
  return { index: -1, start: plan.trial.start, end: plan.trial.end, trial: true };
}

function intervalOf(price: Stripe.Price): Interval {
  const recurring = price.recurring;
  const interval = recurring?.interval === "week" ? "week" : recurring?.interval === "month" ? "month" : null;
  if (!recurring || !interval) throw new Error(`Price ${price.id} is not billed weekly or monthly`);
  return { interval, intervalCount: recurring.interval_count };
}

function pickPrices(ctx: GenContext): Stripe.Price[] {
  const { rng } = ctx;
  const main = rng.weighted({
    [PRICE_IDS.walk30Weekly]: 25,
    [PRICE_IDS.walk60Weekly]: 30,
    [PRICE_IDS.walk60x3Weekly]: 12,
    [PRICE_IDS.daycareMonthly]: 15,
    [PRICE_IDS.puppyFortnightly]: 18,
  });
  const prices = [ctx.price(main)];
  // Classic billing needs one interval per subscription: only weekly walks get a second item.
  if ((main === PRICE_IDS.walk30Weekly || main === PRICE_IDS.walk60Weekly) && rng.chance(0.12)) {
    prices.push(ctx.price(main === PRICE_IDS.walk30Weekly ? PRICE_IDS.walk60Weekly : PRICE_IDS.walk30Weekly));
  }
  return prices;
}

interface Lifecycle {
  status: Stripe.Subscription.Status;
  current: Period;
  cancelAtPeriodEnd: boolean;
  cancelAt: number | null;
  canceledAt: number | null;
  endedAt: number | null;
  reason: Stripe.Subscription.CancellationDetails.Reason | null;
  pause: Stripe.Subscription.PauseCollection | null;
}

function canceledLifecycle(ctx: GenContext, anchor: number, every: Interval): Lifecycle {
  const { rng, now } = ctx;
  const reason = rng.chance(0.25) ? "payment_failed" : "cancellation_requested";
  const picked = rng.int(anchor + HOUR, now - HOUR);
  const period = periodAt(anchor, every, picked);
  if (reason === "cancellation_requested" && period.end <= now && rng.chance(0.5)) {
    const canceledAt = rng.int(period.start, period.end - 1);
    return {
      status: "canceled",
      current: period,
      cancelAtPeriodEnd: true,
      cancelAt: period.end,
      canceledAt,
      endedAt: period.end,
      reason,
      pause: null,
    };
  }
  return {
    status: "canceled",
    current: period,
    cancelAtPeriodEnd: false,
    cancelAt: null,
    canceledAt: picked,
    endedAt: picked,
    reason,
    pause: null,
  };
}

function liveLifecycle(ctx: GenContext, status: Stripe.Subscription.Status, current: Period): Lifecycle {
  const { rng, now } = ctx;
  const base: Lifecycle = {
    status,
    current,
    cancelAtPeriodEnd: false,
    cancelAt: null,
    canceledAt: null,
    endedAt: null,
    reason: null,
    pause: null,
  };
  if (status !== "past_due" && rng.chance(0.1)) {
    return {
      ...base,
      cancelAtPeriodEnd: true,
      cancelAt: current.end,
      canceledAt: rng.int(current.start, now),
      reason: "cancellation_requested",
    };
  }
  if (status === "active" && rng.chance(0.06)) {
    const behavior = rng.weighted({ void: 6, keep_as_draft: 2, mark_uncollectible: 2 });
    return { ...base, pause: { behavior, resumes_at: rng.chance(0.5) ? now + rng.int(7, 42) * DAY : null } };
  }
  return base;
}

/** A subscription for `customer`, consistent with `ctx.now`; items carry the current period. */
export function planSubscription(ctx: GenContext, customer: Stripe.Customer): PlannedSubscription {
  const { rng, now } = ctx;
  const prices = pickPrices(ctx);
  const every = intervalOf(prices[0] as Stripe.Price);
  const status = rng.weighted({ active: 70, trialing: 8, past_due: 8, canceled: 14 });
  const earliest = Math.max(customer.created + HOUR, now - HISTORY_DAYS * DAY);

  let start: number;
  let trial: PlannedSubscription["trial"] = null;
  if (status === "trialing") {
    start = Math.max(earliest, now - rng.int(HOUR, (TRIAL_DAYS - 1) * DAY));
    trial = { start, end: start + TRIAL_DAYS * DAY };
  } else {
    start = rng.int(earliest, now - 2 * DAY);
    if (start + (TRIAL_DAYS + 1) * DAY < now && rng.chance(0.15))
      trial = { start, end: start + TRIAL_DAYS * DAY };
  }
  const anchor = trial ? trial.end : start;

  const life =
    status === "canceled"
      ? canceledLifecycle(ctx, anchor, every)
      : liveLifecycle(
          ctx,
          status,
          status === "trialing" && trial
            ? { index: -1, start: trial.start, end: trial.end }
            : periodAt(anchor, every, now),
        );

  const id = ctx.nextId("sub");
  const items = prices.map((price) =>
    subscriptionItemObject({
      id: ctx.nextId("si"),
      subscription: id,
      price,
      quantity:
        price.id === PRICE_IDS.walk60x3Weekly || price.id === PRICE_IDS.daycareMonthly || !rng.chance(0.15)
          ? 1
          : 2,
      created: start,
      periodStart: life.current.start,
      periodEnd: life.current.end,
    }),
  );
  const subscription = subscriptionObject({
    id,
    customer: customer.id,
    created: start,
    status: life.status,
    billingCycleAnchor: anchor,
    items,
    trialStart: trial?.start ?? null,
    trialEnd: trial?.end ?? null,
    cancelAtPeriodEnd: life.cancelAtPeriodEnd,
    cancelAt: life.cancelAt,
    canceledAt: life.canceledAt,
    endedAt: life.endedAt,
    cancellationReason: life.reason,
    pauseCollection: life.pause,
    latestInvoice: null,
  });
  return { subscription, every, anchor, trial, lastBilledIndex: life.current.index };
}
