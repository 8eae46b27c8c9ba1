// The package (`./run package`) unpacked outside the repository, run with a PATH that holds no
// node, npm or npx: its server answers /api/health, its CLI works, and its data lands in the OS
// data directory it is given (XDG_DATA_HOME), not beside the code; it holds no `.env` or other
// secret, reads none beside its code, and keeps its data folder private (0700/0600).
import { spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packageName } from "@/desktop/package/files";
import {
  closeWindowsOf,
  listWindows,
  neutralinoBinary,
  startXvfb,
  windowTestBlocker,
} from "@/tests/support/desktop/real-window";
import { freePort, REPO_ROOT, waitFor } from "@/tests/support/faults/processes";
import { notPrivate } from "@/tests/support/modes";

const built = existsSync(path.join(REPO_ROOT, ".next", "standalone", "server.js"));
const binary = neutralinoBinary();
const blocker = !built
  ? "no production build (./run build)"
  : !binary
    ? "no Neutralino binary to package (NEU_BINARY, ../shared/neutralino/ or desktop/bin/)"
    : undefined;
if (blocker) console.warn(`Skipping the package test: ${blocker}.`);

const NODE_FLAGS = ["--experimental-wasm-modules", "--no-warnings=ExperimentalWarning", "--import", "tsx"];

