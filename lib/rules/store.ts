// Rule writes. Every write is validated as a whole (nothing is written when any part is
// wrong) and re-derives bookings in the same transaction, so rules and schedule never disagree.
import type { Sqlite } from "@/lib/db/sqlite";
import type { ReconcileSummary } from "@/lib/bookings/types";
import { rebuildAllBookings } from "@/lib/bookings/reconcile";
import { getRule } from "@/lib/rules/repo";
import { parseRule, type Rule, type RuleInput, type RuleIssue } from "@/lib/rules/schema";

export { getRule, listRules, loadActiveRules } from "@/lib/rules/repo";

export type RuleWriteResult =
  | { ok: true; rule: Rule; summary: ReconcileSummary }
  | { ok: false; notFound?: boolean; errors: RuleIssue[] };

function staffIssues(db: Sqlite, input: RuleInput): RuleIssue[] {
  const staffId = input.allocation.staffId;
  if (staffId === undefined || db.prepare("SELECT 1 FROM Staff WHERE id = ?").get(staffId)) return [];
  return [{ path: "allocation.staffId", message: `staff member ${staffId} does not exist` }];
}

function validate(
  db: Sqlite,
  input: unknown,
): { ok: true; value: RuleInput } | { ok: false; errors: RuleIssue[] } {
  const parsed = parseRule(input);
  if (!parsed.ok) return parsed;
  const errors = staffIssues(db, parsed.value);
  return errors.length ? { ok: false, errors } : parsed;
}

function rowParams(input: RuleInput, now: Date) {
  return {
    name: input.name,
    serviceCode: input.serviceCode,
    matcherJson: JSON.stringify(input.matcher),
    allocationJson: JSON.stringify(input.allocation),
    active: input.active ? 1 : 0,
    priority: input.priority,
    now: now.getTime(),
  };
}

/** Inserts a validated rule without re-deriving (callers re-derive once for many rules). */
export function insertRule(db: Sqlite, input: RuleInput, now: Date): number {
  const result = db
    .prepare(
      `INSERT INTO Rule (name, serviceCode, matcherJson, allocationJson, active, priority, createdAt, updatedAt)
       VALUES (@name, @serviceCode, @matcherJson, @allocationJson, @active, @priority, @now, @now)`,
    )
    .run(rowParams(input, now));
  return Number(result.lastInsertRowid);
}

/** Creates a rule when the whole input is valid, then re-derives bookings; invalid input writes nothing. */
export function createRule(db: Sqlite, input: unknown, now: Date): RuleWriteResult {
  const valid = validate(db, input);
  if (!valid.ok) return valid;
  return db
    .transaction((): RuleWriteResult => {
      const id = insertRule(db, valid.value, now);
      return { ok: true, rule: { ...valid.value, id }, summary: rebuildAllBookings(db, now) };
    })
    .immediate();
}

function storedInput(db: Sqlite, id: number): Record<string, unknown> | null {
  const listing = getRule(db, id);
  if (!listing) return null;
  const json = (text: string): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  };
  return {
    name: listing.name,
    serviceCode: listing.serviceCode,
    priority: listing.priority,
    active: listing.active,
    matcher: json(listing.matcherJson),
    allocation: json(listing.allocationJson),
  };
}

const notFound = (id: number): RuleWriteResult => ({
  ok: false,
  notFound: true,
  errors: [{ path: "id", message: `rule ${id} does not exist` }],
});

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * JSON Merge Patch (RFC 7396): objects merge key by key, `null` removes a key, anything else
 * (lists included) replaces. One addition: an object whose `kind` changes (a schedule) is
 * replaced whole, since the fields of one kind are wrong for another.
 */
export function mergeRulePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const keep = isObject(target) && !("kind" in patch && patch.kind !== target.kind);
  const merged: Record<string, unknown> = keep ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else merged[key] = mergeRulePatch(merged[key], value);
  }
  return merged;
}

/** Merges a partial rule into the stored one (mergeRulePatch), validates the whole result, re-derives. */
export function updateRule(db: Sqlite, id: number, patch: unknown, now: Date): RuleWriteResult {
  const current = storedInput(db, id);
  if (!current) return notFound(id);
  if (!isObject(patch)) {
    return { ok: false, errors: [{ path: "", message: "the update must be a JSON object" }] };
  }
  const valid = validate(db, mergeRulePatch(current, patch));
  if (!valid.ok) return valid;
  const params = rowParams(valid.value, now);
  return db
    .transaction((): RuleWriteResult => {
      db.prepare(
        `UPDATE Rule SET name=@name, serviceCode=@serviceCode, matcherJson=@matcherJson, allocationJson=@allocationJson,
         active=@active, priority=@priority, updatedAt=@now WHERE id=@id`,
      ).run({ ...params, id });
      return { ok: true, rule: { ...valid.value, id }, summary: rebuildAllBookings(db, now) };
    })
    .immediate();
}

/** Replaces a rule whole (the editor sends every field; a field left out is removed), validates, re-derives. */
export function replaceRule(db: Sqlite, id: number, input: unknown, now: Date): RuleWriteResult {
  if (!getRule(db, id)) return notFound(id);
  const valid = validate(db, input);
  if (!valid.ok) return valid;
  const params = rowParams(valid.value, now);
  return db
    .transaction((): RuleWriteResult => {
      db.prepare(
        `UPDATE Rule SET name=@name, serviceCode=@serviceCode, matcherJson=@matcherJson, allocationJson=@allocationJson,
         active=@active, priority=@priority, updatedAt=@now WHERE id=@id`,
      ).run({ ...params, id });
      return { ok: true, rule: { ...valid.value, id }, summary: rebuildAllBookings(db, now) };
    })
    .immediate();
}

/** Deactivates a rule (kept for provenance) and re-derives: its future bookings are cancelled or re-matched. */
export function deactivateRule(db: Sqlite, id: number, now: Date): RuleWriteResult {
  return updateRule(db, id, { active: false }, now);
}

/** Activates a rule again and re-derives: its bookings come back (same keys, so same calendar events). */
export function activateRule(db: Sqlite, id: number, now: Date): RuleWriteResult {
  return updateRule(db, id, { active: true }, now);
}
