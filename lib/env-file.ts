// `.env` for every entry point (CLI, server, desktop launcher): read once, before settings are
// parsed. The process environment wins over the file, so `PORT=4000 ./run start` beats a
// `PORT=3000` line; the file fills in only what the environment leaves unset.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseEnv } from "node:util";

/** Loads `<dir>/.env` into `env` (keys already set are kept); returns the keys it set. Not when packaged. */
export function loadDotEnv(
  dir: string = process.env.APP_ROOT ?? process.cwd(),
  env: Record<string, string | undefined> = process.env,
): string[] {
  // A package must never act on a file beside its code: a developer's `.env` copied in by the
  // build would hand every copy their Stripe key and auth secret. Packaged settings come from
  // the environment and the data folder only.
  if (env.PACKAGED === "1" || env.PACKAGED === "true") return [];
  let text: string;
  try {
    text = readFileSync(path.join(dir, ".env"), "utf8");
  } catch {
    return []; // no .env: the environment alone
  }
  const set: string[] = [];
  for (const [key, value] of Object.entries(parseEnv(text))) {
    // An empty line means "the default", like an unset variable (see .env.example).
    if (env[key] !== undefined || value === "") continue;
    env[key] = value;
    set.push(key);
  }
  return set;
}
