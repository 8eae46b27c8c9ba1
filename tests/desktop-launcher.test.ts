// The desktop launcher against stand-ins: tests/support/desktop/fake-server.mjs plays the
// server, fake-neutralino.mjs the window binary. No real Neutralino is needed or downloaded.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import path from "node:path";
import fc from "fast-check";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { anyFreePort } from "@/desktop/launcher/port";
import { serveStartPage } from "@/desktop/launcher/start-page";
import {
  binaryCandidates,
  lastLines,
  localUrl,
  neutralinoArgs,
  neutralinoBinaryName,
  windowEnv,
} from "@/lib/desktop/neutralino";
import {
  fakeEnv,
  FAKE_SERVER,
  isAlive,
  makeFakeWindowExecutable,
  readJson,
  REPO_ROOT,
  runLauncher,
  sandbox,
  serverInfoSchema,
  waitForFile,
  windowRecordSchema,
  type Sandbox,
} from "@/tests/support/desktop/harness";

let box: Sandbox;
const cleanups: (() => void)[] = [];
beforeAll(makeFakeWindowExecutable);
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  box?.cleanup();
});

describe("desktop launcher", () => {
  it("opens the window at once on the start page, sends it to the server's URL once /api/health is 200, and stops the server when the window closes", async () => {
    box = sandbox();
    const port = await anyFreePort("127.0.0.1");
    const env = fakeEnv(box, port, { serverFlags: ["--delay=600"], windowExitAfterMs: 200 });
    const { code, messages } = await runLauncher(env);
    expect(code, messages).toBe(0);
    const window = readJson(box.windowRecord, windowRecordSchema);
    const server = readJson(box.serverInfo, serverInfoSchema);
    expect(window.healthStatus).toBe(200);
    expect(window.startPage).toBe(true);
    expect(window.url).toBe(`http://127.0.0.1:${port}/`);
    expect(window.argv).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^--url=http:\/\/127\.0\.0\.1:\d+\/[0-9a-f]{32}\/$/),
        "--load-dir-res",
        `--path=${REPO_ROOT}`,
        "--window-title=Stripe Bookings",
        "--window-exit-process-on-close=true",
      ]),
    );
    expect(server).toMatchObject({ port, host: "127.0.0.1", dataDir: box.dataDir });
    expect(isAlive(server.pid)).toBe(false);
    expect(readFileSync(path.join(box.dataDir, "logs", "server.log"), "utf8")).toContain(
      "fake server listening",
    );
    expect(readFileSync(path.join(box.dataDir, "logs", "window.log"), "utf8")).toContain(
      "fake neutralino window open",
    );
  });

  it("exits 2 and explains `npx neu update` when the window binary is missing, before starting any server", async () => {
    box = sandbox();
    const port = await anyFreePort("127.0.0.1");
    const env = { ...fakeEnv(box, port), NEU_BINARY: undefined, APP_ROOT: box.dir };
    const { code, messages } = await runLauncher(env);
    expect(code).toBe(2);
    expect(messages).toContain("npx neu update");
    const name = neutralinoBinaryName(process.platform, process.arch);
    if (name) expect(messages).toContain(path.join(box.dir, "desktop", "bin", name));
    expect(existsSync(box.serverInfo)).toBe(false);

    const pointed = await runLauncher({ ...fakeEnv(box, port), NEU_BINARY: path.join(box.dir, "nope") });
    expect(pointed.code).toBe(2);
    expect(pointed.messages).toMatch(/NEU_BINARY points to .*nope/);
  });

  it("exits 1 with the server log's last lines when /api/health never turns 200", async () => {
    box = sandbox();
    const port = await anyFreePort("127.0.0.1");
    const env = fakeEnv(box, port, { serverFlags: ["--health=never"] });
    // Long enough for the stand-in server to start and say so on a loaded machine.
    const { code, messages } = await runLauncher(env, ["--health-timeout-ms", "4000"]);
    expect(code).toBe(1);
    expect(messages).toMatch(/did not become healthy within 4 s/);
    expect(messages).toContain(`| fake server listening on 127.0.0.1:${port}`);
    // The window, open from the start, showed why until it was closed.
    expect(readJson(box.windowRecord, windowRecordSchema).error).toMatch(/did not become healthy within 4 s/);
    expect(isAlive(readJson(box.serverInfo, serverInfoSchema).pid)).toBe(false);
  });

  it("exits 1 when the server dies before it is ready, without waiting for the timeout", async () => {
    box = sandbox();
    const port = await anyFreePort("127.0.0.1");
    const env = fakeEnv(box, port, { serverFlags: ["--health=never", "--exit-after=100"] });
    const started = performance.now();
    const { code, messages } = await runLauncher(env, ["--health-timeout-ms", "20000"]);
    expect(code).toBe(1);
    expect(messages).toContain("stopped before it was ready (exit code 3)");
    expect(messages).toContain("fake server: exiting on purpose");
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(readJson(box.windowRecord, windowRecordSchema).error).toContain("fake server: exiting on purpose");
  });

  it("stops the starting server and exits 0 when the window is closed on the start page", async () => {
    box = sandbox();
    const port = await anyFreePort("127.0.0.1");
    const env = fakeEnv(box, port, {
      serverFlags: ["--health=never"],
      windowExitAfterMs: 3_000,
      windowExitFromStart: true,
    });
    const { code, messages } = await runLauncher(env, ["--health-timeout-ms", "20000"]);
    expect(code, messages).toBe(0);
    await waitForFile(box.serverInfo);
    expect(isAlive(readJson(box.serverInfo, serverInfoSchema).pid)).toBe(false);
  });

  it("closes the window and exits 1 when the server dies while the window is open", async () => {
    box = sandbox();
    const port = await anyFreePort("127.0.0.1");
    const env = fakeEnv(box, port, { serverFlags: ["--exit-after=4000"] });
    const { code, messages } = await runLauncher(env);
    expect(code).toBe(1);
    expect(messages).toContain("The server stopped unexpectedly (exit code 3); closing the window.");
    expect(isAlive(readJson(box.windowRecord, windowRecordSchema).pid)).toBe(false);
  });

  it("exits 1 when the window itself fails, and still stops the server", async () => {
    box = sandbox();
    const port = await anyFreePort("127.0.0.1");
    const { code, messages } = await runLauncher(
      fakeEnv(box, port, { windowExitAfterMs: 50, windowExitCode: 4 }),
    );
    expect(code).toBe(1);
    expect(messages).toContain("The window ended with an error (exit code 4)");
    expect(isAlive(readJson(box.serverInfo, serverInfoSchema).pid)).toBe(false);
  });

  it("a window ended by SIGTERM (logout, shutdown) is a normal close: exit 0, logged as closed, server stopped", async () => {
    box = sandbox();
    const port = await anyFreePort("127.0.0.1");
    const env = { ...fakeEnv(box, port, { windowExitAfterMs: 100 }), FAKE_NEU_EXIT_SIGNAL: "SIGTERM" };
    const { code, messages } = await runLauncher(env);
    expect(code, messages).toBe(0);
    expect(messages).not.toContain("The window ended with an error");
    expect(isAlive(readJson(box.serverInfo, serverInfoSchema).pid)).toBe(false);
  });

  it("falls back to a free port when the preferred one is busy with another program", async () => {
    box = sandbox();
    const busy = createServer((_request, response) => response.writeHead(404).end("not ours"));
    const port = await listen(busy);
    const { code, messages } = await runLauncher(fakeEnv(box, port, { windowExitAfterMs: 100 }));
    expect(code, messages).toBe(0);
    const server = readJson(box.serverInfo, serverInfoSchema);
    expect(server.port).not.toBe(port);
    expect(messages).toContain(`Port ${port} is used by another program; using ${server.port} instead.`);
    const window = readJson(box.windowRecord, windowRecordSchema);
    expect(window.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(window.healthStatus).toBe(200);
  });

  it("reuses our healthy server already on the port and leaves it running", async () => {
    box = sandbox();
    const port = await anyFreePort("127.0.0.1");
    const existing = spawn(process.execPath, [FAKE_SERVER, `--info=${box.serverInfo}`], {
      env: { ...process.env, PORT: String(port), HOST: "127.0.0.1" },
      stdio: "ignore",
    });
    cleanups.push(() => existing.kill("SIGKILL"));
    await waitForFile(box.serverInfo);
    const marker = path.join(box.dir, "second-server-started");
    const env = {
      ...fakeEnv(box, port, { windowExitAfterMs: 100 }),
      DESKTOP_SERVER_COMMAND: JSON.stringify([
        process.execPath,
        "-e",
        `require("fs").writeFileSync(${JSON.stringify(marker)}, "")`,
      ]),
    };
    const { code, messages } = await runLauncher(env);
    expect(code, messages).toBe(0);
    expect(messages).toContain(`already running at http://127.0.0.1:${port}/`);
    expect(existsSync(marker)).toBe(false);
    // The start page first, then the running server's app.
    const window = readJson(box.windowRecord, windowRecordSchema);
    expect(window.startPage).toBe(true);
    expect(window.url).toBe(`http://127.0.0.1:${port}/`);
    expect(window.healthStatus).toBe(200);
    expect(existing.exitCode).toBeNull();
    expect(isAlive(existing.pid ?? -1)).toBe(true);
  });

  it("reuses the server recorded for this data directory, even on another port, instead of starting a second", async () => {
    box = sandbox();
    const serverPort = await anyFreePort("127.0.0.1");
    const existing = spawn(process.execPath, [FAKE_SERVER, `--info=${box.serverInfo}`, "--delay=1500"], {
      env: { ...process.env, PORT: String(serverPort), HOST: "127.0.0.1" },
      stdio: "ignore",
    });
    cleanups.push(() => existing.kill("SIGKILL"));
    await waitForFile(box.serverInfo);
    // What the real server writes at start (lib/backup/server-record.ts); still starting (503).
    mkdirSync(box.dataDir, { recursive: true });
    writeFileSync(
      path.join(box.dataDir, "server.json"),
      JSON.stringify({
        pid: existing.pid,
        host: "127.0.0.1",
        port: serverPort,
        startedAt: new Date().toISOString(),
      }),
    );
    const marker = path.join(box.dir, "second-server-started");
    const env = {
      ...fakeEnv(box, await anyFreePort("127.0.0.1"), { windowExitAfterMs: 100 }),
      DESKTOP_SERVER_COMMAND: JSON.stringify([
        process.execPath,
        "-e",
        `require("fs").writeFileSync(${JSON.stringify(marker)}, "")`,
      ]),
    };
    const { code, messages } = await runLauncher(env);
    expect(code, messages).toBe(0);
    expect(messages).toContain(`already running at http://127.0.0.1:${serverPort}/`);
    expect(existsSync(marker)).toBe(false);
    expect(readJson(box.windowRecord, windowRecordSchema).healthStatus).toBe(200);
    expect(isAlive(existing.pid ?? -1)).toBe(true);
  });

  it("stops both the window and the server on Ctrl-C and exits 130", async () => {
    box = sandbox();
    const port = await anyFreePort("127.0.0.1");
    const running = runLauncher(fakeEnv(box, port));
    await waitForFile(box.windowRecord);
    process.emit("SIGINT", "SIGINT");
    const { code } = await running;
    expect(code).toBe(130);
    expect(isAlive(readJson(box.windowRecord, windowRecordSchema).pid)).toBe(false);
    expect(isAlive(readJson(box.serverInfo, serverInfoSchema).pid)).toBe(false);
  });

  it("refuses to start the real server without a production build (exit 66)", async () => {
    box = sandbox();
    const port = await anyFreePort("127.0.0.1");
    const env = { ...fakeEnv(box, port), DESKTOP_SERVER_COMMAND: undefined, APP_ROOT: box.dir };
    const { code, messages } = await runLauncher(env);
    expect(code).toBe(66);
    expect(messages).toContain("Run `./run start` once (or `./run build`)");
    // The window, open from the start, says so too.
    expect(readJson(box.windowRecord, windowRecordSchema).error).toContain("No production build found");
  });

  it("rejects bad settings (exit 78) and unknown flags (exit 64) with a message naming them", async () => {
    box = sandbox();
    const env = { ...fakeEnv(box, 3000), DESKTOP_SERVER_COMMAND: "node server.js", PORT: "70000" };
    const bad = await runLauncher(env);
    expect(bad.code).toBe(78);
    expect(bad.messages).toContain("DESKTOP_SERVER_COMMAND: must be a JSON array");
    expect(bad.messages).toContain("PORT:");
    const flag = await runLauncher(fakeEnv(box, 3000), ["--colour"]);
    expect(flag.code).toBe(64);
    expect(flag.messages).toContain("Usage: ./run desktop");
  });

  it("runs as a script the way `./run desktop` starts it", () => {
    box = sandbox();
    const env: Record<string, string | undefined> = {
      ...fakeEnv(box, 3000),
      NEU_BINARY: path.join(box.dir, "missing-binary"),
      LOG_LEVEL: "silent",
    };
    const result = spawnSync(process.execPath, ["--import", "tsx", "desktop/launcher.ts"], {
      cwd: REPO_ROOT,
      // Next's types make NODE_ENV required on ProcessEnv.
      env: env as NodeJS.ProcessEnv,
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("missing-binary, which is not an executable file");
  });

  it("as a script, starts the window with umask 077 (its state and auth file private) and keeps the data folder private", async () => {
    box = sandbox();
    const port = await anyFreePort("127.0.0.1");
    // The stand-in server never changes a mode: whatever is private, the launcher made so.
    const env: Record<string, string | undefined> = {
      ...fakeEnv(box, port, { windowExitAfterMs: 200 }),
      LOG_LEVEL: "silent",
    };
    const result = spawnSync(process.execPath, ["--import", "tsx", "desktop/launcher.ts"], {
      cwd: REPO_ROOT,
      env: env as NodeJS.ProcessEnv,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status, result.stderr).toBe(0);
    expect(readJson(box.windowRecord, windowRecordSchema).umask).toBe(0o077);
    const mode = (file: string) => statSync(path.join(box!.dataDir, file)).mode & 0o777;
    expect(mode(".")).toBe(0o700);
    expect(mode("logs")).toBe(0o700);
    expect(mode(path.join("logs", "desktop.log"))).toBe(0o600);
  });

  it("names the package's commands in a packaged --help, and ./run desktop in a checkout", async () => {
    box = sandbox();
    const packaged = await runLauncher({ ...fakeEnv(box, 3000), PACKAGED: "1" }, ["--help"]);
    expect(packaged.code).toBe(0);
    expect(packaged.messages).toContain("Usage: ./stripe-bookings [--port N]");
    expect(packaged.messages).toContain("./stripe-bookings cli <command>");
    expect(packaged.messages).not.toContain("./run");
    const checkout = await runLauncher(fakeEnv(box, 3000), ["--help"]);
    expect(checkout.messages).toContain("Usage: ./run desktop [--port N]");
  });
});

describe("window binary and arguments", () => {
  it("names the binaries `neu update` downloads, and looks in desktop/bin/ before bin/", () => {
    expect(neutralinoBinaryName("linux", "x64")).toBe("neutralino-linux_x64");
    expect(neutralinoBinaryName("darwin", "arm64")).toBe("neutralino-mac_arm64");
    expect(neutralinoBinaryName("win32", "x64")).toBe("neutralino-win_x64.exe");
    expect(neutralinoBinaryName("win32", "arm64")).toBeUndefined();
    expect(binaryCandidates("/app", "darwin", "arm64")).toEqual([
      "/app/desktop/bin/neutralino-mac_arm64",
      "/app/desktop/bin/neutralino-mac_universal",
      "/app/bin/neutralino-mac_arm64",
      "/app/bin/neutralino-mac_universal",
    ]);
  });

  it("keeps the window's state under $HOME: Neutralino reads XDG_DATA_HOME, else the passwd home (issue 22)", () => {
    expect(windowEnv({ HOME: "/home/ann" }).XDG_DATA_HOME).toBe("/home/ann/.local/share");
    expect(windowEnv({ HOME: "/home/ann", XDG_DATA_HOME: "/data/x" }).XDG_DATA_HOME).toBe("/data/x");
    expect(windowEnv({}).XDG_DATA_HOME).toBeUndefined();
  });

  it("runs the window's native API only for window.focus, and exports where to reach it", () => {
    const args = neutralinoArgs({ appRoot: "/app", url: "http://127.0.0.1:1/", title: "T" });
    expect(args).toEqual(
      expect.arrayContaining(["--enable-native-api=true", "--export-auth-info", "--port=0"]),
    );
    const config = JSON.parse(readFileSync(path.join(REPO_ROOT, "neutralino.config.json"), "utf8")) as {
      nativeAllowList: string[];
    };
    expect(config.nativeAllowList).toEqual(["window.focus"]);
  });

  it("reaches wildcard binds over loopback", () => {
    expect(localUrl("0.0.0.0", 3000)).toBe("http://127.0.0.1:3000/");
    expect(localUrl("::1", 4000, "/api/health")).toBe("http://[::1]:4000/api/health");
  });

  it("keeps at most the last n non-empty log lines, in order", () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z ]{0,8}$/)), fc.nat(30), (lines, n) => {
        const kept = lastLines(lines.join("\n"), n);
        const nonEmpty = lines.filter((line) => line.trim() !== "");
        expect(kept).toEqual(n === 0 ? [] : nonEmpty.slice(-n));
      }),
    );
  });

  it("ships a config whose icon and fallback page exist", () => {
    const config = JSON.parse(readFileSync(path.join(REPO_ROOT, "neutralino.config.json"), "utf8")) as {
      url: string;
      modes: { window: { icon: string } };
      cli: { binaryName: string; resourcesPath: string };
    };
    expect(config.url).toBe("http://127.0.0.1:3000/");
    expect(config.cli.binaryName).toBe("stripe-bookings");
    const icon = readFileSync(path.join(REPO_ROOT, config.modes.window.icon));
    expect(icon.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
    expect(existsSync(path.join(REPO_ROOT, config.cli.resourcesPath, "index.html"))).toBe(true);
  });
});

