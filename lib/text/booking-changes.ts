// Booking changes in words for people: the one place that turns a history row's fields, reasons,
// actor and cause into sentences ("Walker changed from nobody to Sam Patel", "Cancelled by you",
// "Moved by your change to the rule Weekly walk"). Used by the booking page's history, the
// conflict dialog and the booking actions' toasts. Browser-safe (luxon only); no identifier of
// ours (field names, snake_case reasons, causes) ever reaches the output.
import { DateTime } from "luxon";

/** A history row as the page or the API's 412 `changes` carry it (`at` as an instant or ISO text). */
export interface ChangeEvent {
  at: Date | string;
  kind: string;
  actor: string;
  cause: string | null;
  reason: string | null;
  changes: Record<string, readonly [unknown, unknown] | unknown[]>;
}

export interface ChangeWordsContext {
  zone: string;
  /** Walker id → name. */
  staffNames?: ReadonlyMap<number, string>;
  /** An account's email → the person's name (the walker's name for a linked account). */
  people?: ReadonlyMap<string, string>;
  /** Rule id → rule name. */
  ruleNames?: ReadonlyMap<number, string>;
  /** The signed-in person's actor string (their email): their own changes read "you". */
  viewer?: string | null;
}

/** Reasons the system writes, in words. A reason a person typed is shown as they typed it. */
const REASONS: Record<string, string> = {
  cancelled_by_staff: "cancelled by hand",
  payment_failed: "the payment failed",
  no_longer_wanted: "no longer part of the subscription or invoice",
  subscription_deleted: "the subscription was deleted in Stripe",
  subscription_paused: "the subscription is paused",
  subscription_ending: "the subscription ends before then",
  subscription_canceled: "the subscription was cancelled",
  subscription_incomplete: "the subscription's first payment is not complete",
  subscription_incomplete_expired: "the subscription's first payment expired",
  subscription_unpaid: "the subscription is unpaid",
  subscription_past_due: "the subscription's payment is overdue",
  subscription_missing: "the subscription is no longer in Stripe",
  invoice_deleted: "the invoice was deleted in Stripe",
  invoice_refunded: "the invoice was refunded",
  invoice_void: "the invoice was voided",
  invoice_draft: "the invoice is still a draft",
  invoice_uncollectible: "the invoice was marked uncollectible",
  invoice_missing: "the invoice is no longer in Stripe",
  covered_by_subscription: "the invoice belongs to a subscription, whose visits are booked instead",
};

/** Every reason code the system may write (tests go over them all). */
export const KNOWN_REASONS = Object.keys(REASONS);

const IDENTIFIER = /^[a-z]+(?:_[a-z]+)+$/;

/** A status reason in words; a person's own words pass through, an unknown code is not shown. */
export function reasonInWords(reason: string | null | undefined): string | null {
  if (!reason) return null;
  if (REASONS[reason]) return REASONS[reason];
  if (reason.startsWith("subscription_")) return "the subscription is no longer active";
  if (reason.startsWith("invoice_")) return "the invoice is no longer payable";
  return IDENTIFIER.test(reason) ? null : reason;
}

const STATUS_WORDS: Record<string, string> = {
  scheduled: "scheduled",
  held: "on hold",
  cancelled: "cancelled",
  completed: "completed",
  no_show: "a no-show",
};
export const statusInWords = (status: unknown) =>
  typeof status === "string" ? (STATUS_WORDS[status] ?? "changed") : "unknown";

// ---- values ----

const toDateTime = (value: unknown, zone: string): DateTime | null => {
  if (value instanceof Date) return DateTime.fromJSDate(value, { zone });
  if (typeof value === "number") return DateTime.fromMillis(value, { zone });
  if (typeof value === "string" && /^\d{4}-\d\d-\d\dT/.test(value)) return DateTime.fromISO(value, { zone });
  return null;
};

