// Small pieces of the desktop product: where the data lives, the catch-up's rhythm, the Stripe
// address it probes, the file-manager command, and log rotation.
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConfigError, parseConfig } from "@/lib/config";
import { nextDelayMs } from "@/lib/desktop/catch-up";
import { stripeApiBase } from "@/lib/desktop/connectivity";
import { openerFor } from "@/lib/desktop/open-folder";
import { rotatingLog } from "@/lib/logs/rotating";

afterEach(() => vi.unstubAllEnvs());

describe("data directory", () => {
  it("is ./data in a checkout, the OS data directory when packaged, and DATA_DIR whenever set", () => {
    const xdg = mkdtempSync(path.join(tmpdir(), "xdg-"));
    vi.stubEnv("XDG_DATA_HOME", xdg);
    expect(parseConfig({ APP_ROOT: "/opt/app" }).dataDir).toBe("/opt/app/data");
    const packaged = parseConfig({ APP_ROOT: "/opt/app", PACKAGED: "1" });
    expect(packaged.dataDir).toBe(path.join(xdg, "stripe-bookings"));
    expect(packaged.databaseFile).toBe(path.join(xdg, "stripe-bookings", "app.db"));
    expect(parseConfig({ APP_ROOT: "/opt/app", PACKAGED: "1", DATA_DIR: "/srv/x" }).dataDir).toBe("/srv/x");
  });

  it("validates the new intervals with the other settings", () => {
    const cfg = parseConfig({});
    expect([cfg.BACKUP_KEEP, cfg.BACKUP_INTERVAL_HOURS, cfg.STRIPE_CATCH_UP_MINUTES]).toEqual([14, 24, 5]);
    expect(parseConfig({ STRIPE_CATCH_UP_MINUTES: "0" }).STRIPE_CATCH_UP_MINUTES).toBe(0);
    expect(() => parseConfig({ STRIPE_CATCH_UP_MINUTES: "-1" })).toThrow(ConfigError);
    expect(() => parseConfig({ BACKUP_KEEP: "many" })).toThrow(/BACKUP_KEEP/);
  });
});

describe("catch-up rhythm", () => {
  it("checks soon while offline and at the interval otherwise", () => {
    const settings = { catchUpMinutes: 5, probeSeconds: 30 };
    expect(nextDelayMs("offline", settings)).toBe(30_000);
    for (const outcome of ["synced", "failed", "skipped"] as const) {
      expect(nextDelayMs(outcome, settings)).toBe(300_000);
    }
  });

  it("probes the address the Stripe client uses", () => {
    expect(stripeApiBase({})).toBe("https://api.stripe.com");
    expect(
      stripeApiBase({ STRIPE_API_HOST: "127.0.0.1", STRIPE_API_PORT: 12111, STRIPE_API_PROTOCOL: "http" }),
    ).toBe("http://127.0.0.1:12111");
  });

  it("opens folders with each OS's own file manager", () => {
    expect(openerFor("linux").command).toBe("xdg-open");
    expect(openerFor("darwin").command).toBe("open");
    expect(openerFor("win32").command).toBe("explorer.exe");
  });
});

describe("log rotation", () => {
  it("rotates a log past its size and keeps at most maxFiles old ones", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "logs-"));
    const stream = rotatingLog(path.join(dir, "server.log"), { size: "1K", maxFiles: 2 });
    for (let i = 0; i < 8; i++) {
      await new Promise<void>((resolve) => stream.write(`${"x".repeat(700)}\n`, () => resolve()));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await new Promise<void>((resolve) => stream.end(() => resolve()));
    const files = readdirSync(dir).filter((name) => name.endsWith("server.log"));
    expect(files).toContain("server.log");
    const rotated = files.filter((name) => name !== "server.log");
    expect(rotated.length).toBeGreaterThan(0);
    expect(rotated.length).toBeLessThanOrEqual(2);
  });
});
