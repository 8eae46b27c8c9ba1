// Structured logging: one pino logger for the process. Requests and commands each log one
// line with their outcome and duration (see lib/http/handler.ts and cli/index.ts).
// Lines go to stderr so a command's stdout (an .ics export, a feed URL) stays clean.
import pino, { type Logger } from "pino";

// The level is checked here, not trusted: a bad LOG_LEVEL must reach config's one-line message
// (cli/index.ts, server/serve.ts), not crash pino at import. Entry points set `log.level` from
// the validated settings once they have them.
const requested = process.env.LOG_LEVEL;
const known = new Set([...Object.keys(pino.levels.values), "silent"]);
const level = requested && known.has(requested) ? requested : "info";

export const log: Logger = pino(
  {
    level,
    base: { app: "stripe-bookings" },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: ["req.headers.authorization", "req.headers.cookie", "*.token", "*.secret"],
  },
  pino.destination({ fd: 2, sync: true }),
);

/** Milliseconds since `start` (from performance.now()), rounded to 0.1 ms. */
export function elapsedMs(start: number): number {
  return Math.round((performance.now() - start) * 10) / 10;
}
