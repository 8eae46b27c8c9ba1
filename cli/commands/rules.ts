// rules:* and bookings:rebuild — thin shells over lib/rules and lib/bookings. Bad input exits
// 2 with the JSON path of each problem; a missing rule exits 1; nothing is written on error.
import { readFileSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { DateTime } from "luxon";
import { say, type CommandContext } from "@/cli/context";
import { commandLine, defineCommand, type ParsedArgs } from "@/cli/spec";
import type { ReconcileSummary } from "@/lib/bookings/types";
import { rebuildAllBookings } from "@/lib/bookings/reconcile";
import { previewRuleChange } from "@/lib/bookings/preview";
import { seedDefaultRules } from "@/lib/rules/defaults";
import { rulesReference as rulesReferenceText, withReference } from "@/lib/rules/reference";
import { formatIssues, type RuleIssue } from "@/lib/rules/schema";
import {
  activateRule,
  createRule,
  deactivateRule,
  listRules,
  updateRule,
  type RuleWriteResult,
} from "@/lib/rules/store";
import { loadSettings } from "@/lib/settings";

export type RulesCommandContext = Pick<CommandContext, "db" | "now" | "out"> & {
  /** Where `-` reads JSON from; defaults to the process's stdin. */
  readStdin?: () => Promise<string>;
  /** Messages (errors, hints); defaults to stderr. */
  err?: (line: string) => void;
};

const BAD_INPUT = 2;
const NOT_FOUND = 1;

async function processStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString("utf8");
}

type Loaded = { ok: true; value: unknown } | { ok: false; message: string };

