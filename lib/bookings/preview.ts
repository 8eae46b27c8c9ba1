// What saving a rule would do to the schedule, computed in memory: nothing is written.
import type { Sqlite } from "@/lib/db/sqlite";
import { loadSettings } from "@/lib/settings";
import { getRule, loadActiveRules, sortRules } from "@/lib/rules/repo";
import { parseRule, type Rule, type RuleIssue } from "@/lib/rules/schema";
import { listAllSourceRefs } from "@/lib/bookings/load-source";
import type { BookingCancel, BookingFields, BookingUpdate } from "@/lib/bookings/plan";
import { planSources, REBUILD_BATCH } from "@/lib/bookings/reconcile";

/** Stands in for the id a new rule will get; it sorts after every saved rule of equal priority. */
export const NEW_RULE_ID = Number.MAX_SAFE_INTEGER;

export type RulePreview =
  | {
      ok: true;
      created: BookingFields[];
      changed: BookingUpdate[];
      cancelled: BookingCancel[];
      unchanged: number;
    }
  | { ok: false; errors: RuleIssue[] };

/** The bookings that would be created, changed or cancelled if the rule were saved (as new, or over `ruleId`); read-only. */
export function previewRuleChange(
  db: Sqlite,
  change: { ruleId?: number; rule: unknown },
  now: Date,
): RulePreview {
  const parsed = parseRule(change.rule);
  if (!parsed.ok) return parsed;
  if (change.ruleId !== undefined && !getRule(db, change.ruleId)) {
    return { ok: false, errors: [{ path: "id", message: `rule ${change.ruleId} does not exist` }] };
  }
  const candidate: Rule = { ...parsed.value, id: change.ruleId ?? NEW_RULE_ID };
  const others = loadActiveRules(db).filter((rule) => rule.id !== candidate.id);
  const rules = sortRules(candidate.active ? [...others, candidate] : others);
  const settings = loadSettings(db);
  const refs = listAllSourceRefs(db);
  const preview = {
    ok: true as const,
    created: [] as BookingFields[],
    changed: [] as BookingUpdate[],
    cancelled: [] as BookingCancel[],
    unchanged: 0,
  };
  for (let i = 0; i < refs.length; i += REBUILD_BATCH) {
    for (const { plan } of planSources(db, refs.slice(i, i + REBUILD_BATCH), rules, settings, now)) {
      preview.created.push(...plan.inserts);
      preview.changed.push(...plan.updates);
      preview.cancelled.push(...plan.cancels);
      preview.unchanged += plan.unchanged;
    }
  }
  return preview;
}