/** "09:00" when both moments share a day, else "Mon 7 Dec, 09:00". */
function moments(a: DateTime | null, b: DateTime | null): [string, string] {
  const sameDay = a && b && a.hasSame(b, "day");
  const show = (d: DateTime | null) =>
    !d ? "no time" : sameDay ? d.toFormat("HH:mm") : d.setLocale("en-GB").toFormat("ccc d LLL, HH:mm");
  return [show(a), show(b)];
}

const quote = (text: unknown) => {
  const s = String(text);
  return `“${s.length > 60 ? `${s.slice(0, 57)}…` : s}”`;
};

function walkerName(value: unknown, ctx: ChangeWordsContext): string {
  if (value === null || value === undefined) return "nobody";
  if (typeof value === "number") return ctx.staffNames?.get(value) ?? "a walker no longer listed";
  return "a walker";
}

// ---- one change: a passive sentence ("Moved from 09:00 to 12:00") and an active phrase
// ("moved it from 09:00 to 12:00") for "Sam Patel moved it …" ----

export interface ChangeSentence {
  sentence: string;
  active: string;
}

/** Fields that are bookkeeping (what a change was derived from), never shown on their own. */
const HIDDEN = new Set([
  "overrideStartAt",
  "overrideEndAt",
  "overrideStaffId",
  "overrideStatus",
  "derivedStartAt",
  "derivedEndAt",
  "derivedStaffId",
  "sequence",
  "updatedAt",
  "statusReason",
]);
const LINK_FIELDS = new Set(["bookingKey", "sourceKind", "sourceId", "sourceLineId"]);

type Changes = ChangeEvent["changes"];
const pair = (changes: Changes, field: string): [unknown, unknown] | null => {
  const value = changes[field];
  return value ? [value[0], value[1]] : null;
};

function timeSentence(changes: Changes, zone: string): ChangeSentence | null {
  const start = pair(changes, "startAt");
  const end = pair(changes, "endAt");
  if (!start && !end) return null;
  if (start) {
    const [from, to] = moments(toDateTime(start[0], zone), toDateTime(start[1], zone));
    const length = (p: [unknown, unknown] | null, i: 0 | 1) => {
      const s = toDateTime(start[i], zone);
      const e = p ? toDateTime(p[i], zone) : null;
      return s && e ? e.diff(s, "minutes").minutes : null;
    };
    const endTo = end ? toDateTime(end[1], zone) : null;
    const lengthChanged = end && length(end, 0) !== length(end, 1) && endTo;
    const tail = lengthChanged ? `, now ending at ${endTo.toFormat("HH:mm")}` : "";
    return {
      sentence: `Moved from ${from} to ${to}${tail}`,
      active: `moved it from ${from} to ${to}${tail}`,
    };
  }
  const [from, to] = moments(toDateTime(end![0], zone), toDateTime(end![1], zone));
  return { sentence: `End changed from ${from} to ${to}`, active: `changed the end from ${from} to ${to}` };
}

function statusSentence(changes: Changes): ChangeSentence | null {
  const status = pair(changes, "status");
  const reasonPair = pair(changes, "statusReason");
  const code = typeof reasonPair?.[1] === "string" ? reasonPair[1] : null;
  // A cancel by hand says who did it already ("Cancelled by you").
  const why = code === "cancelled_by_staff" ? null : reasonInWords(code);
  const because = why ? ` (${why})` : "";
  if (!status) {
    if (!reasonPair) return null;
    return why
      ? { sentence: `Reason given: ${why}`, active: `gave the reason: ${why}` }
      : { sentence: "Reason removed", active: "removed the reason" };
  }
  switch (status[1]) {
    case "cancelled":
      return { sentence: `Cancelled${because}`, active: `cancelled it${because}` };
    case "completed":
      return { sentence: "Marked completed", active: "marked it completed" };
    case "no_show":
      return { sentence: "Marked a no-show", active: "marked it a no-show" };
    case "held":
      return { sentence: `Put on hold${because}`, active: `put it on hold${because}` };
    case "scheduled":
      return status[0] === "held"
        ? { sentence: "Taken off hold", active: "took it off hold" }
        : { sentence: "Back to scheduled", active: "put it back to scheduled" };
    default:
      return { sentence: "Status changed", active: "changed its status" };
  }
}

