// File modes for the data-folder permission tests (POSIX).
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

/** Every file and folder under `dir` (itself included) whose mode is not 0600 / 0700, with its mode. */
export function notPrivate(dir: string): string[] {
  const wrong: string[] = [];
  const visit = (at: string) => {
    const stat = statSync(at);
    const mode = stat.mode & 0o777;
    if (stat.isDirectory()) {
      if (mode !== 0o700) wrong.push(`${at} ${mode.toString(8)}`);
      for (const name of readdirSync(at)) visit(path.join(at, name));
    } else if (mode !== 0o600) wrong.push(`${at} ${mode.toString(8)}`);
  };
  visit(dir);
  return wrong;
}
