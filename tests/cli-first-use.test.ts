// The CLI as a new user meets it (issue 15): the real program in a child process, on a fresh
// DATA_DIR in a temporary folder. One test goes through `./run` itself; the others start
// cli/index.ts the way `run` does (faster).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const NODE_FLAGS = ["--experimental-wasm-modules", "--no-warnings=ExperimentalWarning", "--import", "tsx"];
const tmp = mkdtempSync(path.join(tmpdir(), "bookings-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** An APP_ROOT without a .env (unless a test writes one), so the checkout's own .env cannot leak in. */
const appRoot = path.join(tmp, "app");

function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { TZ: "UTC", APP_ROOT: appRoot, NODE_ENV: "production" };
  for (const key of ["PATH", "HOME", "TMPDIR", "LANG"]) if (process.env[key]) env[key] = process.env[key];
  return { ...env, ...extra };
}

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: Record<string, string> = {}, input = ""): Result {
  const result = spawnSync(process.execPath, [...NODE_FLAGS, "cli/index.ts", ...args], {
    cwd: ROOT,
    env: baseEnv(env),
    input,
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const dataDir = (name: string) => path.join(tmp, name, "nested", "data");

describe("./run on a fresh checkout", () => {
  it("reads .env from the app folder, the environment wins, and a fresh DATA_DIR is created", () => {
    const root = path.join(tmp, "dotenv-root");
    rmSync(root, { recursive: true, force: true });
    spawnSync("mkdir", ["-p", root]);
    // README step one: `.env.example` copied as is, then one setting filled in.
    const example = readFileSync(path.join(ROOT, ".env.example"), "utf8");
    writeFileSync(
      path.join(root, ".env"),
      example.replace(/^DATA_DIR=$/m, `DATA_DIR=${path.join(tmp, "from-env-file")}`),
    );
    const run = (env: Record<string, string>) =>
      spawnSync("./run", ["rules:list"], {
        cwd: ROOT,
        env: baseEnv({ APP_ROOT: root, ...env }),
        encoding: "utf8",
      });
    const fromFile = run({});
    expect(fromFile.stderr).toContain("No rules.");
    expect(fromFile.status).toBe(0);
    expect(existsSync(path.join(tmp, "from-env-file", "app.db"))).toBe(true);

    const fromProcess = run({ DATA_DIR: path.join(tmp, "from-process") });
    expect(fromProcess.status).toBe(0);
    expect(existsSync(path.join(tmp, "from-process", "app.db"))).toBe(true);
  });
});

describe("settings and the data directory are checked before anything runs", () => {
  it.each([["rules:list"], ["migrate"], ["demo:load"]])(
    "%s works on a data directory that does not exist yet",
    (name) => {
      const dir = dataDir(`fresh-${name.replace(":", "-")}`);
      const result = cli([name], { DATA_DIR: dir });
      expect(result.stderr).not.toMatch(/External error|"level"/);
      expect(result.code).toBe(0);
      expect(existsSync(path.join(dir, "app.db"))).toBe(true);
    },
  );

  it("an unusable DATA_DIR is one line naming the path and the cause, exit 2", () => {
    const file = path.join(tmp, "a-file");
    writeFileSync(file, "not a folder\n");
    const result = cli(["rules:list"], { DATA_DIR: file });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toEqual([
      `The data directory ${file} is not writable: it is a file, not a folder. Set DATA_DIR to a writable folder.`,
    ]);
    const under = cli(["rules:list"], { DATA_DIR: path.join(file, "data") });
    expect(under.code).toBe(2);
    expect(under.stderr).toContain(`${file} is a file, not a folder`);
  });

  it("LOG_LEVEL=loud is one line naming the setting: no stack trace, no JSON", () => {
    const result = cli(["rules:list"], { LOG_LEVEL: "loud", DATA_DIR: dataDir("loud") });
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Invalid setting LOG_LEVEL: /);
    expect(existsSync(dataDir("loud"))).toBe(false);
  });
});

describe("strict arguments, exit codes and the log line", () => {
  it.each([
    [["bookings:rebuild", "--dry-run"], "Unknown option '--dry-run'", "Usage: ./run bookings:rebuild"],
    [["rules:list", "--foo"], "Unknown option '--foo'", "Usage: ./run rules:list"],
    [["rules:update", "1"], "Missing file.json|-", "Usage: ./run rules:update <id> <file.json|->"],
    [["feed:revoke"], "Missing token|prefix|id", "Usage: ./run feed:revoke"],
    [["rules:list", "extra"], 'Unexpected argument "extra"', "Usage: ./run rules:list"],
  ])("%j exits 2 with the usage and touches nothing", (args, problem, usage) => {
    const dir = dataDir(`strict-${args.join("-")}`);
    const result = cli(args, { DATA_DIR: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(problem);
    expect(result.stderr).toContain(usage);
    expect(result.stdout).toBe("");
    expect(existsSync(dir)).toBe(false);
  });

  it("the per-command JSON line stays off the terminal unless LOG_LEVEL asks for it", () => {
    const dir = dataDir("log-line");
    expect(cli(["rules:list"], { DATA_DIR: dir }).stderr).not.toContain('"command"');
    expect(cli(["rules:list"], { DATA_DIR: dir, LOG_LEVEL: "info" }).stderr).toContain(
      '"command":"rules:list"',
    );
    // …and always in <data>/logs/cli.log, failures included.
    expect(cli(["feed:revoke", "no-such-feed"], { DATA_DIR: dir }).code).toBe(2);
    const lines = readFileSync(path.join(dir, "logs", "cli.log"), "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map(({ command, outcome, exitCode }) => ({ command, outcome, exitCode }))).toEqual([
      { command: "rules:list", outcome: "ok", exitCode: 0 },
      { command: "rules:list", outcome: "ok", exitCode: 0 },
      { command: "feed:revoke", outcome: "failed", exitCode: 2 },
    ]);
  });
});

describe("a day with the demo business", () => {
  const dir = dataDir("demo");
  const env = { DATA_DIR: dir, BUSINESS_TIMEZONE: "America/New_York" };
  const ruleId = (name: string) => {
    const line = cli(["rules:list"], env)
      .stdout.split("\n")
      .find((l) => l.includes(` ${name} [`));
    return /^#(\d+)/.exec(line ?? "")?.[1] ?? "";
  };
  const own = {
    name: "Saturday walk",
    serviceCode: "SAT",
    matcher: { serviceCodes: ["SATURDAY"] },
    allocation: { schedule: { kind: "weekly", byWeekday: ["SA"] } },
  };

  it("demo:load, staff:list, clients:list --search", () => {
    expect(cli(["demo:load"], env)).toMatchObject({ code: 0, stdout: expect.stringContaining("Loaded") });
    const staff = cli(["staff:list"], env);
    expect(staff.code).toBe(0);
    expect(staff.stdout).toMatch(/^\d+\tAlex Morgan$/m);
    const clients = cli(["clients:list", "--search", "harry"], env);
    expect(clients.code).toBe(0);
    const rows = clients.stdout.trim().split("\n");
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => /^cus_\S+\t.*harry/i.test(row))).toBe(true);
    expect(cli(["clients:list", "--search", "nobody-at-all"], env)).toMatchObject({ code: 0, stdout: "" });
  });

  it("rules:update merges a partial allocation; the time change moves bookings, cancels none", () => {
    const id = ruleId("Weekly walk (1h)");
    const result = cli(
      ["rules:update", id, "-"],
      env,
      JSON.stringify({ allocation: { startTimes: ["18:00"] } }),
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/bookings: 0 created, [1-9]\d* changed, 0 cancelled/);
    const listed = cli(["rules:list"], env).stdout;
    expect(listed).toContain('"startTimes":["18:00"]');
    expect(listed).toContain('"durationMin":60'); // kept from the stored allocation
  });

  it("rules:update with a wrong partial allocation names the field; rules:activate undoes deactivate", () => {
    const id = ruleId("Weekly walk (1h)");
    const wrong = cli(
      ["rules:update", id, "-"],
      env,
      JSON.stringify({ allocation: { schedule: { kind: "perPeriod" } } }),
    );
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("allocation.schedule.count");
    expect(cli(["rules:deactivate", id], env).stdout).toMatch(/[1-9]\d* cancelled/);
    const activated = cli(["rules:activate", id], env);
    expect(activated.code).toBe(0);
    expect(activated.stdout).toContain("activated");
    expect(cli(["rules:activate", "9999"], env).code).toBe(1);
  });

  it("rules:preview: summary first, bookings only with --all, times in the business zone", () => {
    const id = ruleId("Weekly walk (1h)");
    const rule = {
      name: "Weekly walk (1h)",
      serviceCode: "WALK60",
      matcher: { serviceCodes: ["WALK60"] },
      allocation: { durationMin: 60, startTimes: ["10:00"], schedule: { kind: "weekly", byWeekday: ["TU"] } },
    };
    const summary = cli(["rules:preview", "-", "--id", id], env, JSON.stringify(rule));
    expect(summary.code).toBe(0);
    expect(summary.stdout.trim().split("\n")).toHaveLength(1);
    expect(summary.stdout).toMatch(/^\+\d+ created {2}~\d+ changed {2}−\d+ cancelled .*America\/New_York/);
    const all = cli(["rules:preview", "-", "--id", id, "--all"], env, JSON.stringify(rule));
    const lines = all.stdout.split("\n").filter((line) => line.startsWith("  + "));
    expect(lines.length).toBeGreaterThan(0);
    // 10:00 in New York, never the UTC 15:00.
    expect(lines.every((line) => / Tue \d{4}-\d\d-\d\d 10:00 /.test(line))).toBe(true);
  });

  it("feed:create warns about a loopback URL and uses PUBLIC_URL", () => {
    const local = cli(["feed:create", "--scope", "business"], env);
    expect(local.code).toBe(0);
    expect(local.stdout).toMatch(/^http:\/\/127\.0\.0\.1:3000\/calendar\/\S+\.ics\n$/);
    expect(local.stderr).toMatch(/Warning: .*cannot reach it/);
    const pub = cli(["feed:create", "--scope", "business", "--label", "Office"], {
      ...env,
      PUBLIC_URL: "https://cal.example.com",
    });
    expect(pub.stdout).toMatch(/^https:\/\/cal\.example\.com\/calendar\/\S+\.ics\n$/);
    expect(pub.stderr).not.toContain("Warning");
  });

  it("demo:wipe lists own rules and feeds, refuses without a terminal or --yes; demo:load brings the demo back", () => {
    expect(cli(["rules:create", "-"], env, JSON.stringify(own)).code).toBe(0);
    const refused = cli(["demo:wipe"], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('"Saturday walk" (not one of the demo\'s own rules)');
    expect(refused.stderr).toMatch(/calendar feed #\d+ .*"Office".*its URL will stop working/);
    expect(refused.stderr).toContain("demo:wipe --yes");
    expect(cli(["rules:list"], env).stdout).toContain("Saturday walk");

    expect(cli(["demo:wipe", "--yes"], env).code).toBe(0);
    expect(cli(["rules:list"], env).stdout).toBe("");
    const back = cli(["demo:load"], env);
    expect(back).toMatchObject({ code: 0, stdout: expect.stringContaining("Loaded the demo business") });
    const again = cli(["demo:load"], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already loaded");
  });
});