function visitTime(label: "Check-in" | "Check-out", value: [unknown, unknown], zone: string): ChangeSentence {
  const verb = label === "Check-in" ? "checked in" : "checked out";
  const [from, to] = moments(toDateTime(value[0], zone), toDateTime(value[1], zone));
  if (value[1] === null || value[1] === undefined)
    return { sentence: `${label} removed`, active: `removed the ${label.toLowerCase()}` };
  if (value[0] === null || value[0] === undefined)
    return { sentence: `${label[0]}${verb.slice(1)} at ${to}`, active: `${verb} at ${to}` };
  return {
    sentence: `${label} changed from ${from} to ${to}`,
    active: `changed the ${label.toLowerCase()} from ${from} to ${to}`,
  };
}

function otherSentence(field: string, value: [unknown, unknown], ctx: ChangeWordsContext): ChangeSentence {
  switch (field) {
    case "staffId": {
      const from = walkerName(value[0], ctx);
      const to = walkerName(value[1], ctx);
      return {
        sentence: `Walker changed from ${from} to ${to}`,
        active: `changed the walker from ${from} to ${to}`,
      };
    }
    case "notes":
      if (typeof value[1] !== "string" || !value[1])
        return { sentence: "Note removed", active: "removed the note" };
      if (!value[0])
        return { sentence: `Note added: ${quote(value[1])}`, active: `added the note ${quote(value[1])}` };
      return {
        sentence: `Note changed to ${quote(value[1])}`,
        active: `changed the note to ${quote(value[1])}`,
      };
    case "checkInAt":
      return visitTime("Check-in", value, ctx.zone);
    case "checkOutAt":
      return visitTime("Check-out", value, ctx.zone);
    case "title":
      if (typeof value[1] !== "string") return { sentence: "Renamed", active: "renamed it" };
      return { sentence: `Renamed to ${quote(value[1])}`, active: `renamed it to ${quote(value[1])}` };
    case "serviceCode":
      return { sentence: "Service changed", active: "changed the service" };
    case "clientStripeId":
      return { sentence: "Client changed", active: "changed the client" };
    case "ruleId": {
      const name = typeof value[1] === "number" ? ctx.ruleNames?.get(value[1]) : undefined;
      return name
        ? { sentence: `Now follows the rule ${name}`, active: `made it follow the rule ${name}` }
        : { sentence: "Now follows another rule", active: "made it follow another rule" };
    }
    default:
      return { sentence: "Other details changed", active: "changed other details" };
  }
}

/** Each change of one history row as a sentence, most telling first; [] when nothing shown changed. */
export function changeSentences(changes: Changes, ctx: ChangeWordsContext): ChangeSentence[] {
  const out: ChangeSentence[] = [];
  const time = timeSentence(changes, ctx.zone);
  if (time) out.push(time);
  const status = statusSentence(changes);
  if (status) out.push(status);
  let linked = false;
  for (const field of Object.keys(changes)) {
    if (HIDDEN.has(field) || field === "startAt" || field === "endAt" || field === "status") continue;
    if (LINK_FIELDS.has(field)) {
      if (!linked)
        out.push({ sentence: "Linked to another Stripe item", active: "linked it to another Stripe item" });
      linked = true;
      continue;
    }
    const value = pair(changes, field);
    if (value) out.push(otherSentence(field, value, ctx));
  }
  return out;
}

// ---- who or what made it ----

