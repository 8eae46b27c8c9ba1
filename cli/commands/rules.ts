// rules:* and bookings:rebuild — thin shells over lib/rules and lib/bookings. Bad input exits
// 2 with the JSON path of each problem; a missing rule exits 1; nothing is written on error.
import { readFile } from "node:fs/promises";
import type { CommandContext } from "@/cli/context";
import type { ReconcileSummary } from "@/lib/bookings/types";
import { rebuildAllBookings } from "@/lib/bookings/reconcile";
import { previewRuleChange } from "@/lib/bookings/preview";
import { seedDefaultRules } from "@/lib/rules/defaults";
import { formatIssues, type RuleIssue } from "@/lib/rules/schema";
import { createRule, deactivateRule, listRules, updateRule, type RuleWriteResult } from "@/lib/rules/store";

export type RulesCommandContext = Pick<CommandContext, "db" | "now" | "out"> & {
  /** Where `-` reads JSON from; defaults to the process's stdin. */
  readStdin?: () => Promise<string>;
};
export type RulesCommand = (args: string[], ctx: RulesCommandContext) => Promise<number>;

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
  for (const line of lines) ctx.out(line);
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
const when = (date: Date) => date.toISOString().replace(":00.000Z", "Z");

const list: RulesCommand = async (_args, ctx) => {
  const rules = listRules(ctx.db);
  if (rules.length === 0) ctx.out("No rules. Try rules:seed-defaults or rules:create FILE.");
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

const create: RulesCommand = async (args, ctx) => {
  const input = await readJsonArg(args[0], ctx);
  if (!input.ok) return fail(ctx, BAD_INPUT, [`Usage: rules:create <file.json|->: ${input.message}`]);
  return report(ctx, "created", createRule(ctx.db, input.value, ctx.now));
};

const update: RulesCommand = async (args, ctx) => {
  const id = parseId(args[0]);
  if (id === null) return fail(ctx, BAD_INPUT, ["Usage: rules:update <id> <file.json|->"]);
  const input = await readJsonArg(args[1], ctx);
  if (!input.ok) return fail(ctx, BAD_INPUT, [`Usage: rules:update <id> <file.json|->: ${input.message}`]);
  return report(ctx, "updated", updateRule(ctx.db, id, input.value, ctx.now));
};

const deactivate: RulesCommand = async (args, ctx) => {
  const id = parseId(args[0]);
  if (id === null) return fail(ctx, BAD_INPUT, ["Usage: rules:deactivate <id>"]);
  return report(ctx, "deactivated", deactivateRule(ctx.db, id, ctx.now));
};

const preview: RulesCommand = async (args, ctx) => {
  const flag = args.indexOf("--id");
  const id = flag >= 0 ? parseId(args[flag + 1]) : undefined;
  if (id === null) return fail(ctx, BAD_INPUT, ["Usage: rules:preview <file.json|-> [--id N]"]);
  const file = flag < 0 ? args[0] : args.find((_, i) => i !== flag && i !== flag + 1);
  const input = await readJsonArg(file, ctx);
  if (!input.ok)
    return fail(ctx, BAD_INPUT, [`Usage: rules:preview <file.json|-> [--id N]: ${input.message}`]);
  const result = previewRuleChange(ctx.db, { ruleId: id, rule: input.value }, ctx.now);
  if (!result.ok) {
    const missing = result.errors.some((e) => e.path === "id");
    return fail(ctx, missing ? NOT_FOUND : BAD_INPUT, ["Rule is not valid:", ...issueLines(result.errors)]);
  }
  ctx.out(
    `Would create ${result.created.length}, change ${result.changed.length}, cancel ${result.cancelled.length} booking(s).`,
  );
  for (const b of result.created) ctx.out(`  + ${when(b.startAt)} ${b.title} (${b.bookingKey})`);
  for (const u of result.changed)
    ctx.out(
      `  ~ ${when(u.after.startAt)} ${u.after.title}: ${u.changed.join(", ")} (${u.before.bookingKey})`,
    );
  for (const c of result.cancelled)
    ctx.out(`  - ${when(c.before.startAt)} ${c.before.title}: ${c.reason} (${c.before.bookingKey})`);
  return 0;
};

const seedDefaults: RulesCommand = async (_args, ctx) => {
  const { inserted, summary } = seedDefaultRules(ctx.db, ctx.now);
  ctx.out(inserted ? `Inserted ${inserted} default rules.` : "Rules already exist; nothing inserted.");
  if (summary) ctx.out(summaryLine(summary));
  return 0;
};

const rebuild: RulesCommand = async (_args, ctx) => {
  ctx.out(summaryLine(rebuildAllBookings(ctx.db, ctx.now)));
  return 0;
};

export const rulesCommands: Record<string, RulesCommand> = {
  "rules:list": list,
  "rules:create": create,
  "rules:update": update,
  "rules:deactivate": deactivate,
  "rules:preview": preview,
  "rules:seed-defaults": seedDefaults,
  "bookings:rebuild": rebuild,
};

/** One-line help per command, for cli/index.ts. */
export const rulesCommandHelp: Record<string, string> = {
  "rules:list": "list rules (name, priority, matcher, allocation)",
  "rules:create": "<file.json|-> — create a rule and re-derive bookings",
  "rules:update": "<id> <file.json|-> — change a rule's fields and re-derive bookings",
  "rules:deactivate": "<id> — deactivate a rule and re-derive bookings",
  "rules:preview": "<file.json|-> [--id N] — show what saving the rule would do, write nothing",
  "rules:seed-defaults": "insert the demo catalog's rules if there are none",
  "bookings:rebuild": "re-derive every booking from the mirrors and rules",
};
