import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { exportIcsCommand, feedCreate, feedList, feedRevoke } from "@/cli/commands/feeds";
import { runSpec } from "@/tests/support/cli";
import { serveFeed } from "@/lib/calendar/feed";
import {
  insertBooking,
  insertClient,
  insertStaff,
  parseIcs,
  setFeedSettings,
} from "@/tests/calendar-fixtures";
import { freshDb, type TestDb } from "@/tests/support/db";

let t: TestDb | undefined;
afterEach(() => {
  vi.restoreAllMocks();
  t?.cleanup();
  t = undefined;
});

const now = new Date("2026-03-15T12:00:00Z");
const publicUrl = "http://192.168.1.20:3000";

function setup() {
  t = freshDb();
  setFeedSettings(t.db, { timeZone: "Europe/London" });
  const sam = insertStaff(t.db, "Sam");
  insertClient(t.db, "cus_a", "Ann Smith");
  insertBooking(t.db, {
    key: "k1",
    start: new Date("2026-03-16T09:00:00Z"),
    staffId: sam,
    clientStripeId: "cus_a",
  });
  insertBooking(t.db, {
    key: "k2",
    start: new Date("2026-03-20T09:00:00Z"),
    staffId: null,
    clientStripeId: "cus_a",
  });
  return { db: t.db, sam };
}

const specs = [exportIcsCommand, feedCreate, feedList, feedRevoke];

async function run(name: string, args: string[]) {
  const spec = specs.find((candidate) => candidate.name === name);
  if (!spec) throw new Error(`no command ${name}`);
  return runSpec(spec, args, { db: t!.db, now, publicUrl });
}

describe("feed commands", () => {
  it("feed:create prints a working URL; feed:revoke by prefix stops it; feed:list shows both states", async () => {
    const { db, sam } = setup();
    const created = await run("feed:create", ["--scope", `staff:${sam}`, "--label", "Sam's rota"]);
    expect(created.code).toBe(0);
    const url = created.lines[0] ?? "";
    const token = /^http:\/\/192\.168\.1\.20:3000\/calendar\/([A-Za-z0-9_-]{43})\.ics$/.exec(url)?.[1] ?? "";
    expect(token).not.toBe("");
    const served = serveFeed(db, token, { now, publicUrl });
    expect(served.status).toBe(200);
    if (served.status === 200)
      expect(parseIcs(served.body).events.map((e) => e.uid)).toEqual(["k1@stripe-bookings"]);

    const listed = await run("feed:list", []);
    expect(listed.lines.join("\n")).toContain(`${token.slice(0, 6)}… staff ${sam} (Sam) "Sam's rota"`);
    expect(listed.lines.join("\n")).not.toContain(token);

    const revoked = await run("feed:revoke", [token.slice(0, 6)]);
    expect(revoked.code).toBe(0);
    expect(serveFeed(db, token, { now, publicUrl })).toEqual({ status: 404 });
    expect((await run("feed:list", [])).lines[0]).toMatch(/revoked 2026-03-15T12:00:00.000Z$/);
  });

  it.each([
    ["feed:create", [], /Usage: \.\/run feed:create/],
    ["feed:create", ["--scope", "team"], /must be business, staff:<id> or client:<stripeId>/],
    ["feed:create", ["--scope", "staff:42"], /No staff member has id 42/],
    ["feed:create", ["--scope", "client:cus_x"], /No client has Stripe id cus_x/],
    ["feed:create", ["--scope", "business", "--colour", "red"], /Unknown option '--colour'/],
    ["feed:revoke", [], /Usage: \.\/run feed:revoke/],
    ["feed:revoke", ["nope99"], /No feed matches "nope99"/],
    ["export-ics", ["--from", "2026-03-01"], /Usage: \.\/run export-ics/],
    ["export-ics", ["--from", "2026-03-01", "--to", "March"], /YYYY-MM-DD/],
    ["export-ics", ["--from", "2026-03-02", "--to", "2026-03-01"], /must not be before/],
  ])("%s %j exits 2 with a clear message and changes nothing", async (name, args, message) => {
    setup();
    const result = await run(name, args);
    expect(result.code).toBe(2);
    expect(result.errors).toMatch(message);
    expect(result.lines).toEqual([]);
    expect(t!.db.prepare("SELECT count(*) AS n FROM CalendarFeed").get()).toEqual({ n: 0 });
  });

  it("export-ics writes the calendar to stdout, or to --out with a summary line", async () => {
    setup();
    const stdout = await run("export-ics", [
      "--from",
      "2026-03-16",
      "--to",
      "2026-03-31",
      "--scope",
      "client:cus_a",
    ]);
    expect(stdout.code).toBe(0);
    expect(parseIcs(stdout.lines.join("\n")).events.map((e) => e.uid)).toEqual([
      "k1@stripe-bookings",
      "k2@stripe-bookings",
    ]);

    const file = path.join(t!.dir, "out.ics");
    const toFile = await run("export-ics", ["--from", "2026-03-16", "--to", "2026-03-16", "--out", file]);
    expect(toFile).toMatchObject({ code: 0, lines: [`Wrote 1 booking(s) to ${file}.`] });
    const text = readFileSync(file, "utf8");
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(parseIcs(text).events[0]?.url).toMatch(/^http:\/\/192\.168\.1\.20:3000\/bookings\/\d+$/);
  });
});