export interface OriginWords {
  /** "Sam Patel", "You", "Stripe", "Your change to the rule Weekly walk". */
  subject: string;
  /** "by Sam Patel", "by you", "from Stripe", "by your change to the rule Weekly walk". */
  agent: string;
}

function person(actor: string, ctx: ChangeWordsContext): OriginWords {
  if (ctx.viewer && actor === ctx.viewer) return { subject: "You", agent: "by you" };
  if (actor.startsWith("token:")) {
    const name = actor.slice("token:".length) || "an app";
    return { subject: `The app ${quote(name)}`, agent: `by the app ${quote(name)}` };
  }
  if (actor === "cli") return { subject: "A command on this computer", agent: "from the command line" };
  if (actor === "stripe") return { subject: "Stripe", agent: "from Stripe" };
  if (actor === "system") return { subject: "The app", agent: "automatically" };
  const name = ctx.people?.get(actor) ?? actor;
  return { subject: name, agent: `by ${name}` };
}

/** Who or what made a change, from its actor and cause. */
export function originInWords(
  event: Pick<ChangeEvent, "actor" | "cause">,
  ctx: ChangeWordsContext,
): OriginWords {
  const cause = event.cause ?? "";
  const who = person(event.actor, ctx);
  const own = who.subject === "You";
  const rule = /^rule:(\d+)$/.exec(cause);
  if (rule) {
    const name = ctx.ruleNames?.get(Number(rule[1]));
    const what = name ? `the rule ${name}` : "a rule";
    return own
      ? { subject: `Your change to ${what}`, agent: `by your change to ${what}` }
      : { subject: `A change to ${what}`, agent: `by a change to ${what}` };
  }
  if (cause.startsWith("stripe:")) return { subject: "Stripe", agent: "from Stripe" };
  if (cause === "sync" || cause.startsWith("sync:"))
    return { subject: "Catching up with Stripe", agent: "when catching up with Stripe" };
  if (cause === "rederive" || cause === "rules" || cause === "settings")
    return {
      subject: "A change to the rules or settings",
      agent: "after a change to the rules or settings",
    };
  if (cause === "horizon")
    return { subject: "Planning further ahead", agent: "when the calendar was planned further ahead" };
  if (cause === "staff-default")
    return own
      ? { subject: "Your default walker", agent: "by your default walker" }
      : { subject: `${who.subject}'s default walker`, agent: `by ${who.subject}'s default walker` };
  if (cause === "series-edit")
    return {
      subject: `${who.subject}, changing this and following visits,`,
      agent: `${who.agent}, changing this and following visits`,
    };
  return who;
}

// ---- a whole row ----

