// Start-up with a data directory the server cannot use: it must stop at once with a non-zero
// exit code and a message naming the path — not hang, not start half-way, not crash-loop.
// Tests run as root in CI, where chmod does not stop root: there the unusable directory is a
// path under a regular file (or a device), which no user can create. A full disk would need a
// tmpfs mount (root and a mount namespace): not covered here.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { childEnv } from "@/tests/support/faults/app-server";
import { freePort, killAll, spawnEntry, withTimeout } from "@/tests/support/faults/processes";

const root = mkdtempSync(path.join(tmpdir(), "bookings-datadir-"));
afterAll(async () => {
  await killAll();
  chmodSync(root, 0o755);
  rmSync(root, { recursive: true, force: true });
});

const isRoot = process.getuid?.() === 0;
const START_LIMIT_MS = 20_000;

/** Starts server/serve.ts on `dataDir` and waits (bounded) for it to give up. */
async function startOn(dataDir: string) {
  const child = spawnEntry("server/serve.ts", [], { ...childEnv(dataDir), PORT: String(await freePort()) });
  const started = performance.now();
  const exit = await withTimeout(child.exited, START_LIMIT_MS, "the server to refuse to start").catch(
    async (error: unknown) => {
      await child.kill9();
      throw error;
    },
  );
  return { exit, ms: performance.now() - started, stderr: child.stderr(), stdout: child.stdout() };
}

function regularFile(name: string): string {
  const file = path.join(root, name);
  writeFileSync(file, "not a folder\n");
  return file;
}

const unusable: [string, () => string][] = [
  ["a path under a regular file", () => path.join(regularFile("plain-file"), "data")],
  ["a path that is a regular file", () => regularFile("data-file")],
  ["a path under a device", () => "/dev/null/data"],
];

describe.concurrent("server start-up on an unusable data directory", () => {
  it.each(unusable)("%s: exits non-zero at once, naming the directory", async (_name, makeDir) => {
    const dir = makeDir();
    const result = await startOn(dir);
    expect(result.exit.code).not.toBe(0);
    expect(result.exit.code).not.toBeNull();
    expect(result.stderr).toContain(`Cannot start: The data directory ${dir} is not writable`);
    expect(result.stdout).not.toContain("is running at");
  });

  it.skipIf(isRoot)("a read-only directory (chmod 0555): exits non-zero, naming the directory", async () => {
    const dir = path.join(root, "read-only");
    mkdirSync(dir);
    chmodSync(dir, 0o555);
    const result = await startOn(dir);
    expect(result.exit.code).not.toBe(0);
    expect(result.stderr).toContain(dir);
  });

  // The directory is fine but the database file cannot be opened (here: app.db is a folder).
  it("an unopenable database file: the message names the file", async () => {
    const dir = path.join(root, "db-is-a-folder");
    mkdirSync(path.join(dir, "app.db"), { recursive: true });
    const result = await startOn(dir);
    expect(result.exit.code).not.toBe(0);
    expect(result.stderr).toContain(path.join(dir, "app.db"));
  });
});
