// Browser-safe helpers of the rule form: read and write a draft rule (plain JSON) by path, turn
// list fields to and from text, place each zod issue on the field it names, and say where
// invalid JSON breaks.
import { parseRule, type RuleIssue } from "@/lib/rules/schema";

export type Draft = Record<string, unknown>;

/** Fields that show their own errors; an issue goes to the longest one its path starts with. */
export const ERROR_FIELDS = [
  "name",
  "serviceCode",
  "priority",
  "active",
  "matcher",
  "matcher.serviceCodes",
  "matcher.productIds",
  "matcher.priceIds",
  "matcher.lookupKeys",
  "matcher.productMetadata",
  "matcher.recurringInterval",
  "matcher.currency",
  "allocation",
  "allocation.schedule",
  "allocation.schedule.byWeekday",
  "allocation.schedule.everyWeeks",
  "allocation.schedule.count",
  "allocation.schedule.rule",
  "allocation.schedule.offsetDays",
  "allocation.startTimes",
  "allocation.durationMin",
  "allocation.span",
  "allocation.quantity",
  "allocation.extraWeekdays",
  "allocation.staffId",
] as const;
export type ErrorField = (typeof ERROR_FIELDS)[number] | "form";

/** `allocation.startTimes[1]` → `allocation.startTimes`; unknown paths → the nearest known parent, else `form`. */
export function fieldOfPath(path: string): ErrorField {
  const normal = path.replace(/\[\d+\]/g, "");
  let best: ErrorField = "form";
  for (const field of ERROR_FIELDS) {
    if ((normal === field || normal.startsWith(`${field}.`)) && field.length > best.length) best = field;
  }
  return best;
}

/** The first message per field, with the item named when it is one of a list ("item 2: …"). */
export function errorsByField(issues: RuleIssue[]): Partial<Record<ErrorField, string>> {
  const out: Partial<Record<ErrorField, string>> = {};
  for (const issue of issues) {
    const field = fieldOfPath(issue.path);
    const item = /\[(\d+)\][^[]*$/.exec(issue.path)?.[1];
    const where =
      field === "form" && issue.path
        ? `${issue.path}: `
        : item !== undefined
          ? `item ${Number(item) + 1}: `
          : "";
    out[field] ??= `${where}${issue.message}`;
  }
  return out;
}

/** Validates a draft with the server's schema; field errors keyed as ERROR_FIELDS. */
export function validateDraft(draft: Draft): Partial<Record<ErrorField, string>> {
  const parsed = parseRule(draft);
  return parsed.ok ? {} : errorsByField(parsed.errors);
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

export function getAt(draft: Draft, path: string): unknown {
  let node: unknown = draft;
  for (const key of path.split(".")) node = isObject(node) ? node[key] : undefined;
  return node;
}

/** A copy of the draft with `path` set (`undefined` removes the key; parents are created). */
export function setAt(draft: Draft, path: string, value: unknown): Draft {
  const [head, ...rest] = path.split(".");
  const copy: Draft = { ...draft };
  if (rest.length === 0) {
    if (value === undefined) delete copy[head!];
    else copy[head!] = value;
    return copy;
  }
  const child = isObject(copy[head!]) ? (copy[head!] as Draft) : {};
  copy[head!] = setAt(child, rest.join("."), value);
  return copy;
}

/** "a, b ,c" → ["a","b","c"]; empty → undefined (the key is left out). */
export function listFromText(text: string): string[] | undefined {
  const items = text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
  return items.length ? items : undefined;
}

export function textFromList(value: unknown): string {
  return Array.isArray(value) ? value.map(String).join(", ") : "";
}

/** A number field: "" → undefined, else the number (or the text, so the schema names the mistake). */
export function numberFromText(text: string): number | string | undefined {
  if (text.trim() === "") return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : text;
}

/** Parses the JSON view; on failure, the line and column of the mistake. */
export function parseJsonText(text: string): { ok: true; value: Draft } | { ok: false; message: string } {
  try {
    const value: unknown = JSON.parse(text);
    if (!isObject(value)) return { ok: false, message: "The rule must be a JSON object { … }." };
    return { ok: true, value };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message)?.[1];
    if (position === undefined) return { ok: false, message };
    const before = text.slice(0, Number(position));
    const line = before.split("\n").length;
    const column = Number(position) - before.lastIndexOf("\n");
    return {
      ok: false,
      message: `Invalid JSON at line ${line}, column ${column}: ${message.replace(/ in JSON at position \d+.*$/, "")}`,
    };
  }
}

export const emptyDraft = (): Draft => ({
  name: "",
  serviceCode: "",
  priority: 100,
  active: true,
  matcher: {},
  allocation: {
    durationMin: 60,
    startTimes: ["09:00"],
    schedule: { kind: "weekly", byWeekday: ["MO"] },
    quantity: "multiply",
  },
});