export interface EventWords {
  /** "Moved from 09:00 to 12:00 by Sam Patel" */
  summary: string;
  /** Further changes of the same row ("Walker changed from nobody to Sam Patel"). */
  details: string[];
  /** "Sam Patel moved it from 09:00 to 12:00" — for "who changed what since". */
  active: string;
  /** The reason a person gave, when it is not already part of the summary. */
  reason: string | null;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** One history row in words. */
export function eventInWords(event: ChangeEvent, ctx: ChangeWordsContext): EventWords {
  const origin = originInWords(event, ctx);
  const sentences = changeSentences(event.changes, ctx);
  const given = reasonInWords(event.reason);
  const statusReason = pair(event.changes, "statusReason")?.[1];
  const reason =
    given && reasonInWords(typeof statusReason === "string" ? statusReason : null) !== given ? given : null;
  if (event.kind === "created") {
    const how = event.cause === "manual" ? "Booked by hand" : "Booked";
    const why = reasonInWords(event.reason);
    return {
      summary: `${how} ${origin.agent}${why ? ` (${why})` : ""}`,
      details: sentences.map((s) => s.sentence),
      active: `${origin.subject} booked it`,
      reason: null,
    };
  }
  const [first, ...rest] = sentences;
  if (!first)
    return {
      summary: `Updated ${origin.agent}`,
      details: [],
      active: `${origin.subject} updated it`,
      reason,
    };
  const others = rest.map((s) => s.active);
  return {
    summary: `${first.sentence} ${origin.agent}`,
    details: rest.map((s) => s.sentence),
    active: capital(`${origin.subject} ${[first.active, ...others].join(", and ")}`),
    reason,
  };
}

/** "2 minutes ago", "just now". */
export function agoInWords(at: Date | string, now: Date): string {
  const then = typeof at === "string" ? DateTime.fromISO(at) : DateTime.fromJSDate(at);
  const seconds = DateTime.fromJSDate(now).diff(then, "seconds").seconds;
  if (seconds < 45) return "just now";
  return then.toRelative({ base: DateTime.fromJSDate(now), locale: "en-GB" }) ?? "";
}

// ---- versions side by side (toasts, the conflict dialog) ----

/** The parts of a booking a person edits, as the API shows them (instants as ISO text). */
export interface EditableBooking {
  startAt: string;
  endAt: string;
  staffId: number | null;
  status: string;
  statusReason: string | null;
  notes: string | null;
  checkInAt: string | null;
  checkOutAt: string | null;
}

const EDITABLE = [
  "startAt",
  "endAt",
  "staffId",
  "status",
  "statusReason",
  "notes",
  "checkInAt",
  "checkOutAt",
] as const;

const sameValue = (a: unknown, b: unknown) =>
  typeof a === "string" && typeof b === "string" && /^\d{4}-/.test(a)
    ? Date.parse(a) === Date.parse(b)
    : a === b;

/** What differs between two versions, as a history row's `changes`. */
export function versionChanges(before: EditableBooking, after: EditableBooking): ChangeEvent["changes"] {
  const out: ChangeEvent["changes"] = {};
  for (const field of EDITABLE) {
    if (!sameValue(before[field], after[field])) out[field] = [before[field], after[field]];
  }
  return out;
}

/** What a save did, for its toast: "Moved from 09:00 to 15:00", or "Nothing changed". */
export function savedInWords(
  before: EditableBooking,
  after: EditableBooking,
  ctx: ChangeWordsContext,
): string {
  const sentences = changeSentences(versionChanges(before, after), ctx).map((s) => s.sentence);
  return sentences.length ? sentences.join(". ") : "Nothing changed";
}

/** One value of a booking as people read it, for "now" and "yours" side by side. */
export function valuesInWords(
  booking: EditableBooking,
  ctx: ChangeWordsContext,
): { label: string; field: string; text: string }[] {
  const when = (iso: string | null) =>
    iso ? DateTime.fromISO(iso, { zone: ctx.zone }).setLocale("en-GB").toFormat("ccc d LLL, HH:mm") : "—";
  const start = DateTime.fromISO(booking.startAt, { zone: ctx.zone });
  const end = DateTime.fromISO(booking.endAt, { zone: ctx.zone });
  const why = booking.statusReason === "cancelled_by_staff" ? null : reasonInWords(booking.statusReason);
  return [
    {
      label: "When",
      field: "when",
      text: `${start.setLocale("en-GB").toFormat("ccc d LLL, HH:mm")}–${end.toFormat(start.hasSame(end, "day") ? "HH:mm" : "ccc d LLL, HH:mm")}`,
    },
    {
      label: "Walker",
      field: "staffId",
      text: walkerName(booking.staffId, ctx).replace(/^nobody$/, "Nobody"),
    },
    {
      label: "Status",
      field: "status",
      text: capital(statusInWords(booking.status)) + (why ? ` (${why})` : ""),
    },
    { label: "Note", field: "notes", text: booking.notes ? quote(booking.notes) : "—" },
    { label: "Checked in", field: "checkInAt", text: when(booking.checkInAt) },
    { label: "Checked out", field: "checkOutAt", text: when(booking.checkOutAt) },
  ];
}
