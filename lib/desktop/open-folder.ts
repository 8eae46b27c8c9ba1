// "Open data folder": the server runs on the owner's own computer, so it can ask the OS file
// manager to show a folder there. Only for requests from this computer (the window or a local
// browser): from the LAN it would open a window on the server machine, not the caller's.
import { spawn } from "node:child_process";

/** The OS command that opens a folder in the file manager. */
export function openerFor(platform: string): { command: string; args: (dir: string) => string[] } {
  if (platform === "darwin") return { command: "open", args: (dir) => [dir] };
  if (platform === "win32") return { command: "explorer.exe", args: (dir) => [dir] };
  return { command: "xdg-open", args: (dir) => [dir] };
}

/** Starts the file manager on `dir`; resolves false when the opener cannot be started. */
export function openFolder(dir: string, platform: string = process.platform): Promise<boolean> {
  const opener = openerFor(platform);
  return new Promise((resolve) => {
    const child = spawn(opener.command, opener.args(dir), { detached: true, stdio: "ignore" });
    child.once("error", () => resolve(false));
    child.once("spawn", () => {
      child.unref();
      resolve(true);
    });
  });
}
