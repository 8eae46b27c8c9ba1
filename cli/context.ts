// What every CLI command receives: the database, the clock and an output sink.
import type { Sqlite } from "@/lib/db/sqlite";

export interface CommandContext {
  db: Sqlite;
  now: Date;
  /** Results: one line to stdout. Messages (warnings, progress, errors) go to stderr via `say`. */
  out: (line: string) => void;
  publicUrl: string;
}

/** Returns the process exit code: 0 ok, 1 failure, 2 bad input, 3 completed with problems (e.g. objects quarantined). */
export type Command = (args: string[], ctx: CommandContext) => Promise<number>;

/** A command's bad input: printed as a message, exit code 2, nothing changed. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** A message for the person at the terminal (stderr), never mixed into a command's results. */
export function say(line: string): void {
  process.stderr.write(`${line}\n`);
}
