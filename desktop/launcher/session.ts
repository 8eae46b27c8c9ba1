// One desktop session: find the window binary, pick the port, start the server (or reuse a
// healthy one) and, at the same time, open the window on a local "Starting…" page
// (desktop/launcher/start-page.ts); once /api/health answers, send the window to the signed-in
// app. The two lifetimes are tied together — whichever ends first, the other is stopped.
// Ctrl-C (the `stop` signal) stops both. When the server cannot start, the window says why
// until it is closed.
import { existsSync } from "node:fs";
import path from "node:path";
import {
  binaryCandidates,
  lastLines,
  localUrl,
  missingBinaryMessage,
  neutralinoArgs,
  WINDOW_CLASS_NAME,
  windowEnv,
} from "@/lib/desktop/neutralino";
import { elapsedMs, log } from "@/lib/log";
import { findNeutralino } from "@/desktop/launcher/binary";
import { waitForHealth } from "@/desktop/launcher/health";
import type { LaunchOptions } from "@/desktop/launcher/options";
import { serveControl } from "@/desktop/launcher/control";
import { ownOrHandOver } from "@/desktop/launcher/instance";
import { choosePort } from "@/desktop/launcher/port";
import { signedInUrl } from "@/desktop/launcher/sign-in-link";
import { serveStartPage, type StartPage } from "@/desktop/launcher/start-page";
import { windowFocus, type WindowFocus } from "@/desktop/launcher/window-focus";
import {
  describeExit,
  hasExited,
  readOwnLog,
  spawnLogged,
  stopProcess,
  type ExitInfo,
  type Running,
} from "@/desktop/launcher/processes";

export type Outcome =
  | "closed"
  | "already-open"
  | "binary-missing"
  | "build-missing"
  | "server-unhealthy"
  | "server-failed"
  | "server-died"
  | "window-failed"
  | "interrupted";

export interface LaunchResult {
  exitCode: number;
  outcome: Outcome;
  port?: number;
  url?: string;
  reusedServer?: boolean;
  healthMs?: number;
  /** Launcher start (process start) → the window has drawn its first page. */
  shownMs?: number;
  windowMs?: number;
}

const SIGNAL_EXIT_CODES: Record<string, number> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };
const TAIL_LINES = 20;

function tail(running: Running): string {
  const lines = lastLines(readOwnLog(running), TAIL_LINES);
  const where = `Full log: ${running.logFile}`;
  if (lines.length === 0) return `(it wrote nothing)\n${where}`;
  return `Last lines of its log:\n${lines.map((line) => `  | ${line}`).join("\n")}\n${where}`;
}

function interruptedResult(stop: AbortSignal, base: Partial<LaunchResult>): LaunchResult {
  const code = typeof stop.reason === "string" ? (SIGNAL_EXIT_CODES[stop.reason] ?? 130) : 130;
  return { ...base, exitCode: code, outcome: "interrupted" };
}

/** A child killed by the terminal's Ctrl-C, as opposed to one that failed by itself. */
function killedByCtrlC(exit: ExitInfo): boolean {
  return exit.signal === "SIGINT" || exit.code === 130;
}

function whenAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener("abort", () => resolve(), { once: true });
  });
}

type Ready = "healthy" | "timeout" | "server-exited" | "window-exited" | "interrupted";

/** Waits for /api/health while watching the server, the window (closed early?) and Ctrl-C. */
async function waitUntilReady(
  server: Running,
  window: Running,
  url: string,
  timeoutMs: number,
  stop: AbortSignal,
): Promise<Ready> {
  const give = new AbortController();
  const abort = () => give.abort();
  stop.addEventListener("abort", abort, { once: true });
  void server.exited.then(abort);
  void window.exited.then(abort);
  if (stop.aborted) abort();
  try {
    const outcome = await waitForHealth(url, { timeoutMs, signal: give.signal });
    if (outcome === "healthy") return "healthy";
    if (stop.aborted) return "interrupted";
    if (hasExited(window)) return "window-exited";
    return hasExited(server) ? "server-exited" : "timeout";
  } finally {
    stop.removeEventListener("abort", abort);
  }
}

