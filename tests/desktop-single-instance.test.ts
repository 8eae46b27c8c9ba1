// Issue 22, desktop items 1, 2 and 6, against the stand-in window and server
// (tests/support/desktop/): one launcher per data folder, a race-free start, and a server that
// does not outlive its launcher.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { serveControl, type Control } from "@/desktop/launcher/control";
import { claimInstance, instanceFile, readInstanceRecord } from "@/desktop/launcher/instance";
import { anyFreePort } from "@/desktop/launcher/port";
import { parentPid } from "@/lib/desktop/parent-watch";
import {
  fakeEnv,
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
const cleanups: (() => Promise<void> | void)[] = [];
beforeAll(makeFakeWindowExecutable);
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
  box?.cleanup();
});

const serverStarts = (dataDir: string) =>
  readFileSync(path.join(dataDir, "logs", "server.log"), "utf8").match(/fake server listening/g)?.length ?? 0;

const focusCount = (record: string) =>
  existsSync(`${record}.focus`) ? readFileSync(`${record}.focus`, "utf8").trim().split("\n").length : 0;

/** A pid that surely belongs to no process any more. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
    encoding: "utf8",
  });
  return Number(child.stdout);
}

describe("one launcher per data folder", () => {
  it("a second launch brings the open window to the front and exits 0, without a second window or server; the first still owns the server", async () => {
    box = sandbox();
    const port = await anyFreePort("127.0.0.1");
    const close = path.join(box.dir, "close-first");
    const first = runLauncher(fakeEnv(box, port, { windowExitWhen: close }));
    await waitForFile(box.windowRecord, 20_000);
    expect(readJson(box.windowRecord, windowRecordSchema).healthStatus).toBe(200);

    const secondRecord = path.join(box.dir, "second-window.json");
    const second = await runLauncher({ ...fakeEnv(box, port), FAKE_NEU_RECORD: secondRecord });
    expect(second.code, second.messages).toBe(0);
    expect(second.messages).toContain("Stripe Bookings is already open");
    expect(second.messages).toContain("brought to the front");
    expect(existsSync(secondRecord)).toBe(false);
    expect(focusCount(box.windowRecord)).toBe(1);
    expect(serverStarts(box.dataDir)).toBe(1);
    const server = readJson(box.serverInfo, serverInfoSchema);
    expect(isAlive(server.pid)).toBe(true);
    expect(server.parentPid).toBe(String(process.pid));

    writeFileSync(close, "");
    const ended = await first;
    expect(ended.code, ended.messages).toBe(0);
    expect(isAlive(server.pid)).toBe(false);
    // The folder is free again: the record is gone and a new launch opens its own window.
    expect(existsSync(instanceFile(box.dataDir))).toBe(false);
  });

  it("two launches 0.1–0.3 s apart: one window, one server, both exit 0 (no 'could not start')", async () => {
    for (const gapMs of [100, 200, 300]) {
      box?.cleanup();
      box = sandbox();
      const port = await anyFreePort("127.0.0.1");
      const close = path.join(box.dir, "close");
      const secondRecord = path.join(box.dir, "second-window.json");
      const first = runLauncher(fakeEnv(box, port, { windowExitWhen: close, serverFlags: ["--delay=300"] }));
      await sleep(gapMs);
      const second = await runLauncher({
        ...fakeEnv(box, port, { windowExitWhen: close }),
        FAKE_NEU_RECORD: secondRecord,
      });
      expect(second.code, second.messages).toBe(0);
      expect(second.messages).toContain("already open");
      await waitForFile(box.windowRecord, 20_000);
      writeFileSync(close, "");
      const firstEnd = await first;
      expect(firstEnd.code, firstEnd.messages).toBe(0);
      expect(`${firstEnd.messages}\n${second.messages}`).not.toMatch(/could not start|EADDRINUSE/i);
      expect(existsSync(secondRecord), `gap ${gapMs} ms`).toBe(false);
      expect(serverStarts(box.dataDir), `gap ${gapMs} ms`).toBe(1);
      expect(readJson(box.windowRecord, windowRecordSchema).healthStatus).toBe(200);
    }
  });

  it("takes over a record left by a launcher that is gone", async () => {
    box = sandbox();
    mkdirSync(box.dataDir, { recursive: true });
    writeFileSync(
      instanceFile(box.dataDir),
      JSON.stringify({ pid: deadPid(), port: 9, token: "left-behind", startedAt: new Date().toISOString() }),
    );
    const port = await anyFreePort("127.0.0.1");
    const { code, messages } = await runLauncher(fakeEnv(box, port, { windowExitAfterMs: 200 }));
    expect(code, messages).toBe(0);
    expect(messages).not.toContain("already open");
    expect(readJson(box.windowRecord, windowRecordSchema).healthStatus).toBe(200);
    expect(existsSync(instanceFile(box.dataDir))).toBe(false);
  });

  it("of many claims at once, exactly one owns the folder and the others name it; the record is 0600", async () => {
    box = sandbox();
    const controls: Control[] = await Promise.all(
      Array.from({ length: 8 }, () => serveControl(() => Promise.resolve(true))),
    );
    cleanups.push(() => Promise.all(controls.map((control) => control.close())).then(() => undefined));
    const claims = await Promise.all(controls.map((control) => claimInstance(box.dataDir, control)));
    const owners = claims.filter((claim) => claim.owned);
    expect(owners).toHaveLength(1);
    const record = readInstanceRecord(box.dataDir);
    for (const claim of claims) if (!claim.owned) expect(claim.holder.token).toBe(record?.token);
    expect(readFileSync(instanceFile(box.dataDir)).length).toBeGreaterThan(0);
    expect(
      spawnSync("stat", ["-c", "%a", instanceFile(box.dataDir)], { encoding: "utf8" }).stdout.trim(),
    ).toBe("600");
  });
});

describe("the server does not outlive its launcher (lib/desktop/parent-watch.ts)", () => {
  it("reads only a plausible launcher pid", () => {
    expect(parentPid({ BOOKINGS_PARENT_PID: "4242" })).toBe(4242);
    for (const raw of [undefined, "", "1", "0", "-3", "12a", "1e3"]) {
      expect(parentPid({ BOOKINGS_PARENT_PID: raw })).toBeUndefined();
    }
  });

  it("a process watching a launcher that is killed with SIGKILL stops within seconds", async () => {
    box = sandbox();
    const watcher = path.join(box.dir, "watcher.ts");
    const gone = path.join(box.dir, "gone");
    writeFileSync(
      watcher,
      `import { writeFileSync } from "node:fs";
import { watchParent } from "@/lib/desktop/parent-watch";
watchParent(process.env, (pid) => { writeFileSync(${JSON.stringify(gone)}, String(pid)); process.exit(0); }, 100);
setInterval(() => {}, 1000);
`,
    );
    // The "launcher": starts the watcher with its own pid, as desktop/launcher/session.ts does.
    const launcher = spawn(
      process.execPath,
      [
        "-e",
        `const { spawn } = require("node:child_process");
const child = spawn(process.execPath, ["--import", "tsx", ${JSON.stringify(watcher)}], {
  cwd: ${JSON.stringify(REPO_ROOT)}, stdio: "ignore", detached: true,
  env: { ...process.env, BOOKINGS_PARENT_PID: String(process.pid) },
});
console.log(child.pid);
setInterval(() => {}, 1000);`,
      ],
      { stdio: ["ignore", "pipe", "ignore"] },
    );
    const serverPid = await new Promise<number>((resolve) =>
      launcher.stdout.once("data", (chunk: Buffer) => resolve(Number(chunk.toString().trim()))),
    );
    cleanups.push(() => {
      if (isAlive(serverPid)) process.kill(serverPid, "SIGKILL");
    });
    await sleep(1_500);
    expect(isAlive(serverPid)).toBe(true);
    launcher.kill("SIGKILL");
    await waitForFile(gone, 15_000);
    expect(readFileSync(gone, "utf8")).toBe(String(launcher.pid));
    const deadline = Date.now() + 5_000;
    while (isAlive(serverPid) && Date.now() < deadline) await sleep(50);
    expect(isAlive(serverPid)).toBe(false);
  });
});
