// The one place that decides which bookings a subscription or invoice should have. Pure: the
// same snapshot, rules, settings and `now` always give the same bookings with the same keys.
import type {
  DesiredBooking,
  InvoiceSnapshot,
  LineSnapshot,
  SourceSnapshot,
  SubscriptionSnapshot,
} from "@/lib/bookings/types";
import type { Settings } from "@/lib/settings";
import type { Rule } from "@/lib/rules/schema";
import { matchRule } from "@/lib/rules/match";
import { addDays, assertTimeZone, localDateOf, localToUtc, plusLocalDays } from "@/lib/bookings/local-time";
import { expandSlots, type Billing, type SlotPlan } from "@/lib/bookings/occurrences";

export type { DesiredBooking, SourceSnapshot } from "@/lib/bookings/types";

/** More copies than this per occurrence is a data error, not a booking request. */
export const MAX_COPIES = 50;
const FAR_FUTURE_DAYS = 3660;

/** What a source's state means for its bookings. */
export interface Lifecycle {
  /** False: the source wants no bookings at all. */
  wanted: boolean;
  /** statusReason written on bookings this source no longer wants. */
  cancelReason: string;
  status: "scheduled" | "held";
  statusReason: string | null;
  /** No booking starts at or after this (subscription end). */
  until: Date | null;
  /** No booking starts before this (paused collection). */
  notBefore: Date | null;
}

const liveSubscription = new Set(["active", "trialing", "past_due"]);
const none = (cancelReason: string): Lifecycle => ({
  wanted: false,
  cancelReason,
  status: "scheduled",
  statusReason: null,
  until: null,
  notBefore: null,
});

function minDate(...dates: (Date | null)[]): Date | null {
  const present = dates.filter((d): d is Date => d !== null);
  return present.length ? new Date(Math.min(...present.map((d) => d.getTime()))) : null;
}

function subscriptionLifecycle(sub: SubscriptionSnapshot, settings: Settings): Lifecycle {
  if (sub.deleted) return none("subscription_deleted");
  if (!liveSubscription.has(sub.status)) return none(`subscription_${sub.status}`);
  if (sub.pauseBehavior && !sub.pauseResumesAt) return none("subscription_paused");
  const hold = sub.status === "past_due" && settings.paymentFailedPolicy === "hold";
  // Newer Stripe API versions keep the period on the items only.
  const itemEnds = sub.lines.flatMap((line) => (line.periodEnd ? [line.periodEnd] : []));
  const currentEnd =
    sub.currentPeriodEnd ?? (itemEnds.length ? new Date(Math.max(...itemEnds.map(Number))) : null);
  const periodEnd = sub.cancelAtPeriodEnd ? currentEnd : null;
  const until = minDate(sub.endedAt, sub.cancelAt, periodEnd);
  return {
    wanted: true,
    cancelReason: sub.pauseBehavior
      ? "subscription_paused"
      : until
        ? "subscription_ending"
        : "no_longer_wanted",
    status: hold ? "held" : "scheduled",
    statusReason: hold ? "payment_failed" : null,
    until,
    notBefore: sub.pauseBehavior ? sub.pauseResumesAt : null,
  };
}

function invoiceLifecycle(invoice: InvoiceSnapshot, settings: Settings): Lifecycle {
  if (invoice.deleted) return none("invoice_deleted");
  // A subscription's invoices pay for the subscription's bookings; they add none of their own.
  if (invoice.subscriptionStripeId) return none("covered_by_subscription");
  if (invoice.total > 0 && invoice.amountRefunded >= invoice.total) return none("invoice_refunded");
  if (invoice.status !== "paid" && invoice.status !== "open") return none(`invoice_${invoice.status}`);
  const hold = invoice.status === "open" && invoice.paymentFailed && settings.paymentFailedPolicy === "hold";
  return {
    wanted: true,
    cancelReason: "no_longer_wanted",
    status: hold ? "held" : "scheduled",
    statusReason: hold ? "payment_failed" : null,
    until: null,
    notBefore: null,
  };
}

/** How the source's state (status, cancellation, pause, refunds, payment policy) bounds its bookings. */
export function sourceLifecycle(source: SourceSnapshot, settings: Settings): Lifecycle {
  return source.kind === "subscription"
    ? subscriptionLifecycle(source, settings)
    : invoiceLifecycle(source, settings);
}

interface SpanWindow {
  anchor: Date;
  from: Date;
  until: Date | null;
  countLimit: number | null;
  billing: Billing;
}

function billingUnit(line: LineSnapshot): { unit: "day" | "week" | "month" | "year"; count: number } {
  const interval = line.price?.recurringInterval;
  const unit = interval === "day" || interval === "week" || interval === "year" ? interval : "month";
  return { unit, count: Math.max(1, line.price?.recurringCount ?? 1) };
}

function subscriptionSpan(
  sub: SubscriptionSnapshot,
  line: LineSnapshot,
  rule: Rule,
  zone: string,
): SpanWindow {
  const anchor = sub.startDate;
  const periodStart = line.periodStart ?? sub.currentPeriodStart;
  const billing: Billing = { kind: "cycle", anchor: periodStart ?? anchor, ...billingUnit(line) };
  const span = rule.allocation.span ?? "subscription";
  if (span === "invoicePeriod") {
    return {
      anchor,
      from: periodStart ?? anchor,
      until: line.periodEnd ?? sub.currentPeriodEnd,
      countLimit: null,
      billing,
    };
  }
  if (span === "subscription") return { anchor, from: anchor, until: null, countLimit: null, billing };
  return countedSpan(anchor, span, zone, billing);
}