function windowMissing(options: LaunchOptions, say: (text: string) => void): LaunchResult {
  say(missingBinaryMessage(options));
  if (options.neuBinary === undefined) {
    const present = binaryCandidates(options.appRoot, options.platform, options.arch).filter((file) =>
      existsSync(file),
    );
    for (const file of present) say(`Found ${file}, but it is not executable: run chmod +x "${file}".`);
  }
  return { exitCode: 2, outcome: "binary-missing" };
}

/** How a session ends once its window has ended by itself. */
function windowEnded(
  exit: ExitInfo,
  window: Running,
  stop: AbortSignal,
  base: Partial<LaunchResult>,
  say: (text: string) => void,
): LaunchResult {
  if (killedByCtrlC(exit)) return interruptedResult(stop, base);
  // Asked to end by the system (logout, shutdown, `kill`): a normal close, not a failure.
  if (exit.signal === "SIGTERM" || exit.signal === "SIGHUP")
    return { ...base, exitCode: 0, outcome: "closed" };
  if (exit.error || exit.code !== 0) {
    say(`The window ended with an error (${describeExit(exit)}).\n${tail(window)}`);
    return { ...base, exitCode: 1, outcome: "window-failed" };
  }
  return { ...base, exitCode: 0, outcome: "closed" };
}

/** Runs until the window closes, the server dies or Ctrl-C. */
async function untilEnd(
  window: Running,
  server: Running | undefined,
  stop: AbortSignal,
  base: Partial<LaunchResult>,
  say: (text: string) => void,
): Promise<LaunchResult> {
  const opened = performance.now();
  const serverEnd = server
    ? server.exited.then((exit) => ({ who: "server" as const, exit }))
    : new Promise<never>(() => {});
  const first = await Promise.race([
    window.exited.then((exit) => ({ who: "window" as const, exit })),
    serverEnd,
    whenAborted(stop).then(() => ({ who: "stop" as const })),
  ]);
  base.windowMs = elapsedMs(opened);
  if (first.who === "stop") return interruptedResult(stop, base);
  if (first.who === "server") {
    if (killedByCtrlC(first.exit)) return interruptedResult(stop, base);
    say(
      `The server stopped unexpectedly (${describeExit(first.exit)}); closing the window.\n${tail(server ?? window)}`,
    );
    return { ...base, exitCode: 1, outcome: "server-died" };
  }
  return windowEnded(first.exit, window, stop, base, say);
}

/**
 * The server could not start: say why in the terminal and in the window, and keep the window
 * (someone who double-clicked has no terminal) until it is closed or Ctrl-C.
 */
async function startFailed(
  message: string,
  result: LaunchResult,
  page: StartPage,
  window: Running,
  stop: AbortSignal,
  say: (text: string) => void,
): Promise<LaunchResult> {
  say(message);
  page.fail(message);
  await Promise.race([window.exited, whenAborted(stop)]);
  return result;
}

/**
 * Runs one session to its end and reports how it ended; never leaves a child it started
 * running. One session per data folder: a launch while another runs brings that one's window
 * to the front and ends (desktop/launcher/instance.ts).
 */
export async function launch(
  options: LaunchOptions,
  stop: AbortSignal,
  say: (text: string) => void,
): Promise<LaunchResult> {
  const binary = findNeutralino(options);
  if (binary === undefined) return windowMissing(options, say);

  let focus: WindowFocus | undefined;
  const control = await serveControl(async () => (await focus?.focus()) ?? false);
  try {
    const start = await ownOrHandOver(options.dataDir, control);
    if (start.kind === "already-open") {
      say(
        start.focused
          ? `Stripe Bookings is already open (launcher pid ${start.pid}); its window was brought to the front.`
          : `Stripe Bookings is already open (launcher pid ${start.pid}); look for its window on your screen.`,
      );
      return { exitCode: 0, outcome: "already-open" };
    }
    try {
      return await session(options, binary, stop, say, (window) => (focus = windowFocus(window.tail)));
    } finally {
      focus?.stop();
      start.release();
    }
  } finally {
    await control.close();
  }
}

