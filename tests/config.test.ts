import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "@/lib/config";

describe("parseConfig", () => {
  it("fills defaults: port 3000 on 127.0.0.1, ./data, demo mode without a key", () => {
    const cfg = parseConfig({ APP_ROOT: "/srv/app" });
    expect(cfg).toMatchObject({
      PORT: 3000,
      HOST: "127.0.0.1",
      dataDir: "/srv/app/data",
      databaseFile: "/srv/app/data/app.db",
      publicUrl: "http://127.0.0.1:3000",
      demoMode: true,
      BUSINESS_TIMEZONE: "Europe/London",
    });
  });

  it("uses DATABASE_URL and DATA_DIR when given, and leaves demo mode with a key", () => {
    const cfg = parseConfig({
      APP_ROOT: "/srv/app",
      DATA_DIR: "/var/lib/b",
      DATABASE_URL: "file:/tmp/x.db",
      STRIPE_SECRET_KEY: "sk_test_123",
    });
    expect(cfg).toMatchObject({ dataDir: "/var/lib/b", databaseFile: "/tmp/x.db", demoMode: false });
  });

  it.each([
    ["PORT", "abc"],
    ["PORT", "70000"],
    ["BUSINESS_TIMEZONE", "Mars/Olympus"],
    ["STRIPE_SECRET_KEY", "pk_test_publishable"],
    ["STRIPE_WEBHOOK_SECRET", "secret"],
    ["DATABASE_URL", "postgres://db"],
    ["LOG_LEVEL", "loud"],
    ["STRIPE_API_PROTOCOL", "ftp"],
  ])("refuses %s=%s with a message naming the setting", (name, value) => {
    expect(() => parseConfig({ [name]: value })).toThrow(ConfigError);
    try {
      parseConfig({ [name]: value });
    } catch (error) {
      expect((error as ConfigError).issues.join("\n")).toContain(name);
    }
  });
});

describe("a bad setting at the command line", () => {
  it("stops with exit code 2, names the setting, and creates no database", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bookings-cfg-"));
    try {
      const result = spawnSync(
        process.execPath,
        ["--experimental-wasm-modules", "--no-warnings", "--import", "tsx", "cli/index.ts", "migrate"],
        {
          env: { ...process.env, DATA_DIR: dir, DATABASE_URL: "", PORT: "not-a-port", LOG_LEVEL: "silent" },
          encoding: "utf8",
        },
      );
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/PORT/);
      expect(spawnSync("ls", [dir], { encoding: "utf8" }).stdout.trim()).toBe("");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