/**
 * The end of the booking horizon: the local midnight after the day `horizonWeeks` weeks from
 * today. Whole days, so a new start time never moves a visit across the horizon (cancelled now
 * and booked again hours later), and the horizon moves once a day, not with every derivation.
 */
function horizonEndOf(now: Date, settings: Pick<Settings, "horizonWeeks">, zone: string): Date {
  return localToUtc(addDays(localDateOf(now, zone), settings.horizonWeeks * 7 + 1), "00:00", zone);
}

/** `{ weeks: n }` and `{ count: n }` spans run from the anchor, whatever the source. */
function countedSpan(
  anchor: Date,
  span: { weeks: number } | { count: number },
  zone: string,
  billing: Billing,
): SpanWindow {
  if ("weeks" in span) {
    return {
      anchor,
      from: anchor,
      until: plusLocalDays(anchor, span.weeks * 7, zone),
      countLimit: null,
      billing,
    };
  }
  return { anchor, from: anchor, until: null, countLimit: span.count, billing };
}

function invoiceSpan(invoice: InvoiceSnapshot, line: LineSnapshot, rule: Rule, zone: string): SpanWindow {
  const anchor = invoice.paidAt ?? line.periodStart ?? invoice.stripeCreated;
  const hasPeriod = line.periodStart !== null && line.periodEnd !== null && line.periodEnd > line.periodStart;
  // One-off items carry a zero-length period; their "period" is then the week after the anchor.
  const period =
    hasPeriod && line.periodStart && line.periodEnd
      ? { start: line.periodStart, end: line.periodEnd }
      : { start: anchor, end: plusLocalDays(anchor, 7, zone) };
  const billing: Billing = { kind: "fixed", periods: [period] };
  const span = rule.allocation.span ?? "invoicePeriod";
  if (span === "invoicePeriod" || span === "subscription") {
    return { anchor, from: period.start, until: period.end, countLimit: null, billing };
  }
  return countedSpan(anchor, span, zone, billing);
}

function linePlan(
  source: SourceSnapshot,
  line: LineSnapshot,
  rule: Rule,
  life: Lifecycle,
  settings: Settings,
  now: Date,
): SlotPlan {
  const zone = settings.timeZone;
  const { allocation } = rule;
  const span =
    source.kind === "subscription"
      ? subscriptionSpan(source, line, rule, zone)
      : invoiceSpan(source, line, rule, zone);
  // One-off schedules are finite by nature: neither the span nor the horizon cuts them.
  const finite = allocation.schedule.kind === "once" || allocation.schedule.kind === "consecutiveDays";
  const horizonEnd = finite ? plusLocalDays(now, FAR_FUTURE_DAYS, zone) : horizonEndOf(now, settings, zone);
  const from = new Date(
    Math.max(now.getTime(), finite ? 0 : span.from.getTime(), life.notBefore?.getTime() ?? 0),
  );
  const until = minDate(finite ? null : span.until, life.until, horizonEnd) ?? horizonEnd;
  const quantity = Math.min(Math.max(0, line.quantity), MAX_COPIES);
  const multiply = allocation.quantity === "multiply" || allocation.schedule.kind === "consecutiveDays";
  return {
    schedule: allocation.schedule,
    zone,
    startTimes: [...(allocation.startTimes ?? [settings.defaultStartTime])].sort(),
    durationMin: allocation.durationMin ?? settings.defaultDurationMin,
    copies: multiply ? quantity : Math.min(quantity, 1),
    extraWeekdays: allocation.extraWeekdays ?? "parallel",
    anchor: span.anchor,
    from,
    until,
    countLimit: span.countLimit,
    billing: span.billing,
  };
}

/**
 * A booking's identity: source, line, local date and index that day — never the time of day, so
 * a rule moved from 09:00 to 18:00 updates the same booking (same calendar UID, SEQUENCE + 1).
 */
export function bookingKeyOf(
  source: Pick<SourceSnapshot, "kind" | "stripeId">,
  lineId: string,
  date: string,
  index: number,
): string {
  return `${source.kind}:${source.stripeId}:${lineId}:${date}#${index}`;
}

/** The bookings the rules want for one source, starting at or after `now`; keys are stable across runs. */
export function deriveBookings(input: {
  source: SourceSnapshot;
  rules: Rule[];
  settings: Settings;
  now: Date;
}): DesiredBooking[] {
  const { source, rules, settings, now } = input;
  assertTimeZone(settings.timeZone);
  const life = sourceLifecycle(source, settings);
  if (!life.wanted) return [];
  const client = source.clientName ?? source.clientStripeId;
  const desired: DesiredBooking[] = [];
  for (const line of source.lines) {
    const rule = matchRule(rules, line);
    if (!rule) continue;
    const title = `${line.product?.name ?? rule.name} — ${client}`;
    for (const slot of expandSlots(linePlan(source, line, rule, life, settings, now))) {
      desired.push({
        bookingKey: bookingKeyOf(source, line.stripeId, slot.date, slot.index),
        sourceKind: source.kind,
        sourceId: source.stripeId,
        sourceLineId: line.stripeId,
        clientStripeId: source.clientStripeId,
        serviceCode: rule.serviceCode,
        title,
        startAt: slot.startAt,
        endAt: slot.endAt,
        staffId: rule.allocation.staffId ?? null,
        ruleId: rule.id,
        status: life.status,
        statusReason: life.statusReason,
      });
    }
  }
  return desired.sort(
    (a, b) => a.startAt.getTime() - b.startAt.getTime() || (a.bookingKey < b.bookingKey ? -1 : 1),
  );
}
