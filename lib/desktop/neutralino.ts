// Where the Neutralino window binary lives and how it is started. Pure: the platform, CPU
// architecture and paths come in as arguments so every combination can be tested anywhere.
import path from "node:path";

/** The file names `neu update` downloads, by Node's `process.platform` and `process.arch`. */
export const NEUTRALINO_BINARIES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  linux: { x64: "neutralino-linux_x64", arm64: "neutralino-linux_arm64", arm: "neutralino-linux_armhf" },
  darwin: { x64: "neutralino-mac_x64", arm64: "neutralino-mac_arm64", universal: "neutralino-mac_universal" },
  win32: { x64: "neutralino-win_x64.exe" },
};

/** The binary name for this machine, or undefined when Neutralino ships none for it. */
export function neutralinoBinaryName(platform: string, arch: string): string | undefined {
  return NEUTRALINO_BINARIES[platform]?.[arch];
}

/**
 * Paths to try, best first. `desktop/bin/` is the project's home for binaries; `bin/` is where
 * `neu update` writes them when run from the repo root, so both count. macOS falls back to the
 * universal build.
 */
export function binaryCandidates(appRoot: string, platform: string, arch: string): string[] {
  const names = [neutralinoBinaryName(platform, arch)];
  if (platform === "darwin") names.push(neutralinoBinaryName(platform, "universal"));
  const found = names.filter((name): name is string => name !== undefined);
  return ["desktop/bin", "bin"].flatMap((dir) => found.map((name) => path.join(appRoot, dir, name)));
}

/** What to tell someone whose checkout has no window binary: how to get one, and where it goes. */
export function missingBinaryMessage(input: {
  appRoot: string;
  platform: string;
  arch: string;
  neuBinary?: string;
}): string {
  if (input.neuBinary !== undefined) {
    return [
      `NEU_BINARY points to ${input.neuBinary}, which is not an executable file.`,
      "Fix the path, or unset NEU_BINARY to use the binary in desktop/bin/.",
    ].join("\n");
  }
  const name = neutralinoBinaryName(input.platform, input.arch);
  if (name === undefined) {
    return `Neutralino publishes no window binary for ${input.platform}/${input.arch}. Use \`./run start\` and a browser instead.`;
  }
  return [
    `The Neutralino window binary is missing: expected ${path.join(input.appRoot, "desktop", "bin", name)}.`,
    "Neutralino binaries are not on npm, so fetch them once on a machine with internet access:",
    "  npx neu update                     # from the repo root; downloads into bin/",
    "  mkdir -p desktop/bin && mv bin/neutralino-* desktop/bin/   # optional: bin/ works too",
    "Or point NEU_BINARY at a Neutralino binary you already have. See docs/DESKTOP.md.",
  ].join("\n");
}

export interface WindowLaunch {
  /** The checkout: Neutralino reads neutralino.config.json and the icon from here. */
  appRoot: string;
  /** The local server's page the window opens. */
  url: string;
  title: string;
}

/**
 * Command-line arguments for the window. They override neutralino.config.json, so the window
 * opens the chosen port even when it is not the configured 3000, and closing it always ends
 * the process (the page has no native API to handle the close event itself). Neutralino's own
 * server and native API run on a private loopback port for one thing only: the launcher calls
 * `window.focus` there (desktop/launcher/window-focus.ts) when the app is launched again;
 * `nativeAllowList` in neutralino.config.json allows nothing else, and our page never gets a token.
 */
export function neutralinoArgs(launch: WindowLaunch): string[] {
  return [
    // --load-dir-res is deprecated in favour of --res-mode=directory; older 6.x builds know only it.
    "--load-dir-res",
    "--res-mode=directory",
    `--path=${launch.appRoot}`,
    "--mode=window",
    `--url=${launch.url}`,
    "--enable-server=true",
    "--port=0",
    "--enable-native-api=true",
    "--export-auth-info",
    `--window-title=${launch.title}`,
    "--window-exit-process-on-close=true",
  ];
}

/** argv[0] for the window: GTK names the window class (WM_CLASS) after it, e.g. for docks and menus. */
export const WINDOW_CLASS_NAME = "stripe-bookings";

/**
 * The window's environment. Neutralino keeps its state (size, position) in the system data
 * folder, which it finds through XDG_DATA_HOME or else the passwd entry's home, ignoring $HOME:
 * without XDG_DATA_HOME it would write outside a $HOME the user chose.
 */
export function windowEnv(env: Record<string, string | undefined>): Record<string, string | undefined> {
  if (env.XDG_DATA_HOME || !env.HOME) return env;
  return { ...env, XDG_DATA_HOME: path.join(env.HOME, ".local", "share") };
}

/** The page URL for a server bound to `host`; wildcard binds are reached over loopback. */
export function localUrl(host: string, port: number, pathname = "/"): string {
  const reachable = host === "0.0.0.0" || host === "::" || host === "" ? "127.0.0.1" : host;
  const hostPart = reachable.includes(":") ? `[${reachable}]` : reachable;
  return `http://${hostPart}:${port}${pathname}`;
}

/** The last `count` non-empty lines of a log, oldest first. */
export function lastLines(text: string, count: number): string[] {
  if (count <= 0) return [];
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "")
    .slice(-count);
}
