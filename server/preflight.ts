// `./run start` runs this before building: settings (with `.env`) and the port are checked
// first, so a bad setting or a busy port is one line at once, not after a build.
import path from "node:path";
import { ConfigError, parseConfig } from "@/lib/config";
import { loadDotEnv } from "@/lib/env-file";
import { busyPortMessage, probePort } from "@/lib/port";

const root = path.resolve(import.meta.dirname, "..");

async function main(): Promise<number> {
  loadDotEnv(root);
  let cfg;
  try {
    cfg = parseConfig({ ...process.env, APP_ROOT: root });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`Cannot start: ${error.message}\n`);
    return 78;
  }
  const problem = await probePort(cfg.HOST, cfg.PORT);
  if (problem) {
    process.stderr.write(`Cannot start: ${busyPortMessage(cfg.HOST, cfg.PORT, problem)}\n`);
    return 75;
  }
  return 0;
}

main().then((code) => process.exit(code));
