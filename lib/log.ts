// Structured logging: one pino logger for the process. Requests and commands each log one
// line with their outcome and duration (see lib/http/handler.ts and cli/index.ts).
// Lines go to stderr so a command's stdout (an .ics export, a feed URL) stays clean, and also
// to the process's log file once an entry point has opened one (lib/logs/tee.ts).
import pino, { type Logger } from "pino";

// The level is checked here, not trusted: a bad LOG_LEVEL must reach config's one-line message
// (cli/index.ts, server/serve.ts), not crash pino at import. Entry points set `log.level` from
// the validated settings once they have them.
const requested = process.env.LOG_LEVEL;
const known = new Set([...Object.keys(pino.levels.values), "silent"]);
const level = requested && known.has(requested) ? requested : "info";

export interface LogSink {
  write(line: string): unknown;
}

// On globalThis, not in a module variable: the server process holds two copies of this module
// (server/serve.ts's and the one compiled into Next's bundle), and both must reach the file.
const FILE_SINK = Symbol.for("stripe-bookings.log-file");
const sinks = globalThis as { [FILE_SINK]?: LogSink };

/** Where log lines go besides stderr (a rotated file in <data>/logs), or nowhere with undefined. */
export function setLogFileSink(sink: LogSink | undefined): void {
  sinks[FILE_SINK] = sink;
}

const stderr = pino.destination({ fd: 2, sync: true });
const destination: LogSink = {
  write(line) {
    stderr.write(line);
    sinks[FILE_SINK]?.write(line);
  },
};

export const log: Logger = pino(
  {
    level,
    base: { app: "stripe-bookings" },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: ["req.headers.authorization", "req.headers.cookie", "*.token", "*.secret"],
  },
  destination,
);

/** Milliseconds since `start` (from performance.now()), rounded to 0.1 ms. */
export function elapsedMs(start: number): number {
  return Math.round((performance.now() - start) * 10) / 10;
}