function listen(server: Server): Promise<number> {
  cleanups.push(() => server.close());
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : 0);
    });
  });
}

describe("the start page (desktop/launcher/start-page.ts)", () => {
  const file = path.join(REPO_ROOT, "desktop", "resources", "starting.html");

  it("serves the page under its random prefix only, hands the app URL out once, and survives requests after it closed", async () => {
    const page = await serveStartPage(file);
    const prefix = new URL(page.url).pathname;
    expect(prefix).toMatch(/^\/[0-9a-f]{32}\/$/);
    const html = await fetch(page.url);
    expect(html.status).toBe(200);
    expect(await html.text()).toContain("Starting…");
    expect((await fetch(new URL("/", page.url))).status).toBe(404);
    // A name rebound to 127.0.0.1 arrives with another Host.
    const rebound = await new Promise<number>((resolve, reject) => {
      const { port } = new URL(page.url);
      request({ host: "127.0.0.1", port, path: prefix, headers: { host: "evil.example" } }, (response) =>
        resolve(response.statusCode ?? 0),
      )
        .on("error", reject)
        .end();
    });
    expect(rebound).toBe(403);

    const waiting = fetch(new URL("next", page.url));
    expect((await fetch(new URL("shown", page.url), { method: "POST" })).status).toBe(204);
    expect(await page.shown).toBeGreaterThan(0);
    page.go("http://127.0.0.1:1/api/auth/desktop/redeem?token=t");
    expect(await (await waiting).json()).toEqual({
      url: "http://127.0.0.1:1/api/auth/desktop/redeem?token=t",
    });
    await page.handedOver;
    // Single use: a second ask gets nothing.
    expect((await fetch(new URL("next", page.url))).status).toBe(410);
    await page.close();
    await expect(fetch(new URL("shown", page.url), { method: "POST" })).rejects.toThrow();
  });

  it("shows why the app could not start", async () => {
    const page = await serveStartPage(file);
    page.fail("The server stopped before it was ready (exit code 3).");
    expect(await (await fetch(new URL("next", page.url))).json()).toEqual({
      error: "The server stopped before it was ready (exit code 3).",
    });
    await page.close();
  });
});
