// "Open data folder": the server runs on the owner's own computer, so it can ask the OS file
// manager to show a folder there. Only for requests from this computer (the window or a local
// browser): from the LAN it would open a window on the server machine, not the caller's.
import { spawn } from "node:child_process";
import { statSync } from "node:fs";

export interface Opener {
  command: string;
  args: (dir: string) => string[];
}

/** The OS command that opens a folder in the file manager. */
export function openerFor(platform: string): Opener {
  if (platform === "darwin") return { command: "open", args: (dir) => [dir] };
  if (platform === "win32") return { command: "explorer.exe", args: (dir) => [dir] };
  return { command: "xdg-open", args: (dir) => [dir] };
}

/** How long an opener that has not finished yet is given before it counts as having opened. */
const SETTLE_MS = 5_000;

/**
 * Asks the file manager to show `dir`. False when the folder does not exist, the opener cannot
 * be started, or it fails (xdg-open exits non-zero when no file manager takes the folder;
 * issue 22: success used to be reported once it merely started). An opener still running after
 * a few seconds is a file manager that stays open: that counts as opened. Explorer's exit code
 * means nothing (it exits 1 after opening a window), so on Windows starting is enough.
 */
export function openFolder(
  dir: string,
  platform: string = process.platform,
  opener: Opener = openerFor(platform),
): Promise<boolean> {
  try {
    if (!statSync(dir).isDirectory()) return Promise.resolve(false);
  } catch {
    return Promise.resolve(false);
  }
  return new Promise((resolve) => {
    const child = spawn(opener.command, opener.args(dir), { detached: true, stdio: "ignore" });
    const timer = setTimeout(() => {
      child.unref();
      resolve(true);
    }, SETTLE_MS);
    timer.unref();
    child.once("error", () => {
      clearTimeout(timer);
      resolve(false);
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve(platform === "win32" || code === 0);
    });
  });
}
