// The real desktop window: `./run desktop` with the real Neutralino binary on a private Xvfb
// screen. It must open signed in (the launcher's one-time link) on the Today screen, draw
// something, stop its server and leave no process when closed, and a second launch must open
// the running instance instead of starting a second server. Skipped, saying why, where the
// binary or the X tools are missing.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, REPO_ROOT, waitFor } from "@/tests/support/faults/processes";
import {
  closeWindowsOf,
  listWindows,
  neutralinoBinary,
  processGroup,
  screenshotDeviation,
  startXvfb,
  windowTestBlocker,
  type Display,
} from "@/tests/support/desktop/real-window";

const blocker = windowTestBlocker();
if (blocker) console.warn(`Skipping the real-window test: ${blocker}.`);

const OWNER = "owner@example.com";
const NODE_FLAGS = ["--experimental-wasm-modules", "--no-warnings=ExperimentalWarning", "--import", "tsx"];

interface Launch {
  proc: ChildProcess;
  pid: number;
  stderr: () => string;
  exited: Promise<number | null>;
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return "";
  }
}

describe.skipIf(blocker !== undefined)("desktop window (real Neutralino under Xvfb)", () => {
  let display: Display;
  let dataDir: string;
  let home: string;
  let port: number;
  const launches: Launch[] = [];

  const env = (): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: home,
    LANG: "C.UTF-8",
    TZ: "UTC",
    DISPLAY: display.name,
    DATA_DIR: dataDir,
    NEU_BINARY: neutralinoBinary()!,
    LIBGL_ALWAYS_SOFTWARE: "1",
    WEBKIT_DISABLE_DMABUF_RENDERER: "1",
    LOG_LEVEL: "info",
    NODE_ENV: "production",
  });

  function launch(): Launch {
    const proc = spawn(
      "dbus-run-session",
      ["--", path.join(REPO_ROOT, "run"), "desktop", "--port", String(port)],
      {
        cwd: REPO_ROOT,
        env: env(),
        stdio: ["ignore", "pipe", "pipe"],
        // Its own process group (the server renames itself "next-server", see below): everything it starts can be found (and must be gone at the end).
        detached: true,
      },
    );
    let err = "";
    proc.stderr?.on("data", (chunk: Buffer) => (err += chunk.toString()));
    proc.stdout?.resume();
    const exited = new Promise<number | null>((resolve) => proc.once("exit", (code) => resolve(code)));
    const launched = { proc, pid: proc.pid!, stderr: () => err, exited };
    launches.push(launched);
    return launched;
  }

  const health = async () => {
    try {
      return (await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(2000) }))
        .status;
    } catch {
      return 0;
    }
  };

  /** Waits for the launch's window; a timeout shows what the launcher said. */
  async function windowOf(launched: Launch, which: string) {
    try {
      const found = await waitFor(() => windowsOf(launched).length > 0 && windowsOf(launched), {
        timeoutMs: 90_000,
        intervalMs: 250,
        what: `the ${which} window`,
      });
      return found[0]!;
    } catch (error) {
      throw new Error(`${String(error)}\nThe launcher said:\n${launched.stderr()}`);
    }
  }

  const windowsOf = (launched: Launch) => {
    const group = new Set(processGroup(launched.pid).map((p) => p.pid));
    return listWindows(display.name).filter(
      (w) => w.pid !== null && group.has(w.pid) && w.name === "Stripe Bookings",
    );
  };

  beforeAll(async () => {
    display = await startXvfb();
    dataDir = mkdtempSync(path.join(tmpdir(), "desktop-window-data-"));
    home = mkdtempSync(path.join(tmpdir(), "desktop-window-home-"));
    port = await freePort();
    const created = spawnSync(
      process.execPath,
      [...NODE_FLAGS, "cli/index.ts", "user:create", "--email", OWNER, "--role", "owner", "--password-stdin"],
      {
        cwd: REPO_ROOT,
        env: env(),
        input: "correct horse battery\n",
        encoding: "utf8",
      },
    );
    expect(created.status, created.stderr).toBe(0);
  }, 120_000);

  afterAll(async () => {
    for (const launched of launches) {
      try {
        process.kill(-launched.pid, "SIGKILL");
      } catch {
        // Already gone, as it should be.
      }
    }
    await display?.stop();
  });

  it(
    "opens signed in on Today, draws, reuses the running server, and leaves nothing when closed",
    { timeout: 240_000 },
    async () => {
      const first = launch();
      const window1 = await windowOf(first, "first");

      // Signed in by the one-time link: the audit log has the desktop sign-in, and the session is the window's own.
      const db = new Database(path.join(dataDir, "app.db"), { readonly: true, fileMustExist: true });
      try {
        await waitFor(
          () =>
            (
              db
                .prepare("SELECT count(*) AS n FROM AuditEvent WHERE type = 'desktop-sign-in' AND actor = ?")
                .get(OWNER) as {
                n: number;
              }
            ).n === 1,
          { timeoutMs: 30_000, intervalMs: 250, what: "the desktop sign-in in the audit log" },
        );
        const sessions = db.prepare("SELECT userAgent FROM Session").all() as { userAgent: string | null }[];
        expect(sessions).toHaveLength(1);
        expect(sessions[0]!.userAgent).toMatch(/AppleWebKit/);
      } finally {
        db.close();
      }

      // The page is drawn: the screen is not one flat colour once the page has loaded.
      const shot = path.join(home, "window.png");
      const deviation = await waitFor(
        () => {
          const value = screenshotDeviation(display.name, shot);
          return value > 0.05 && value;
        },
        { timeoutMs: 30_000, intervalMs: 500, what: "a non-blank screenshot" },
      );
      expect(deviation).toBeGreaterThan(0.05);

      // A second launch opens the running instance: no second server.
      const second = launch();
      const window2 = await windowOf(second, "second");
      expect(window2.pid).not.toBe(window1.pid);
      expect(second.stderr()).toMatch(/Using the Stripe Bookings server already running/);
      const servers = [...processGroup(first.pid), ...processGroup(second.pid)].filter((p) =>
        /server\/serve\.ts|next-server/.test(cmdline(p.pid)),
      );
      expect(servers).toHaveLength(1);
      expect(processGroup(first.pid).map((p) => p.pid)).toContain(servers[0]!.pid);

      // Closing the second window leaves the first instance's server running.
      expect(closeWindowsOf(display.name, window2.pid!)).toBe(true);
      expect(await second.exited).toBe(0);
      expect(await health()).toBe(200);

      // Closing the first window stops its server, and nothing of it is left.
      expect(closeWindowsOf(display.name, window1.pid!)).toBe(true);
      expect(await first.exited).toBe(0);
      expect(await health()).toBe(0);
      await waitFor(() => processGroup(first.pid).length === 0 && processGroup(second.pid).length === 0, {
        timeoutMs: 10_000,
        intervalMs: 100,
        what: `no process left (found ${JSON.stringify([...processGroup(first.pid), ...processGroup(second.pid)])})`,
      });
    },
  );
});