async function readJsonArg(source: string | undefined, ctx: RulesCommandContext): Promise<Loaded> {
  if (!source) return { ok: false, message: "name a JSON file, or - to read standard input" };
  let text: string;
  try {
    text = source === "-" ? await (ctx.readStdin ?? processStdin)() : await readFile(source, "utf8");
  } catch (error) {
    return {
      ok: false,
      message: `cannot read ${source}: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return {
      ok: false,
      message: `${source} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

function parseId(value: string | undefined): number | null {
  return value && /^\d+$/.test(value) ? Number(value) : null;
}

function summaryLine(summary: ReconcileSummary): string {
  return `bookings: ${summary.inserted} created, ${summary.updated} changed, ${summary.cancelled} cancelled, ${summary.unchanged} unchanged (${summary.sources} sources)`;
}

function fail(ctx: RulesCommandContext, code: number, lines: string[]): number {
  for (const line of lines) (ctx.err ?? say)(line);
  return code;
}

function report(ctx: RulesCommandContext, verb: string, result: RuleWriteResult): number {
  if (!result.ok) {
    return fail(ctx, result.notFound ? NOT_FOUND : BAD_INPUT, [
      `Rule not ${verb}:`,
      ...issueLines(result.errors),
    ]);
  }
  ctx.out(`Rule #${result.rule.id} "${result.rule.name}" ${verb}.`);
  ctx.out(summaryLine(result.summary));
  return 0;
}

const issueLines = (errors: RuleIssue[]) => formatIssues(errors).map((line) => `  ${line}`);

/** Each command as a function of parsed arguments, so tests can pass a context with a fake stdin. */
type RulesRun = (args: ParsedArgs, ctx: RulesCommandContext) => Promise<number>;

const idOf = (args: ParsedArgs, ctx: RulesCommandContext, usage: string): number | null => {
  const id = parseId(args.positionals[0]);
  if (id === null) fail(ctx, BAD_INPUT, [`The rule id must be a number.\nUsage: ${commandLine(usage)}`]);
  return id;
};

const list: RulesRun = async (_args, ctx) => {
  const rules = listRules(ctx.db);
  if (rules.length === 0) (ctx.err ?? say)("No rules. Try rules:seed-defaults or rules:create FILE.");
  for (const rule of rules) {
    const state = rule.active ? "active" : "inactive";
    ctx.out(
      `#${rule.id} ${rule.name} [${rule.serviceCode}] priority ${rule.priority}, ${state}${rule.errors.length ? ", INVALID" : ""}`,
    );
    ctx.out(`    matcher    ${rule.matcherJson}`);
    ctx.out(`    allocation ${rule.allocationJson}`);
    for (const line of issueLines(rule.errors)) ctx.out(`  ${line}`);
  }
  return 0;
};

const create: RulesRun = async ({ positionals }, ctx) => {
  const input = await readJsonArg(positionals[0], ctx);
  if (!input.ok)
    return fail(ctx, BAD_INPUT, [`Usage: ${commandLine("rules:create <file.json|->")}: ${input.message}`]);
  return report(ctx, "created", createRule(ctx.db, input.value, ctx.now));
};

const update: RulesRun = async (args, ctx) => {
  const id = idOf(args, ctx, "rules:update <id> <file.json|->");
  if (id === null) return BAD_INPUT;
  const input = await readJsonArg(args.positionals[1], ctx);
  if (!input.ok)
    return fail(ctx, BAD_INPUT, [
      `Usage: ${commandLine("rules:update <id> <file.json|->")}: ${input.message}`,
    ]);
  return report(ctx, "updated", updateRule(ctx.db, id, input.value, ctx.now));
};

const deactivate: RulesRun = async (args, ctx) => {
  const id = idOf(args, ctx, "rules:deactivate <id>");
  return id === null ? BAD_INPUT : report(ctx, "deactivated", deactivateRule(ctx.db, id, ctx.now));
};

const activate: RulesRun = async (args, ctx) => {
  const id = idOf(args, ctx, "rules:activate <id>");
  return id === null ? BAD_INPUT : report(ctx, "activated", activateRule(ctx.db, id, ctx.now));
};

const preview: RulesRun = async ({ positionals, values }, ctx) => {
  const idText = typeof values.id === "string" ? values.id : undefined;
  const id = idText === undefined ? undefined : parseId(idText);
  if (id === null) return fail(ctx, BAD_INPUT, ["--id must be a rule id (a number)."]);
  const input = await readJsonArg(positionals[0], ctx);
  if (!input.ok)
    return fail(ctx, BAD_INPUT, [
      `Usage: ${commandLine("rules:preview <file.json|-> [--id N] [--all]")}: ${input.message}`,
    ]);
  const result = previewRuleChange(ctx.db, { ruleId: id, rule: input.value }, ctx.now);
  if (!result.ok) {
    const missing = result.errors.some((e) => e.path === "id");
    return fail(ctx, missing ? NOT_FOUND : BAD_INPUT, ["Rule is not valid:", ...issueLines(result.errors)]);
  }
  const zone = loadSettings(ctx.db).timeZone;
  const when = (date: Date) => DateTime.fromJSDate(date, { zone }).toFormat("ccc yyyy-MM-dd HH:mm");
  ctx.out(
    `+${result.created.length} created  ~${result.changed.length} changed  −${result.cancelled.length} cancelled  (${result.unchanged} unchanged; times in ${zone})`,
  );
  if (values.all !== true) {
    const total = result.created.length + result.changed.length + result.cancelled.length;
    if (total > 0) (ctx.err ?? say)("List each booking with --all.");
    return 0;
  }
  for (const b of result.created) ctx.out(`  + ${when(b.startAt)} ${b.title}`);
  for (const u of result.changed) {
    const moved =
      u.before.startAt.getTime() !== u.after.startAt.getTime() ? `${when(u.before.startAt)} → ` : "";
    ctx.out(`  ~ ${moved}${when(u.after.startAt)} ${u.after.title}: ${u.changed.join(", ")}`);
  }
  for (const c of result.cancelled) ctx.out(`  − ${when(c.before.startAt)} ${c.before.title}: ${c.reason}`);
  return 0;
};

const seedDefaults: RulesRun = async (_args, ctx) => {
  const { inserted, summary } = seedDefaultRules(ctx.db, ctx.now);
  ctx.out(inserted ? `Inserted ${inserted} default rules.` : "Rules already exist; nothing inserted.");
  if (summary) ctx.out(summaryLine(summary));
  return 0;
};

const rebuild: RulesRun = async (_args, ctx) => {
  ctx.out(summaryLine(rebuildAllBookings(ctx.db, ctx.now)));
  return 0;
};

const idArg = { names: ["id"], min: 1 };
const fileArg = (names: string[]) => ({ names, min: names.length });

export const rulesList = defineCommand({
  name: "rules:list",
  usage: "",
  summary: "list rules (name, priority, matcher, allocation)",
  run: list,
});
export const rulesCreate = defineCommand({
  name: "rules:create",
  usage: "<file.json|->",
  summary: "create a rule and re-derive bookings (format: docs/RULES.md)",
  positionals: fileArg(["file.json|-"]),
  run: create,
});
export const rulesUpdate = defineCommand({
  name: "rules:update",
  usage: "<id> <file.json|->",
  summary: "merge a JSON patch into a rule (objects merge, null removes) and re-derive bookings",
  positionals: fileArg(["id", "file.json|-"]),
  run: update,
});
export const rulesActivate = defineCommand({
  name: "rules:activate",
  usage: "<id>",
  summary: "activate a rule and re-derive bookings",
  positionals: idArg,
  run: activate,
});
export const rulesDeactivate = defineCommand({
  name: "rules:deactivate",
  usage: "<id>",
  summary: "deactivate a rule and re-derive bookings",
  positionals: idArg,
  run: deactivate,
});
export const rulesPreview = defineCommand({
  name: "rules:preview",
  usage: "<file.json|-> [--id N] [--all]",
  summary: "what saving the rule would do (summary; each booking with --all), writes nothing",
  options: { id: { type: "string" }, all: { type: "boolean" } },
  positionals: fileArg(["file.json|-"]),
  run: preview,
});
export const rulesSeedDefaults = defineCommand({
  name: "rules:seed-defaults",
  usage: "",
  summary: "insert the demo catalog's rules if there are none",
  run: seedDefaults,
});
export const bookingsRebuild = defineCommand({
  name: "bookings:rebuild",
  usage: "",
  summary: "re-derive every booking from the mirrors and rules",
  run: rebuild,
});

export const rulesReference = defineCommand({
  name: "rules:reference",
  usage: "[--write]",
  summary: "print the rule field reference generated from the schema; --write updates docs/RULES.md",
  options: { write: { type: "boolean" } },
  needsDatabase: false,
  run: async ({ values }, { out }) => {
    if (values.write !== true) {
      out(rulesReferenceText());
      return 0;
    }
    const file = path.join(process.env.APP_ROOT ?? process.cwd(), "docs", "RULES.md");
    writeFileSync(file, await withReference(readFileSync(file, "utf8"), file));
    say(`Updated the field reference in ${file}.`);
    return 0;
  },
});
