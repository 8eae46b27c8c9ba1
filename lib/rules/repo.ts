// Reading rules from the Rule table. Stored JSON is validated on the way out too: a rule
// written around the store (by hand, by an old version) must never crash derivation.
import { cachedStatement, fromDb, type Sqlite } from "@/lib/db/sqlite";
import { log } from "@/lib/log";
import { allocationSchema, matcherSchema, type Rule, type RuleIssue } from "@/lib/rules/schema";
import { zodIssues } from "@/lib/http/problem";

interface RuleRow {
  id: number;
  name: string;
  serviceCode: string;
  matcherJson: string;
  allocationJson: string;
  active: number;
  priority: number;
  createdAt: number | null;
  updatedAt: number | null;
}

/** A rule as listed: parsed when valid, with the raw JSON and any problems either way. */
export interface RuleListing {
  id: number;
  name: string;
  serviceCode: string;
  priority: number;
  active: boolean;
  matcherJson: string;
  allocationJson: string;
  rule: Rule | null;
  errors: RuleIssue[];
  updatedAt: Date | null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return Symbol("invalid json");
  }
}

function toListing(row: RuleRow): RuleListing {
  const matcher = matcherSchema.safeParse(parseJson(row.matcherJson));
  const allocation = allocationSchema.safeParse(parseJson(row.allocationJson));
  const errors = [
    ...(matcher.success
      ? []
      : zodIssues(matcher.error).map((i) => ({ ...i, path: `matcher${i.path ? `.${i.path}` : ""}` }))),
    ...(allocation.success
      ? []
      : zodIssues(allocation.error).map((i) => ({ ...i, path: `allocation${i.path ? `.${i.path}` : ""}` }))),
  ];
  const base = {
    id: row.id,
    name: row.name,
    serviceCode: row.serviceCode,
    priority: row.priority,
    active: row.active === 1,
  };
  const rule =
    matcher.success && allocation.success
      ? { ...base, matcher: matcher.data, allocation: allocation.data }
      : null;
  return {
    ...base,
    matcherJson: row.matcherJson,
    allocationJson: row.allocationJson,
    rule,
    errors,
    updatedAt: fromDb(row.updatedAt),
  };
}

/** All rules, active or not, in match order (priority, then id). */
export function listRules(db: Sqlite): RuleListing[] {
  const rows = db.prepare("SELECT * FROM Rule ORDER BY priority, id").all() as RuleRow[];
  return rows.map(toListing);
}

export function getRule(db: Sqlite, id: number): RuleListing | null {
  const row = db.prepare("SELECT * FROM Rule WHERE id = ?").get(id) as RuleRow | undefined;
  return row ? toListing(row) : null;
}

/** Active, valid rules in match order (priority, then id); invalid stored rules are logged and skipped. */
export function loadActiveRules(db: Sqlite): Rule[] {
  const rows = cachedStatement<[], RuleRow>(
    db,
    "SELECT * FROM Rule WHERE active = 1 ORDER BY priority, id",
  ).all();
  // Parsing rules with zod is most of this function's cost and every webhook batch calls it:
  // the parsed list is kept while the rows read back are the same text (so it never goes stale).
  const key = rows
    .map(
      (r) =>
        `${r.id}\u0000${r.priority}\u0000${r.name}\u0000${r.serviceCode}\u0000${r.matcherJson}\u0000${r.allocationJson}`,
    )
    .join("\u0001");
  const cached = parsedRules.get(db);
  if (cached?.key === key) return [...cached.rules];
  const rules: Rule[] = [];
  for (const listing of rows.map(toListing)) {
    if (listing.rule) rules.push(listing.rule);
    else log.warn({ ruleId: listing.id, errors: listing.errors }, "stored rule is invalid; skipped");
  }
  // Shared by every later call: frozen, so a caller changing one cannot change the others'.
  parsedRules.set(db, { key, rules: deepFreeze(rules) });
  return [...rules];
}

const parsedRules = new WeakMap<Sqlite, { key: string; rules: readonly Rule[] }>();

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Match order: lower priority first, then lower id. */
export function sortRules<T extends { priority: number; id: number }>(rules: T[]): T[] {
  return [...rules].sort((a, b) => a.priority - b.priority || a.id - b.id);
}
