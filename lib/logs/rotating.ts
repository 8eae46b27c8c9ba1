// Log files in <data>/logs that rotate by size: a desktop app runs for months on one laptop, so
// its logs must not grow without bound. rotating-file-stream does the renaming and pruning.
// Logs name customers and staff: the folder is 0700 and the files 0600 (lib/private-files.ts).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { createStream, type RotatingFileStream } from "rotating-file-stream";
import { makePrivate, PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from "@/lib/private-files";

export const LOG_ROTATION = { size: "10M", maxFiles: 5 } as const;

/** The logs folder of a data directory. */
export const logsDir = (dataDir: string) => path.join(dataDir, "logs");

/** An append stream to `file` that rotates at `size`, keeping `maxFiles` rotated files beside it. */
export function rotatingLog(
  file: string,
  options: { size?: string; maxFiles?: number } = {},
): RotatingFileStream {
  const dir = path.dirname(file);
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  makePrivate(dir); // made earlier by a caller's plain mkdir, or by an older version
  makePrivate(file); // a mode only applies to a file being created
  return createStream(path.basename(file), {
    path: dir,
    size: (options.size ?? LOG_ROTATION.size) as `${number}M`,
    maxFiles: options.maxFiles ?? LOG_ROTATION.maxFiles,
    mode: PRIVATE_FILE_MODE,
  });
}
