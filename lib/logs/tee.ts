// An entry point's log file: everything the process writes to the terminal (pino's lines, and
// whatever Next or a library prints) is also appended to a rotated file in <data>/logs, so an
// owner who started the app by double-click, or a back-office server, still has its logs.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { setLogFileSink } from "@/lib/log";
import { rotatingLog } from "@/lib/logs/rotating";
import { PRIVATE_DIR_MODE } from "@/lib/private-files";

export interface LogFile {
  file: string;
  /** Writes what is buffered and closes the file (call before process.exit). */
  close: () => Promise<void>;
}

type Write = typeof process.stdout.write;

/** Copies stdout, stderr and the pino logger into `file` (rotated) from now on. */
export function teeToLogFile(file: string, options: { size?: string; maxFiles?: number } = {}): LogFile {
  mkdirSync(path.dirname(file), { recursive: true, mode: PRIVATE_DIR_MODE });
  const stream = rotatingLog(file, options);
  stream.on("error", () => undefined); // a full disk must not take the app down
  const originals = new Map<NodeJS.WriteStream, Write>();
  for (const output of [process.stdout, process.stderr]) {
    const original = output.write.bind(output) as Write;
    originals.set(output, original);
    output.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      if (!stream.writableEnded) stream.write(typeof chunk === "string" ? chunk : Buffer.from(chunk));
      return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as Write;
  }
  setLogFileSink({ write: (line) => !stream.writableEnded && stream.write(line) });
  let closing: Promise<void> | undefined;
  return {
    file,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        setLogFileSink(undefined);
        for (const [output, original] of originals) output.write = original;
        stream.end(() => resolve());
        // A file that cannot be written must not hold the exit up.
        setTimeout(resolve, 1_000).unref();
      })),
  };
}
