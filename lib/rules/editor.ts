// The rules editor's domain: preview a save (counts + samples), save exactly what was previewed
// (one transaction, bookings re-derived), reorder, activate/deactivate, a rule's bookings, and
// a draft rule for an unmapped line item.
import type { Sqlite } from "@/lib/db/sqlite";
import type { ReconcileSummary } from "@/lib/bookings/types";
import { rebuildAllBookings } from "@/lib/bookings/reconcile";
import { NEW_RULE_ID } from "@/lib/bookings/preview";
import { loadSettings } from "@/lib/settings";
import { formatWhen } from "@/lib/schedule/time";
import { getRule, listRules, loadActiveRules, sortRules } from "@/lib/rules/repo";
import { parseRule, type Rule, type RuleInputRaw, type RuleIssue } from "@/lib/rules/schema";
import { activateRule, createRule, deactivateRule, replaceRule } from "@/lib/rules/store";
import { planAll, summarizeChanges, type ChangeSummary } from "@/lib/rules/change-summary";
import type { UnmappedLine } from "@/lib/rules/match";

export type EditorFailure =
  | { ok: false; kind: "invalid"; errors: RuleIssue[] }
  | { ok: false; kind: "not-found"; errors: RuleIssue[] }
  /** The schedule changed since the preview: here is the new one; nothing was written. */
  | { ok: false; kind: "stale"; preview: ChangeSummary };

export interface RuleChange {
  /** Edit this rule; absent for a new rule. */
  ruleId?: number;
  /** The whole rule, as the form or the JSON view holds it. */
  rule: unknown;
}

const notFound = (id: number): EditorFailure => ({
  ok: false,
  kind: "not-found",
  errors: [{ path: "id", message: `rule ${id} does not exist` }],
});

/** What saving the rule would create, change and cancel (counts, samples, fingerprint); writes nothing. */
export function previewRuleSave(
  db: Sqlite,
  change: RuleChange,
  now: Date,
): { ok: true; preview: ChangeSummary } | EditorFailure {
  const parsed = parseRule(change.rule);
  if (!parsed.ok) return { ok: false, kind: "invalid", errors: parsed.errors };
  if (change.ruleId !== undefined && !getRule(db, change.ruleId)) return notFound(change.ruleId);
  const candidate: Rule = { ...parsed.value, id: change.ruleId ?? NEW_RULE_ID };
  const others = loadActiveRules(db).filter((rule) => rule.id !== candidate.id);
  const rules = sortRules(candidate.active ? [...others, candidate] : others);
  const settings = loadSettings(db);
  return { ok: true, preview: summarizeChanges(db, planAll(db, rules, settings, now), settings.timeZone) };
}

export type SaveResult =
  { ok: true; rule: Rule; summary: ReconcileSummary; preview: ChangeSummary } | EditorFailure;

/**
 * Saves a rule (new, or replacing `ruleId` whole) and re-derives, in one IMMEDIATE transaction.
 * With `expect` (the fingerprint the owner saw), a schedule that moved on since is refused with
 * the new preview and nothing is written: what is applied is what was shown.
 */
export function saveRule(db: Sqlite, change: RuleChange & { expect?: string }, now: Date): SaveResult {
  return db
    .transaction((): SaveResult => {
      const previewed = previewRuleSave(db, change, now);
      if (!previewed.ok) return previewed;
      if (change.expect !== undefined && change.expect !== previewed.preview.fingerprint) {
        return { ok: false, kind: "stale", preview: previewed.preview };
      }
      const written =
        change.ruleId === undefined
          ? createRule(db, change.rule, now)
          : replaceRule(db, change.ruleId, change.rule, now);
      if (!written.ok) {
        // Staff that does not exist is checked only at write time; roll back (nothing written).
        throw new RuleRejected(written.notFound ? "not-found" : "invalid", written.errors);
      }
      return { ok: true, rule: written.rule, summary: written.summary, preview: previewed.preview };
    })
    .immediate();
}

class RuleRejected extends Error {
  constructor(
    readonly kind: "invalid" | "not-found",
    readonly errors: RuleIssue[],
  ) {
    super("rule rejected");
  }
}

/** saveRule, with a rejected write turned back into a result (the transaction rolled back). */
export function saveRuleSafely(db: Sqlite, change: RuleChange & { expect?: string }, now: Date): SaveResult {
  try {
    return saveRule(db, change, now);
  } catch (error) {
    if (error instanceof RuleRejected) return { ok: false, kind: error.kind, errors: error.errors };
    throw error;
  }
}

