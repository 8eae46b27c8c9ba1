// Finds the Neutralino window binary on disk: NEU_BINARY if set, else the first candidate of
// lib/desktop/neutralino.ts that exists and may be executed.
import { accessSync, constants, statSync } from "node:fs";
import path from "node:path";
import { binaryCandidates } from "@/lib/desktop/neutralino";

function isExecutableFile(file: string, platform: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    // Windows has no execute bit; a file is enough there.
    if (platform !== "win32") accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The binary to run, or undefined when none usable exists (NEU_BINARY is never second-guessed). */
export function findNeutralino(input: {
  appRoot: string;
  platform: string;
  arch: string;
  neuBinary?: string;
}): string | undefined {
  if (input.neuBinary !== undefined) {
    const file = path.resolve(input.neuBinary);
    return isExecutableFile(file, input.platform) ? file : undefined;
  }
  return binaryCandidates(input.appRoot, input.platform, input.arch).find((file) =>
    isExecutableFile(file, input.platform),
  );
}
