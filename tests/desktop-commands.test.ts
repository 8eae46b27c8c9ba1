// Issue 22, desktop item 8: the packaged app told its users to run `./run …`, which the package
// does not have. With PACKAGED=1 (as the package's start script sets it) the CLI's help, its
// usage errors and the LAN start refusal name `./stripe-bookings cli …`; a checkout keeps `./run`.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { lanStartProblem } from "@/lib/auth/lan";
import { cliCommand, runsPackaged } from "@/lib/desktop/commands";
import { freshDb, type TestDb } from "@/tests/support/db";

const ROOT = path.resolve(import.meta.dirname, "..");
const NODE_FLAGS = ["--experimental-wasm-modules", "--no-warnings=ExperimentalWarning", "--import", "tsx"];
const tmp = mkdtempSync(path.join(tmpdir(), "desktop-commands-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function cli(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, [...NODE_FLAGS, "cli/index.ts", ...args], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TZ: "UTC",
      NODE_ENV: "production",
      APP_ROOT: path.join(tmp, "app"),
      DATA_DIR: path.join(tmp, "data"),
      ...env,
    },
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("commands named as the install runs them", () => {
  it("the packaged CLI's help and usage errors name ./stripe-bookings cli", () => {
    const help = cli(["--help"], { PACKAGED: "1" });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: ./stripe-bookings cli <command>");
    expect(help.stdout).not.toContain("./run");
    const wrong = cli(["rules:list", "--foo"], { PACKAGED: "1" });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("Usage: ./stripe-bookings cli rules:list");
    expect(wrong.stderr).not.toContain("./run");
  });

  it("a checkout's CLI help names ./run", () => {
    const help = cli(["help"], {});
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: ./run <command>");
  });

  it("reads PACKAGED as the settings do", () => {
    expect(runsPackaged({ PACKAGED: "1" })).toBe(true);
    expect(runsPackaged({ PACKAGED: "true" })).toBe(true);
    expect(runsPackaged({ PACKAGED: "0" })).toBe(false);
    expect(runsPackaged({})).toBe(false);
    expect(cliCommand("backup", { PACKAGED: true })).toBe("./stripe-bookings cli backup");
    expect(cliCommand("backup", { PACKAGED: false })).toBe("./run backup");
  });
});

describe("the LAN start refusal", () => {
  let t: TestDb | undefined;
  afterEach(() => t?.cleanup());

  it("tells a packaged user to create the owner with ./stripe-bookings cli", async () => {
    t = freshDb();
    const packaged = await lanStartProblem("0.0.0.0", t.file, { PACKAGED: true });
    expect(packaged).toContain("./stripe-bookings cli user:create --email");
    expect(packaged).not.toContain("./run");
    expect(await lanStartProblem("0.0.0.0", t.file, { PACKAGED: false })).toContain("./run user:create");
    expect(await lanStartProblem("127.0.0.1", t.file, { PACKAGED: true })).toBeNull();
  });
});
