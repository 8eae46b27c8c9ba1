// Log files in <data>/logs that rotate by size: a desktop app runs for months on one laptop, so
// its logs must not grow without bound. rotating-file-stream does the renaming and pruning.
import path from "node:path";
import { createStream, type RotatingFileStream } from "rotating-file-stream";

export const LOG_ROTATION = { size: "10M", maxFiles: 5 } as const;

/** The logs folder of a data directory. */
export const logsDir = (dataDir: string) => path.join(dataDir, "logs");

/** An append stream to `file` that rotates at `size`, keeping `maxFiles` rotated files beside it. */
export function rotatingLog(
  file: string,
  options: { size?: string; maxFiles?: number } = {},
): RotatingFileStream {
  return createStream(path.basename(file), {
    path: path.dirname(file),
    size: (options.size ?? LOG_ROTATION.size) as `${number}M`,
    maxFiles: options.maxFiles ?? LOG_ROTATION.maxFiles,
  });
}