/** Gives the rules priorities 10, 20, … in this order (every rule exactly once) and re-derives; one transaction. */
export function reorderRules(
  db: Sqlite,
  ids: number[],
  now: Date,
): { ok: true; summary: ReconcileSummary } | EditorFailure {
  const existing = listRules(db).map((r) => r.id);
  const same = ids.length === existing.length && new Set(ids).size === ids.length;
  if (!same || !existing.every((id) => ids.includes(id))) {
    return {
      ok: false,
      kind: "invalid",
      errors: [{ path: "ids", message: "list every rule exactly once, in the new order" }],
    };
  }
  return db
    .transaction(() => {
      const update = db.prepare("UPDATE Rule SET priority = ?, updatedAt = ? WHERE id = ?");
      ids.forEach((id, i) => update.run((i + 1) * 10, now.getTime(), id));
      return { ok: true as const, summary: rebuildAllBookings(db, now) };
    })
    .immediate();
}

/** Moves a rule one place up (matched earlier) or down in match order, renumbering priorities. */
export function moveRule(db: Sqlite, id: number, direction: "up" | "down", now: Date) {
  const order = listRules(db).map((r) => r.id);
  const at = order.indexOf(id);
  if (at < 0) return notFound(id);
  const to = direction === "up" ? at - 1 : at + 1;
  if (to >= 0 && to < order.length) [order[at], order[to]] = [order[to]!, order[at]!];
  return reorderRules(db, order, now);
}

/** Activates or deactivates a rule and re-derives (deactivating cancels its future bookings or re-matches them). */
export function setRuleActive(db: Sqlite, id: number, active: boolean, now: Date) {
  return active ? activateRule(db, id, now) : deactivateRule(db, id, now);
}

export interface RuleBooking {
  id: number;
  title: string;
  status: string;
  clientName: string | null;
  when: string;
}

/** The rule's bookings from `now` on (first `limit`, by start), with their total. */
export function upcomingRuleBookings(
  db: Sqlite,
  ruleId: number,
  now: Date,
  limit = 10,
): { total: number; bookings: RuleBooking[] } {
  const { timeZone } = loadSettings(db);
  const total = (
    db
      .prepare(
        "SELECT count(*) AS n FROM Booking WHERE ruleId = ? AND startAt >= ? AND status != 'cancelled'",
      )
      .get(ruleId, now.getTime()) as { n: number }
  ).n;
  const rows = db
    .prepare(
      `SELECT b.id, b.title, b.status, b.startAt, b.endAt, coalesce(c.name, c.email) AS clientName
       FROM Booking b LEFT JOIN Client c ON c.stripeId = b.clientStripeId
       WHERE b.ruleId = ? AND b.startAt >= ? AND b.status != 'cancelled' ORDER BY b.startAt, b.id LIMIT ?`,
    )
    .all(ruleId, now.getTime(), limit) as {
    id: number;
    title: string;
    status: string;
    startAt: number;
    endAt: number;
    clientName: string | null;
  }[];
  return {
    total,
    bookings: rows.map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status,
      clientName: r.clientName,
      when: formatWhen(new Date(r.startAt), new Date(r.endAt), timeZone),
    })),
  };
}

/** The `from` parameter of "Create a rule for this": `<kind>:<source id>:<line id>`. */
export function unmappedLineRef(line: Pick<UnmappedLine, "sourceKind" | "sourceStripeId" | "lineStripeId">) {
  return `${line.sourceKind}:${line.sourceStripeId}:${line.lineStripeId}`;
}

/** The editor link that starts a rule for an unmapped line item, prefilled. */
export function createRuleHref(line: Pick<UnmappedLine, "sourceKind" | "sourceStripeId" | "lineStripeId">) {
  return `/rules/new?from=${encodeURIComponent(unmappedLineRef(line))}`;
}

/** A starting rule for an unmapped line: matched by its service code, else its product, else its price. */
export function draftFromUnmapped(line: UnmappedLine): RuleInputRaw {
  const code =
    line.serviceCode ??
    (line.productName ?? "SERVICE")
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .slice(0, 32);
  const matcher = line.serviceCode
    ? { serviceCodes: [line.serviceCode] }
    : line.productStripeId
      ? { productIds: [line.productStripeId] }
      : { priceIds: [line.priceStripeId ?? ""] };
  return {
    name: line.productName ?? line.priceLabel ?? "New rule",
    serviceCode: code || "SERVICE",
    priority: 100,
    active: true,
    matcher,
    allocation: {
      durationMin: 60,
      startTimes: ["09:00"],
      schedule: line.sourceKind === "subscription" ? { kind: "weekly", byWeekday: ["MO"] } : { kind: "once" },
      quantity: "multiply",
    },
  };
}