describe.skipIf(blocker !== undefined)("the packaged app, unpacked elsewhere", () => {
  let folder: string;
  let box: string;
  let env: NodeJS.ProcessEnv;
  const pids: number[] = [];

  beforeAll(() => {
    // Next copies the checkout's `.env` into its standalone output; a checkout without one
    // gets a stand-in with a developer's secrets, removed again once the package is built.
    const planted = path.join(REPO_ROOT, ".next", "standalone", ".env");
    const plant = !existsSync(planted);
    if (plant)
      writeFileSync(
        planted,
        `STRIPE_SECRET_KEY=sk_test_${"D".repeat(24)}\nBETTER_AUTH_SECRET=developer-secret\n`,
      );
    let made;
    try {
      made = spawnSync(process.execPath, [...NODE_FLAGS, "desktop/package/build.ts"], {
        cwd: REPO_ROOT,
        env: { ...process.env, NEU_BINARY: binary },
        encoding: "utf8",
        timeout: 280_000,
      });
    } finally {
      if (plant) rmSync(planted, { force: true });
    }
    expect(made.status, `${made.stderr}${made.error ? String(made.error) : ""}`).toBe(0);
    const version = (
      JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string }
    ).version;
    const name = packageName(version, process.platform, process.arch);
    box = mkdtempSync(path.join(tmpdir(), "package-test-"));
    expect(box.startsWith(REPO_ROOT)).toBe(false);
    const unpacked = spawnSync("tar", ["-xzf", path.join(REPO_ROOT, "dist", `${name}.tar.gz`), "-C", box]);
    expect(unpacked.status).toBe(0);
    folder = path.join(box, name);
    // A PATH with only what the start script itself calls: no node, npm, npx or compiler.
    const bin = path.join(box, "bin");
    mkdirSync(bin);
    symlinkSync("/usr/bin/dirname", path.join(bin, "dirname"));
    for (const dir of ["home", "xdg-data"]) mkdirSync(path.join(box, dir));
    env = {
      PATH: bin,
      HOME: path.join(box, "home"),
      XDG_DATA_HOME: path.join(box, "xdg-data"),
      LOG_LEVEL: "warn",
      NODE_ENV: "production",
    };
  }, 300_000);

  afterAll(() => {
    for (const pid of pids) {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        // Already stopped.
      }
    }
    if (box) rmSync(box, { recursive: true, force: true });
  });

  it("holds Node with its licence, the bundled entries, the window binary and the menu entry", () => {
    for (const file of [
      "stripe-bookings",
      "stripe-bookings.desktop",
      "icon.png",
      "node/node",
      "node/LICENSE",
      "app/server/serve.mjs",
      "app/cli/index.mjs",
      "app/desktop/launcher.mjs",
      "app/.next/standalone/server.js",
      "app/prisma/migrations/migration_lock.toml",
      "app/node_modules/@prisma/schema-engine-wasm/package.json",
      "app/desktop/bin/neutralino-linux_x64",
      "app/neutralino.config.json",
    ]) {
      expect(existsSync(path.join(folder, file)), file).toBe(true);
    }
    expect(
      spawnSync("sh", ["-c", "command -v npm || command -v npx || command -v node"], { env }).status,
    ).not.toBe(0);
  });

  it("leaves out what the app never loads, and names its window class and icon for the desktop", () => {
    const kept: string[] = [];
    const visit = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        const relative = path.relative(path.join(folder, "app"), file);
        if (entry.isDirectory()) {
          // sharp is for next/image only, which the app does not use (~18 MB).
          if (/(^|[/\\])node_modules[/\\](sharp|@img)$/.test(relative)) kept.push(relative);
          else visit(file);
        }
        // TypeScript sources Next traced into its standalone output (its server loads .next/ only).
        else if (/^\.next[/\\]standalone[/\\](?!node_modules|\.next).*\.tsx?$/.test(relative))
          kept.push(relative);
        // node-gyp's leftovers beside the native addon (sqlite3.c, objects, archives: ~17 MB).
        else if (
          /node_modules[/\\]better-sqlite3[/\\]build[/\\]/.test(relative) &&
          !/[/\\]build[/\\]Release[/\\]better_sqlite3\.node$/.test(relative)
        )
          kept.push(relative);
        else if (/^\.next[/\\]standalone[/\\]package-lock\.json$|capsize-font-metrics\.json$/.test(relative))
          kept.push(relative);
      }
    };
    visit(path.join(folder, "app"));
    expect(kept).toEqual([]);
    // Docks group the window (WM_CLASS stripe-bookings) under the menu entry, with its icon;
    // Neutralino sets a window icon only from a file of at least 1 KB (a smaller one it never reads whole).
    expect(readFileSync(path.join(folder, "stripe-bookings.desktop"), "utf8")).toContain(
      "\nStartupWMClass=stripe-bookings\n",
    );
    expect(statSync(path.join(folder, "app", "desktop", "resources", "icon.png")).size).toBeGreaterThan(1024);
  });

  it("holds no .env and no secret-looking file", () => {
    const found: string[] = [];
    const visit = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) visit(file);
        else if (!entry.isFile()) continue;
        else if (/^\.env|^auth-secret$|\.(db|pem|key)$/i.test(entry.name)) found.push(file);
        else if (
          /sk_live_\w{6}|sk_test_\w{6}|whsec_\w{6}|BETTER_AUTH_SECRET=\S/.test(readFileSync(file, "latin1"))
        )
          found.push(`${file} (contents)`);
      }
    };
    visit(folder);
    expect(found).toEqual([]);
  });

  it("lets the sync's fetch thread load the Stripe SDK as it does (from the entry script)", () => {
    // lib/stripe/fetch-thread.ts resolves the SDK from process.argv[1], here the packaged CLI.
    const script = `
      const entry = process.argv[1];
      const resolved = require("node:module").createRequire(entry).resolve("stripe");
      const loaded = require(resolved);
      const Stripe = loaded.Stripe || loaded.default || loaded;
      new Stripe("sk_test_package");
      console.log(resolved);`;
    const loaded = spawnSync(
      path.join(folder, "node", "node"),
      ["-e", script, path.join(folder, "app", "cli", "index.mjs")],
      { env, encoding: "utf8" },
    );
    expect(loaded.status, loaded.stderr).toBe(0);
    expect(loaded.stdout.trim()).toBe(
      path.join(folder, "app", "node_modules", "stripe", "cjs", "stripe.cjs.node.js"),
    );
  });

  it(
    "serves /api/health, runs CLI commands, keeps its data private in $XDG_DATA_HOME/stripe-bookings, refuses an empty database",
    { timeout: 400_000 },
    async () => {
      const port = await freePort();
      // A `.env` someone puts beside the code is not read: settings come from the environment
      // and the data folder only.
      const elsewhere = path.join(box, "from-dotenv");
      writeFileSync(path.join(folder, "app", ".env"), `DATA_DIR=${elsewhere}\n`);
      const server = spawn(path.join(folder, "stripe-bookings"), ["serve"], {
        cwd: box,
        env: { ...env, PORT: String(port) },
        stdio: ["ignore", "pipe", "pipe"],
        detached: true,
      });
      pids.push(server.pid!);
      let err = "";
      server.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
      server.stdout.resume();
      const body = await waitFor(
        async () => {
          if (server.exitCode !== null) throw new Error(`the packaged server exited: ${err}`);
          try {
            const response = await fetch(`http://127.0.0.1:${port}/api/health`, {
              signal: AbortSignal.timeout(2000),
            });
            return response.status === 200 && ((await response.json()) as { status: string });
          } catch {
            return false;
          }
        },
        { timeoutMs: 60_000, intervalMs: 200, what: "the packaged server's /api/health" },
      );
      expect(body.status).toBe("ok");

      const cli = (args: string[], input?: string) =>
        spawnSync(path.join(folder, "stripe-bookings"), ["cli", ...args], {
          cwd: box,
          env,
          input,
          encoding: "utf8",
          timeout: 60_000,
        });
      const created = cli(
        ["user:create", "--email", "owner@example.com", "--role", "owner", "--password-stdin"],
        "a long enough password\n",
      );
      expect(created.status, created.stderr).toBe(0);
      const listed = cli(["user:list"]);
      expect(listed.status, listed.stderr).toBe(0);
      expect(listed.stdout).toMatch(/owner@example\.com\towner/);

      const dbFile = path.join(box, "xdg-data", "stripe-bookings", "app.db");
      expect(existsSync(dbFile)).toBe(true);
      // `serve` writes its log file there too, as well as the terminal.
      const serverLog = readFileSync(
        path.join(box, "xdg-data", "stripe-bookings", "logs", "server.log"),
        "utf8",
      );
      expect(serverLog).toContain(`Stripe Bookings is running at http://127.0.0.1:${port}`);
      expect(existsSync(path.join(folder, "app", "data"))).toBe(false);
      expect(existsSync(elsewhere)).toBe(false);
      // After start-up, a write and a backup: the data folder is this account's only.
      const backedUp = cli(["backup"]);
      expect(backedUp.status, backedUp.stderr).toBe(0);
      expect(notPrivate(path.join(box, "xdg-data", "stripe-bookings"))).toEqual([]);
      const db = new Database(dbFile, { readonly: true });
      try {
        expect(db.prepare("SELECT email FROM User").all()).toEqual([{ email: "owner@example.com" }]);
      } finally {
        db.close();
      }
      process.kill(-server.pid!, "SIGTERM");
      await waitFor(() => server.exitCode !== null || server.signalCode !== null, {
        timeoutMs: 30_000,
        intervalMs: 100,
        what: "the packaged server to stop",
      });

      // A 0-byte database is refused, never a fresh start; the printed command restores it.
      writeFileSync(dbFile, "");
      for (const suffix of ["-wal", "-shm"]) rmSync(`${dbFile}${suffix}`, { force: true });
      const refused = spawnSync(path.join(folder, "stripe-bookings"), ["serve"], {
        cwd: box,
        env: { ...env, PORT: String(await freePort()) },
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(refused.status, refused.stderr).toBe(65);
      const printed = refused.stderr
        .split("\n")
        .find((line) => line.includes(" cli restore "))
        ?.trim();
      expect(printed, refused.stderr).toContain(`'${path.join(folder, "stripe-bookings")}' cli restore '`);
      const pasted = spawnSync("/bin/sh", ["-c", printed!], {
        cwd: box,
        env,
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(pasted.status, `${printed}\n${pasted.stderr}`).toBe(0);
      expect(cli(["user:list"]).stdout).toMatch(/owner@example\.com\towner/);
    },
  );

  it.skipIf(windowTestBlocker() !== undefined)(
    "opens the window with ./stripe-bookings, and closing it ends everything",
    { timeout: 180_000 },
    async () => {
      const display = await startXvfb();
      try {
        const launcher = spawn(
          "/usr/bin/dbus-run-session",
          [
            "--dbus-daemon=/usr/bin/dbus-daemon",
            "--",
            path.join(folder, "stripe-bookings"),
            "--port",
            String(await freePort()),
          ],
          {
            cwd: box,
            env: {
              ...env,
              DISPLAY: display.name,
              LIBGL_ALWAYS_SOFTWARE: "1",
              WEBKIT_DISABLE_DMABUF_RENDERER: "1",
            },
            stdio: ["ignore", "ignore", "pipe"],
            detached: true,
          },
        );
        pids.push(launcher.pid!);
        let said = "";
        launcher.stderr.on("data", (chunk: Buffer) => (said += chunk.toString()));
        const exited = new Promise<number | null>((resolve) => launcher.once("exit", resolve));
        const window = await waitFor(
          () => listWindows(display.name).find((w) => w.name === "Stripe Bookings" && w.pid !== null),
          { timeoutMs: 60_000, intervalMs: 250, what: "the packaged app's window" },
        ).catch((error: unknown) => {
          throw new Error(`${String(error)}\n${said}`);
        });
        // Closed at once: the window shows the start page while the server is still starting.
        expect(closeWindowsOf(display.name, window.pid!)).toBe(true);
        const code = await Promise.race([
          exited,
          new Promise<"late">((resolve) => setTimeout(() => resolve("late"), 60_000)),
        ]);
        expect(code, `the launcher after its window closed; it said:\n${said}`).toBe(0);
        expect(said).toMatch(/Starting the server/);
      } finally {
        await display.stop();
      }
    },
  );
});
