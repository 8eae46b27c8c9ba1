// Support for the real-window test: finds the Neutralino binary and the X tools, runs a private
// Xvfb display, lists and closes windows (tests/support/desktop/x11.py), takes screenshots and
// lists the processes of a process group.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "@/tests/support/faults/processes";

const X11_HELPER = path.join(REPO_ROOT, "tests", "support", "desktop", "x11.py");
const SYSTEM_PYTHON = "/usr/bin/python3";

/** NEU_BINARY, else the shared test binary beside the repository, else what `neu update` put in bin/. */
export function neutralinoBinary(): string | undefined {
  const candidates = [
    process.env.NEU_BINARY,
    path.resolve(REPO_ROOT, "..", "shared", "neutralino", "neutralino-linux_x64"),
    path.resolve(REPO_ROOT, "..", "..", "shared", "neutralino", "neutralino-linux_x64"),
    path.join(REPO_ROOT, "desktop", "bin", "neutralino-linux_x64"),
    path.join(REPO_ROOT, "bin", "neutralino-linux_x64"),
  ];
  return candidates.find((file): file is string => file !== undefined && file !== "" && existsSync(file));
}

const onPath = (program: string) => spawnSync("sh", ["-c", `command -v ${program}`]).status === 0;

/** Why the real-window test cannot run here, or undefined when it can. */
export function windowTestBlocker(): string | undefined {
  if (process.platform !== "linux") return "the real-window test runs on Linux only";
  if (!neutralinoBinary())
    return "no Neutralino binary (set NEU_BINARY, or put it in ../shared/neutralino/ or desktop/bin/)";
  for (const program of ["Xvfb", "dbus-run-session", "import", "convert"]) {
    if (!onPath(program)) return `${program} is missing (apt-get install xvfb dbus-x11 imagemagick)`;
  }
  if (spawnSync(SYSTEM_PYTHON, ["-c", "import Xlib"]).status !== 0)
    return "python3-xlib is missing (apt-get install python3-xlib)";
  if (!existsSync(path.join(REPO_ROOT, ".next", "standalone", "server.js")))
    return "no production build (./run build)";
  return undefined;
}

export interface Display {
  name: string;
  stop(): Promise<void>;
}

/** Whether an X client can connect to `display` and list its windows. */
function displayAnswers(display: string): boolean {
  return (
    spawnSync(SYSTEM_PYTHON, [X11_HELPER, "list"], {
      env: { ...process.env, DISPLAY: display },
      timeout: 10_000,
    }).status === 0
  );
}

async function startXvfbOnce(): Promise<Display> {
  const proc: ChildProcess = spawn(
    "Xvfb",
    ["-displayfd", "3", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
    {
      // Not a pipe for stderr: Xvfb writes warnings for every client, and a pipe nobody reads
      // fills up and stops the X server, and with it every window and X tool of the test.
      stdio: ["ignore", "ignore", "ignore", "pipe"],
    },
  );
  const stop = () =>
    new Promise<void>((resolve) => {
      if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
      proc.once("exit", () => resolve());
      proc.kill("SIGTERM");
    });
  try {
    const number = await new Promise<string>((resolve, reject) => {
      let text = "";
      const fd3 = proc.stdio[3] as NodeJS.ReadableStream;
      fd3.on("data", (chunk: Buffer) => {
        text += chunk.toString();
        if (text.includes("\n")) resolve(text.trim());
      });
      proc.once("exit", (code) => reject(new Error(`Xvfb exited (${code})`)));
      setTimeout(() => reject(new Error("Xvfb did not report its display within 30 s")), 30_000).unref();
    });
    const name = `:${number}`;
    if (!displayAnswers(name)) throw new Error(`Xvfb reported ${name}, but no X client can connect to it`);
    return { name, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * A private Xvfb screen; its number is chosen by Xvfb itself (-displayfd), so parallel runs
 * never collide. It is proved to accept X clients before it is used (tried up to three times).
 */
export async function startXvfb(): Promise<Display> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startXvfbOnce();
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

export interface XWindow {
  id: number;
  name: string;
  pid: number | null;
}

export function listWindows(display: string): XWindow[] {
  const result = spawnSync(SYSTEM_PYTHON, [X11_HELPER, "list"], {
    env: { ...process.env, DISPLAY: display },
    encoding: "utf8",
    timeout: 20_000,
  });
  if (result.status !== 0) throw new Error(`x11.py list failed: ${result.error ?? result.stderr}`);
  return result.stdout
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as XWindow);
}

/** Asks the windows of `pid` (named `name`, if given) to close (WM_DELETE_WINDOW, as a close button does). */
export function closeWindowsOf(display: string, pid: number, name?: string): boolean {
  return (
    spawnSync(SYSTEM_PYTHON, [X11_HELPER, "close", String(pid), ...(name ? [name] : [])], {
      env: { ...process.env, DISPLAY: display },
      timeout: 20_000,
    }).status === 0
  );
}

/** The size of window `id`'s icon (_NET_WM_ICON), or null when it has none. */
export function windowIcon(display: string, id: number): { width: number; height: number } | null {
  const result = spawnSync(SYSTEM_PYTHON, [X11_HELPER, "icon", String(id)], {
    env: { ...process.env, DISPLAY: display },
    encoding: "utf8",
    timeout: 20_000,
  });
  if (result.status !== 0) throw new Error(`x11.py icon failed: ${result.error ?? result.stderr}`);
  return JSON.parse(result.stdout) as { width: number; height: number } | null;
}

/** Moves the keyboard focus off every window. */
export function blurAll(display: string): void {
  spawnSync(SYSTEM_PYTHON, [X11_HELPER, "blur"], {
    env: { ...process.env, DISPLAY: display },
    timeout: 20_000,
  });
}

/** The process and WM_CLASS of the top-level window holding the keyboard focus. */
export function focusedWindow(display: string): { pid: number | null; class: string[] | null } {
  const result = spawnSync(SYSTEM_PYTHON, [X11_HELPER, "focused"], {
    env: { ...process.env, DISPLAY: display },
    encoding: "utf8",
    timeout: 20_000,
  });
  if (result.status !== 0) throw new Error(`x11.py focused failed: ${result.error ?? result.stderr}`);
  return JSON.parse(result.stdout) as { pid: number | null; class: string[] | null };
}

/** Standard deviation of the screen's grey levels (0 = one flat colour, 1 = maximal). */
export function screenshotDeviation(display: string, file: string): number {
  const shot = spawnSync("import", ["-window", "root", file], {
    env: { ...process.env, DISPLAY: display },
    timeout: 30_000,
  });
  if (shot.status !== 0) throw new Error(`import failed: ${shot.error ?? shot.stderr.toString()}`);
  const measured = spawnSync(
    "convert",
    [file, "-colorspace", "Gray", "-format", "%[fx:standard_deviation]", "info:"],
    { encoding: "utf8", timeout: 30_000 },
  );
  return Number(measured.stdout.trim());
}

/** Pids (with their command names) of every live process in process group `pgid`. */
export function processGroup(pgid: number): { pid: number; comm: string }[] {
  const found: { pid: number; comm: string }[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // comm may hold spaces and parentheses: the fields after it start after the last ")".
      const close = stat.lastIndexOf(")");
      const comm = stat.slice(stat.indexOf("(") + 1, close);
      const fields = stat.slice(close + 2).split(" ");
      if (fields[0] === "Z") continue;
      if (Number(fields[2]) === pgid) found.push({ pid: Number(entry), comm });
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}
