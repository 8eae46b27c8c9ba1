// Small pieces of issue 15: .env precedence, loopback URLs, export names, rule merge patches,
// and the bookings screen's list leaving cancelled bookings out by default.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { listUpcomingBookings } from "@/lib/bookings/queries";
import { exportFileName } from "@/lib/calendar/ics";
import { isLoopbackUrl } from "@/lib/config";
import { loadDotEnv } from "@/lib/env-file";
import { mergeRulePatch } from "@/lib/rules/store";
import { insertBooking } from "@/tests/calendar-fixtures";
import { freshDb, type TestDb } from "@/tests/support/db";

let t: TestDb | undefined;
afterEach(() => t?.cleanup());

describe("loadDotEnv", () => {
  it("fills only what the environment leaves unset, and is fine without a file", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bookings-env-"));
    try {
      const env: Record<string, string | undefined> = { PORT: "4000" };
      expect(loadDotEnv(dir, env)).toEqual([]);
      writeFileSync(
        path.join(dir, ".env"),
        '# settings\nPORT=3000\nDATA_DIR=/srv/data\nPUBLIC_URL="https://x.example"\n',
      );
      expect(loadDotEnv(dir, env)).toEqual(["DATA_DIR", "PUBLIC_URL"]);
      expect(env).toEqual({ PORT: "4000", DATA_DIR: "/srv/data", PUBLIC_URL: "https://x.example" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("isLoopbackUrl", () => {
  it.each([
    ["http://127.0.0.1:3000", true],
    ["http://localhost:3000", true],
    ["http://[::1]:3000", true],
    ["http://192.168.1.20:3000", false],
    ["https://cal.example.com", false],
  ])("%s → %s", (url, loopback) => expect(isLoopbackUrl(url)).toBe(loopback));
});

describe("exportFileName", () => {
  it("shortens the business name, never the dates, and names the filter", () => {
    const name = exportFileName({
      businessName: "Happy Paws Dog Walking and Pet Sitting of Greater Manchester (demo)",
      who: "Sam Patel",
      from: "2026-11-01",
      to: "2026-12-01",
    });
    expect(name).toBe("happy-paws-dog-walking-and-pet-sam-patel-2026-11-01-to-2026-12-01.ics");
    expect(exportFileName({ businessName: "Ünïcode Ltd", from: "2026-01-01", to: "2026-01-31" })).toBe(
      "unicode-ltd-2026-01-01-to-2026-01-31.ics",
    );
  });
});

describe("mergeRulePatch", () => {
  const stored = {
    name: "Walks",
    allocation: {
      durationMin: 60,
      startTimes: ["09:00"],
      schedule: { kind: "weekly", byWeekday: ["MO", "TH"] },
    },
  };
  it("merges objects, replaces lists, removes keys set to null", () => {
    expect(mergeRulePatch(stored, { allocation: { startTimes: ["18:00"], durationMin: null } })).toEqual({
      name: "Walks",
      allocation: { startTimes: ["18:00"], schedule: { kind: "weekly", byWeekday: ["MO", "TH"] } },
    });
  });
  it("replaces a schedule whose kind changes", () => {
    expect(
      mergeRulePatch(stored, { allocation: { schedule: { kind: "perPeriod", count: 2 } } }),
    ).toMatchObject({
      allocation: { schedule: { kind: "perPeriod", count: 2 } },
    });
  });
});

describe("listUpcomingBookings", () => {
  it("leaves cancelled bookings out unless asked", () => {
    t = freshDb();
    const start = new Date("2026-03-16T09:00:00Z");
    insertBooking(t.db, { key: "live", start });
    insertBooking(t.db, { key: "gone", start, status: "cancelled" });
    const from = new Date("2026-03-15T00:00:00Z");
    expect(listUpcomingBookings(t.db, { from }).map((b) => b.status)).toEqual(["scheduled"]);
    expect(listUpcomingBookings(t.db, { from, includeCancelled: true })).toHaveLength(2);
  });
});
