// How the person reaches the CLI depends on how the app runs: a checkout has `./run …`, the
// package `./stripe-bookings cli …` (issue 22). Every message that names a command asks here.
import type { Config } from "@/lib/config";

/** The command line for CLI `command` (e.g. "backup", "restore FILE") as this install runs it. */
export function cliCommand(command: string, cfg: Pick<Config, "PACKAGED">): string {
  return cfg.PACKAGED ? `./stripe-bookings cli ${command}` : `./run ${command}`;
}

/**
 * PACKAGED as the start script sets it, read without the rest of the settings: help and usage
 * errors are printed also when the settings do not parse.
 */
export function runsPackaged(env: Record<string, string | undefined> = process.env): boolean {
  return env.PACKAGED === "1" || env.PACKAGED === "true";
}
