// Runs one CLI command spec in-process the way cli/index.ts does (strict parse, UsageError → 2),
// with stdout lines and stderr text captured. Tests of the whole program spawn ./run instead.
import { vi } from "vitest";
import { UsageError, type CommandContext } from "@/cli/context";
import { parseCommandArgs, type CommandSpec } from "@/cli/spec";

export interface CommandRun {
  code: number;
  lines: string[];
  errors: string;
}

export async function runSpec(
  spec: CommandSpec,
  args: string[],
  ctx: Omit<CommandContext, "out"> & Record<string, unknown>,
): Promise<CommandRun> {
  const lines: string[] = [];
  const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  let code: number;
  try {
    code = await spec.run(parseCommandArgs(spec, args), { ...ctx, out: (line) => lines.push(line) });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n`);
    code = 2;
  }
  const errors = stderr.mock.calls.map(([chunk]) => String(chunk)).join("");
  stderr.mockRestore();
  return { code, lines, errors };
}
