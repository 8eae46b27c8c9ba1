// The one argument parser of the CLI: every command declares its flags and positionals here and
// `node:util` parseArgs (strict) reads them, so an unknown flag or a missing argument is exit 2
// with the command's usage, for every command alike.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError, type CommandContext } from "@/cli/context";
import { cliCommand, runsPackaged } from "@/lib/desktop/commands";

type Options = NonNullable<ParseArgsConfig["options"]>;

export interface ParsedArgs {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

export interface CommandSpec {
  /** e.g. `user:create`. */
  name: string;
  /** What follows the name in the usage line, e.g. `--email E --role owner|staff [--password-stdin]`. */
  usage: string;
  /** One line for `./run help`. */
  summary: string;
  options?: Options;
  /** Names of the positional arguments; `min` of them are required. */
  positionals?: { names: string[]; min: number };
  /** Flags that must be present (their option names). */
  required?: string[];
  /** False for commands that must not open the database (e.g. migrations). Default true. */
  needsDatabase?: boolean;
  run: (args: ParsedArgs, ctx: CommandContext) => Promise<number>;
}

export function defineCommand(spec: CommandSpec): CommandSpec {
  return spec;
}

/** `command` as the person runs it here: `./run …`, or `./stripe-bookings cli …` in the package. */
export const commandLine = (command: string): string => cliCommand(command, { PACKAGED: runsPackaged() });

export function usageOf(spec: CommandSpec): string {
  return `Usage: ${commandLine(`${spec.name}${spec.usage ? ` ${spec.usage}` : ""}`)}`;
}

/** Strict parse: unknown flags, missing values, missing or extra positionals throw UsageError. */
export function parseCommandArgs(spec: CommandSpec, argv: string[]): ParsedArgs {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      options: spec.options ?? {},
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message.split(". ")[0] : String(error);
    throw new UsageError(`${message}.\n${usageOf(spec)}`);
  }
  const names = spec.positionals?.names ?? [];
  const min = spec.positionals?.min ?? 0;
  if (parsed.positionals.length < min) {
    throw new UsageError(`Missing ${names[parsed.positionals.length] ?? "argument"}.\n${usageOf(spec)}`);
  }
  if (parsed.positionals.length > names.length) {
    throw new UsageError(`Unexpected argument "${parsed.positionals[names.length]}".\n${usageOf(spec)}`);
  }
  for (const flag of spec.required ?? []) {
    if (parsed.values[flag] === undefined) throw new UsageError(`Missing --${flag}.\n${usageOf(spec)}`);
  }
  return { values: parsed.values, positionals: parsed.positionals };
}

export type { CommandContext };
