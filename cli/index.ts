// The command-line shell: `./run <command>`. Each command is a thin function over lib/;
// this file parses the command name, opens the database and logs one line per command.
import { ConfigError, config } from "@/lib/config";
import { migrateIfNeeded } from "@/lib/db/migrations";
import { closeSqlite, sqlite } from "@/lib/db/sqlite";
import { elapsedMs, log } from "@/lib/log";
import { demoLoad, demoWipe } from "@/cli/commands/demo";
import { feedCommandHelp, feedCommands } from "@/cli/commands/feeds";
import { rulesCommandHelp, rulesCommands } from "@/cli/commands/rules";
import { migrate, migrateNew } from "@/cli/commands/migrate";
import { syncCommand } from "@/cli/commands/sync";
import { webhooksRetry, webhooksStatus } from "@/cli/commands/webhooks";
import { UsageError, type Command } from "@/cli/context";
import { parseCommandArgs, type CommandSpec } from "@/cli/spec";

const needsNoDatabase = new Set(["migrate", "migrate:new"]);

/** Commands declared with `defineCommand` (cli/spec.ts); parsed strictly before they run. */
const specs: CommandSpec[] = [syncCommand];

// Legacy commands parse their own argv; they move to `specs` one by one.
const commands: Record<string, { run: Command; help: string }> = {
  migrate: { run: migrate, help: "apply pending migrations" },
  "migrate:new": { run: migrateNew, help: "NAME — create the next migration from schema.prisma" },
  "demo:load": { run: demoLoad, help: "load the sample business into an empty database" },
  "demo:wipe": { run: demoWipe, help: "remove the sample business for good" },
  "webhooks:status": { run: webhooksStatus, help: "stored Stripe events by status" },
  "webhooks:retry": {
    run: webhooksRetry,
    help: "apply failed Stripe events again (after fixing their cause)",
  },
  ...withHelp(rulesCommands, rulesCommandHelp),
  ...withHelp(feedCommands, feedCommandHelp),
  ...Object.fromEntries(
    specs.map((spec) => [
      spec.name,
      {
        help: `${spec.usage ? `${spec.usage} — ` : ""}${spec.summary}`,
        run: (args: string[], ctx: Parameters<Command>[1]) => spec.run(parseCommandArgs(spec, args), ctx),
      },
    ]),
  ),
};

function withHelp(runs: Record<string, Command>, help: Record<string, string>) {
  return Object.fromEntries(
    Object.entries(runs).map(([name, run]) => [name, { run, help: help[name] ?? "" }]),
  );
}

function helpText(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  return Object.entries(commands)
    .map(([name, { help }]) => `  ${name.padEnd(width)}  ${help}`)
    .join("\n");
}

export async function main(argv: string[]): Promise<number> {
  const [name = "help", ...args] = argv;
  const out = (line: string) => process.stdout.write(`${line}\n`);
  if (name === "help") {
    out(`Commands:\n${helpText()}`);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`Unknown command "${name}". Commands:\n${helpText()}\n`);
    return 2;
  }
  const start = performance.now();
  let code = 1;
  try {
    const cfg = config();
    const spec = specs.find((candidate) => candidate.name === name);
    if (spec) parseCommandArgs(spec, args); // bad input exits 2 before the database is touched
    const needsDatabase = spec ? spec.needsDatabase !== false : !needsNoDatabase.has(name);
    if (needsDatabase) await migrateIfNeeded(cfg.databaseFile);
    // Opened on first use: the migration engine must not find another connection open.
    const ctx = {
      get db() {
        return sqlite();
      },
      now: new Date(),
      out,
      publicUrl: cfg.publicUrl,
    };
    code = await command.run(args, ctx);
  } catch (error) {
    code = reportError(error);
  } finally {
    closeSqlite();
  }
  log.info(
    { command: name, outcome: code === 0 ? "ok" : "failed", exitCode: code, ms: elapsedMs(start) },
    "command",
  );
  return code;
}

function reportError(error: unknown): number {
  if (error instanceof UsageError || error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Failed: ${message}\n`);
  log.error({ err: error }, "command failed");
  return 1;
}

main(process.argv.slice(2)).then((code) => process.exit(code));
