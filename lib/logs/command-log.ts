// The CLI's log file: every command appends its one structured line to <data>/logs/cli.log,
// whatever the terminal's level, so "what ran against this database, and how did it end" can
// be answered later (a restore, a sync that failed at night from a scheduled task).
import { mkdirSync } from "node:fs";
import path from "node:path";
import pino from "pino";
import { logsDir, rotatingLog } from "@/lib/logs/rotating";
import { PRIVATE_DIR_MODE } from "@/lib/private-files";

export async function appendCommandLog(dataDir: string, fields: Record<string, unknown>): Promise<void> {
  const file = path.join(logsDir(dataDir), "cli.log");
  try {
    mkdirSync(path.dirname(file), { recursive: true, mode: PRIVATE_DIR_MODE });
  } catch {
    return; // the command already said what is wrong with the data directory
  }
  const stream = rotatingLog(file);
  stream.on("error", () => undefined); // a full disk must not turn a done command into a failure
  pino({ base: { app: "stripe-bookings" }, timestamp: pino.stdTimeFunctions.isoTime }, stream).info(
    fields,
    "command",
  );
  await new Promise<void>((resolve) => {
    stream.end(() => resolve());
    setTimeout(resolve, 1_000).unref();
  });
}