async function session(
  options: LaunchOptions,
  binary: string,
  stop: AbortSignal,
  say: (text: string) => void,
  windowOpened: (window: Running) => void,
): Promise<LaunchResult> {
  const started: Running[] = [];
  const base: Partial<LaunchResult> = {};
  // The window opens first, on the start page: everything else happens while it shows.
  const page = await serveStartPage(options.startPageFile);
  const window = spawnLogged(
    [binary, ...neutralinoArgs({ appRoot: options.appRoot, url: page.url, title: options.windowTitle })],
    {
      cwd: options.appRoot,
      env: windowEnv(options.env),
      logFile: path.join(options.logsDir, "window.log"),
      argv0: WINDOW_CLASS_NAME,
    },
  );
  started.push(window);
  windowOpened(window);
  void page.shown.then((at) => {
    base.shownMs = Math.round(at);
    log.info(
      { command: "desktop", event: "start-page-shown", ms: base.shownMs },
      "window shows its first page",
    );
  });
  const failed = (message: string, result: LaunchResult) =>
    startFailed(message, result, page, window, stop, say);
  try {
    const choice = await choosePort(options.host, options.preferredPort, {
      dataDir: options.dataDir,
      patienceMs: options.healthTimeoutMs,
      signal: stop,
    });
    const url = localUrl(options.host, choice.port);
    Object.assign(base, { port: choice.port, url, reusedServer: choice.reuse });
    if (stop.aborted) return interruptedResult(stop, base);
    if (hasExited(window)) return windowEnded(await window.exited, window, stop, base, say);
    if (choice.reuse) {
      say(`Using the Stripe Bookings server already running at ${url}`);
      page.go(await signedInUrl(url, options.dataDir, say));
      return await untilEnd(window, undefined, stop, base, say);
    }
    if (choice.fellBack)
      say(`Port ${options.preferredPort} is used by another program; using ${choice.port} instead.`);
    const build = path.join(options.appRoot, ".next", "standalone", "server.js");
    if (options.needsBuild && !existsSync(build)) {
      return await failed(
        `No production build found (${build} is missing).\nRun \`./run start\` once (or \`./run build\`), then \`./run desktop\` again.`,
        { ...base, exitCode: 66, outcome: "build-missing" },
      );
    }
    const logFile = path.join(options.logsDir, "server.log");
    say(`Starting the server on ${url} (log: ${logFile})`);
    const env = {
      ...options.env,
      PORT: String(choice.port),
      HOST: options.host,
      DATA_DIR: options.dataDir,
      // Its output already goes to server.log through this launcher: it must not write it twice.
      BOOKINGS_OUTPUT_LOGGED: "1",
      // The server exits when this launcher is gone, even if it is killed (lib/desktop/parent-watch.ts).
      BOOKINGS_PARENT_PID: String(process.pid),
    };
    const healthStart = performance.now();
    const server = spawnLogged(options.serverCommand, { cwd: options.appRoot, env, logFile });
    started.push(server);
    const healthUrl = localUrl(options.host, choice.port, "/api/health");
    const ready = await waitUntilReady(server, window, healthUrl, options.healthTimeoutMs, stop);
    if (ready === "interrupted") return interruptedResult(stop, base);
    if (ready === "window-exited") return windowEnded(await window.exited, window, stop, base, say);
    if (ready === "server-exited") {
      const exit = await server.exited;
      return await failed(
        `The server stopped before it was ready (${describeExit(exit)}).\n${tail(server)}`,
        {
          ...base,
          exitCode: 1,
          outcome: "server-failed",
        },
      );
    }
    if (ready === "timeout") {
      await stopProcess(server, options.stopGraceMs);
      const seconds = options.healthTimeoutMs / 1000;
      return await failed(
        `The server did not become healthy within ${seconds} s (GET ${healthUrl}).\n${tail(server)}`,
        { ...base, exitCode: 1, outcome: "server-unhealthy" },
      );
    }
    base.healthMs = elapsedMs(healthStart);
    say(`The server is ready (${(base.healthMs / 1000).toFixed(1)} s); opening the app in the window.`);
    page.go(await signedInUrl(url, options.dataDir, say));
    return await untilEnd(window, server, stop, base, say);
  } finally {
    await page.close();
    await Promise.all(started.map((running) => stopProcess(running, options.stopGraceMs)));
  }
}
