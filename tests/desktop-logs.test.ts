// Log files: the server started without the desktop launcher (`./run start`, `./stripe-bookings
// serve`) writes <data>/logs/server.log as well as the terminal, with one line per page it sends;
// log files rotate by size; and the access log never records a query string (sign-in tokens).
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { pageLine } from "@/server/access-log";
import { freePort, killAll, spawnEntry, waitFor, withTimeout } from "@/tests/support/faults/processes";

const HAS_BUILD = existsSync(path.join(import.meta.dirname, "..", ".next", "standalone", "server.js"));

afterEach(killAll);

describe("log files", () => {
  it.skipIf(!HAS_BUILD)(
    "the server writes <data>/logs/server.log as well as the terminal, one line per page sent",
    { timeout: 180_000 },
    async () => {
      const dataDir = mkdtempSync(path.join(tmpdir(), "serve-logs-"));
      const port = await freePort();
      const server = spawnEntry("server/serve.ts", [], {
        DATA_DIR: dataDir,
        PORT: String(port),
        LOG_LEVEL: "info",
      });
      const base = `http://127.0.0.1:${port}`;
      await waitFor(
        async () => {
          if (server.exit) throw new Error(`the server exited: ${server.stderr()}`);
          try {
            return (await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(5_000) })).status === 200;
          } catch {
            return false;
          }
        },
        { timeoutMs: 120_000, intervalMs: 200, what: "the server's /api/health" },
      );
      const page = await fetch(`${base}/sign-in?token=secret-token`, {
        headers: { "user-agent": "log-test-agent" },
        signal: AbortSignal.timeout(30_000),
      });
      expect(page.status).toBe(200);
      await page.text();

      const logFile = path.join(dataDir, "logs", "server.log");
      const logged = await waitFor(
        () => {
          const text = existsSync(logFile) ? readFileSync(logFile, "utf8") : "";
          return text.includes("log-test-agent") && text;
        },
        { timeoutMs: 10_000, intervalMs: 100, what: "the page line in server.log" },
      );
      // Both pino's lines and what was printed (Next's banner, our "running at" line).
      expect(logged).toContain('"msg":"server starting"');
      expect(logged).toContain(`Stripe Bookings is running at http://127.0.0.1:${port}`);
      const line = logged
        .split("\n")
        .filter((text) => text.includes("log-test-agent"))
        .map((text) => JSON.parse(text) as Record<string, unknown>)[0]!;
      expect(line).toMatchObject({ msg: "page", req: { method: "GET", path: "/sign-in" }, status: 200 });
      expect(logged).not.toContain("secret-token");
      // The terminal got the same lines.
      expect(server.stderr()).toContain('"msg":"server starting"');
      expect(server.stdout()).toContain("Stripe Bookings is running at");

      process.kill(-server.pid, "SIGTERM");
      await withTimeout(server.exited, 30_000, "the server to stop");
    },
  );

  it("rotates a log file by size, keeping the newest files, and loses no line", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tee-rotation-"));
    const script = [
      'import { teeToLogFile } from "@/lib/logs/tee";',
      'import { log } from "@/lib/log";',
      `const file = teeToLogFile(${JSON.stringify(path.join(dir, "app.log"))}, { size: "1K", maxFiles: 20 });`,
      'for (let i = 0; i < 40; i++) { console.log(`printed line ${i} ${"x".repeat(40)}`); log.warn({ i }, "logged line"); }',
      "await file.close();",
    ].join("\n");
    const child = spawnEntry("--input-type=module", ["-e", script], { LOG_LEVEL: "info" });
    const exit = await withTimeout(child.exited, 60_000, "the log-writing child");
    expect(exit.code, child.stderr()).toBe(0);
    const files = readdirSync(dir);
    expect(files).toContain("app.log");
    expect(files.length).toBeGreaterThan(2);
    const all = files.map((file) => readFileSync(path.join(dir, file), "utf8")).join("");
    for (let i = 0; i < 40; i++) {
      expect(all).toContain(`printed line ${i} `);
      expect(all).toContain(`"i":${i},"msg":"logged line"`);
    }
    // The terminal still got everything.
    expect(child.stdout()).toContain("printed line 39");
    expect(child.stderr()).toContain('"i":39');
  });

  it("logs pages by path only (never the query), and leaves API routes and assets to their own lines", () => {
    const line = pageLine({
      method: "GET",
      url: "/api/desktop/sign-in?token=abc",
      status: 302,
      ms: 1,
      agent: "x",
    });
    expect(line).toBeUndefined();
    expect(
      pageLine({ method: "GET", url: "/_next/static/chunk.js", status: 200, ms: 1, agent: "x" }),
    ).toBeUndefined();
    expect(pageLine({ method: "GET", url: "/favicon.ico", status: 200, ms: 1, agent: "x" })).toBeUndefined();
    expect(
      pageLine({
        method: "GET",
        url: "/sign-in?token=abc&next=%2F",
        status: 200,
        ms: 12.34,
        agent: "WebKit",
      }),
    ).toEqual({ req: { method: "GET", path: "/sign-in" }, status: 200, ms: 12.3, agent: "WebKit" });
  });
});
